#pragma once

#include <QString>

class QLabel;

namespace spinepath::ui {

// Shows `text` in a staff page's status line (settings, audit log), styled as
// an error or as a success (the style sheet keys on the "state" property);
// empty text clears it.
void showPageMessage(QLabel& label, const QString& text, bool error);

} // namespace spinepath::ui
