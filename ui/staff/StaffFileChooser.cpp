#include "staff/StaffFileChooser.h"

#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace {

StaffFileChooser::Provider& provider()
{
    static StaffFileChooser::Provider instance;
    return instance;
}

} // namespace

QString StaffFileChooser::saveFileName(QWidget* parent, const QString& title, const QString& suggestedName,
                                       const QString& filter)
{
    if (provider())
        return provider()(suggestedName);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(suggestedName), filter);
}

void StaffFileChooser::setProviderForTesting(Provider replacement)
{
    provider() = std::move(replacement);
}
