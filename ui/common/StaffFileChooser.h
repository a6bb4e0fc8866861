#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace spinepath::ui {

// Asks where to save a file: the one place the program opens a file dialog
// (never at the kiosk). Qt's file dialog remembers the folders and files it
// saw in QtProject.conf, where a file name may be a patient's: the chooser
// keeps that file 0600 and drops the history and last folder after each use.
// Tests install a provider so that no modal file dialog ever blocks them
// (offscreen, nobody would close it).
class StaffFileChooser final
{
public:
    // Gets the suggested file name, returns the chosen path (empty: cancelled).
    using Provider = std::function<QString(const QString& suggestedName)>;

    StaffFileChooser() = delete;

    // `suggestedName` is put in the user's documents folder.
    [[nodiscard]] static QString saveFileName(QWidget* parent, const QString& title,
                                              const QString& suggestedName, const QString& filter,
                                              QString* selectedFilter = nullptr);
    // Removes the file dialog's history and last folder from QtProject.conf
    // and makes that file 0600.
    static void forgetDialogHistory();
    // An empty provider restores the real dialog.
    static void setProviderForTesting(Provider provider);
};

} // namespace spinepath::ui
