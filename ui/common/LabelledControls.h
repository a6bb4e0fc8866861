#pragma once

class QWidget;

namespace spinepath::ui {

// Gives every control under `root` that a QLabel names as its buddy that
// label's text as its accessible name, unless it already has one.
//
// Qt's accessibility layer finds a buddy label only among the control's
// direct siblings, so a field that a layout wraps in its own container (a
// spin box beside its unit, say) is announced with no name at all.
void nameControlsByTheirLabels(QWidget& root);

} // namespace spinepath::ui
