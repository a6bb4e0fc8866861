#include "AboutDialog.h"
#include "ui_AboutDialog.h"

#include "common/Appearance.h"

#include "core/util/Version.h"

#include <QIcon>
#include <QPushButton>
#include <QtGlobal>

namespace spinepath::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::AboutDialog)
{
    m_ui->setupUi(this);

    const std::string_view version = spinepath::version();
    m_ui->logoLabel->setPixmap(spinepath::ui::logoPixmap(64, devicePixelRatioF()));
    m_ui->versionLabel->setText(
        tr("Version %1").arg(QString::fromUtf8(version.data(), static_cast<qsizetype>(version.size()))));
    // Compile-time and run-time Qt can differ after a distribution update;
    // support needs the one actually loaded.
    m_ui->qtVersionLabel->setText(tr("Built with Qt %1, running on Qt %2")
                                      .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));

    if (QPushButton* ok = m_ui->buttonBox->button(QDialogButtonBox::Ok)) {
        ok->setObjectName(QStringLiteral("okButton"));
        ok->setAccessibleName(tr("OK"));
        ok->setDefault(true);
        // The platform theme's tick icon adds noise next to a one-word button.
        ok->setIcon(QIcon());
    }
}

AboutDialog::~AboutDialog() = default;

} // namespace spinepath::ui
