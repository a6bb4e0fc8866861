#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

class QWidget;

namespace spinepath::ui {

// Asks staff for the password of the clinic's database server when their
// ~/.pgpass holds none (DatabaseStartup::setPasswordPrompt). Typed hidden;
// never shown at a kiosk, where a patient would see it.
class DatabasePasswordPrompt final
{
    Q_DECLARE_TR_FUNCTIONS(DatabasePasswordPrompt)

public:
    // `cancelText`: what not giving one does (default: work without the database).
    [[nodiscard]] static std::optional<QString> ask(QWidget* parent, const QString& location, int attempt,
                                                    const QString& cancelText = {});
};

} // namespace spinepath::ui
