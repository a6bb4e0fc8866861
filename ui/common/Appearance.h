#pragma once

#include <QIcon>
#include <QPixmap>

class QApplication;

namespace spinepath::ui {

// Loads the bundled resources and applies the SpinePath style sheet. Call
// once, after QApplication is created.
void applyAppearance(QApplication& app);

// The patient's choice of text size on the welcome page.
enum class TextSize
{
    Normal,
    Large,
    Larger
};

// Applies the style sheet again with every size given in points scaled for
// `size`. Sizes in pixels (borders, the text-size buttons themselves) stay,
// so the choice can always be found and undone where it was made.
void applyTextSize(TextSize size);
[[nodiscard]] TextSize textSize();

// Sets appIcon() as every window's icon. The program calls it after the first
// frame: rendering the SVG at seven sizes and sending them to the window
// system is not worth delaying the welcome page for.
void applyWindowIcon();

// The application icon, rendered from the bundled SVG at the usual sizes.
[[nodiscard]] QIcon appIcon();

// The logo at logicalSize x logicalSize, sharp on high-density screens.
[[nodiscard]] QPixmap logoPixmap(int logicalSize, qreal devicePixelRatio);

} // namespace spinepath::ui
