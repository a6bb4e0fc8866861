#pragma once

#include <QIcon>
#include <QPixmap>

class QApplication;

namespace spinepath::ui {

// Loads the bundled resources and applies the application icon and the
// SpinePath style sheet. Call once, after QApplication is created.
void applyAppearance(QApplication& app);

// The application icon, rendered from the bundled SVG at the usual sizes.
[[nodiscard]] QIcon appIcon();

// The logo at logicalSize x logicalSize, sharp on high-density screens.
[[nodiscard]] QPixmap logoPixmap(int logicalSize, qreal devicePixelRatio);

} // namespace spinepath::ui
