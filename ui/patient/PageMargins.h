#pragma once

#include <QBoxLayout>

namespace spinepath::ui {

// A page's side margins: generous on a wide page, narrow on a small screen
// (or at scale 1.5), where every pixel keeps the page from needing sideways
// scrolling. Call from the page's resizeEvent.
inline void fitSideMargins(QBoxLayout& layout, int pageWidth, int wideMargin)
{
    constexpr int kNarrowMargin = 8;
    constexpr int kNarrowBelow = 720;
    const int side = pageWidth < kNarrowBelow ? kNarrowMargin : wideMargin;
    const QMargins margins = layout.contentsMargins();
    if (margins.left() != side)
        layout.setContentsMargins(side, margins.top(), side, margins.bottom());
}

} // namespace spinepath::ui
