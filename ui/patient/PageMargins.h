#pragma once

#include <QBoxLayout>

namespace spinepath::ui {

// Pages narrower than this are laid out for a small screen: wider than a
// 1024x768 screen at scale 1.5 (683 px), narrower than any screen at scale 1.
// Below it pages keep thin margins and the library shows its list or an
// article, not both.
inline constexpr int kNarrowPageBelow = 720;

[[nodiscard]] inline bool isNarrowPage(int pageWidth)
{
    return pageWidth < kNarrowPageBelow;
}

// A page's side margins: generous on a wide page, narrow on a small screen
// (or at scale 1.5), where every pixel keeps the page from needing sideways
// scrolling. Call from the page's resizeEvent.
inline void fitSideMargins(QBoxLayout& layout, int pageWidth, int wideMargin)
{
    constexpr int kNarrowMargin = 8;
    const int side = isNarrowPage(pageWidth) ? kNarrowMargin : wideMargin;
    const QMargins margins = layout.contentsMargins();
    if (margins.left() != side)
        layout.setContentsMargins(side, margins.top(), side, margins.bottom());
}

} // namespace spinepath::ui
