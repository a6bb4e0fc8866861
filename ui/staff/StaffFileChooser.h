#pragma once

#include <QString>

#include <functional>

class QWidget;

// Asks where to save a file. Tests install a provider so that no modal file
// dialog ever blocks them (offscreen, nobody would close it).
class StaffFileChooser final
{
public:
    // Gets the suggested file name, returns the chosen path (empty: cancelled).
    using Provider = std::function<QString(const QString& suggestedName)>;

    StaffFileChooser() = delete;

    [[nodiscard]] static QString saveFileName(QWidget* parent, const QString& title,
                                              const QString& suggestedName, const QString& filter);
    // An empty provider restores the real dialog.
    static void setProviderForTesting(Provider provider);
};
