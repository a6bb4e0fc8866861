#pragma once

#include <QString>

#include <exception>
#include <memory>

class QMessageBox;
class QWidget;

namespace spinepath::ui {

// The box that says why the content of a folder cannot be used and the
// program stops. However many problems there are, it fits the screen: a
// short text names the folder (once), and the problems, with each file named
// from that folder, are in its scrollable details, shown at once.
[[nodiscard]] std::unique_ptr<QMessageBox> contentProblemBox(QWidget* parent, const QString& contentFolder,
                                                             const std::exception& error);

} // namespace spinepath::ui
