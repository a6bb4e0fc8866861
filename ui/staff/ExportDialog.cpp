#include "staff/ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

using spinepath::storage::ExportFormat;

ExportDialog::ExportDialog(int selected, QWidget* parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export assessments"));
    auto* intro =
        new QLabel(tr("Export %n selected assessment(s). The file holds health information: keep it "
                      "on a protected drive, and delete it when it is no longer needed.",
                      nullptr, selected),
                   this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("exportIntro"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Export format"));
    m_format->addItem(tr("FHIR Bundle of QuestionnaireResponses (.json)"),
                      static_cast<int>(ExportFormat::Fhir));
    m_format->addItem(tr("CSV: one row per assessment, results only (.csv)"),
                      static_cast<int>(ExportFormat::Csv));
    m_format->addItem(tr("JSON Lines: answers and results (.jsonl)"), static_cast<int>(ExportFormat::Jsonl));
    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose file…"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("exportAccept"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("exportCancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

ExportDialog::~ExportDialog() = default;

ExportFormat ExportDialog::format() const
{
    return static_cast<ExportFormat>(m_format->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

QString ExportDialog::suffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Jsonl:
        return QStringLiteral("jsonl");
    case ExportFormat::Fhir:
        break;
    }
    return QStringLiteral("json");
}

QString ExportDialog::fileFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return tr("CSV files (*.csv)");
    case ExportFormat::Jsonl:
        return tr("JSON Lines files (*.jsonl)");
    case ExportFormat::Fhir:
        break;
    }
    return tr("FHIR JSON files (*.json)");
}

} // namespace spinepath::ui
