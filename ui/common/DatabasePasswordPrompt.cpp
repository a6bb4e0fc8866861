#include "common/DatabasePasswordPrompt.h"

#include <QInputDialog>
#include <QLineEdit>

namespace spinepath::ui {

std::optional<QString> DatabasePasswordPrompt::ask(QWidget* parent, const QString& location, int attempt,
                                                   const QString& cancelText)
{
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("databasePasswordDialog"));
    dialog.setWindowTitle(tr("Database password"));
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setTextEchoMode(QLineEdit::Password);
    // The location names the server and the login, never a password.
    const QString asked =
        tr("The clinic's database server asks for the password of this login:\n%1").arg(location);
    dialog.setLabelText(attempt > 1 ? tr("That password was not accepted.") + u'\n' + asked : asked);
    dialog.setOkButtonText(tr("Connect"));
    dialog.setCancelButtonText(cancelText.isEmpty() ? tr("Work without the database") : cancelText);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().isEmpty())
        return std::nullopt;
    return dialog.textValue();
}

} // namespace spinepath::ui
