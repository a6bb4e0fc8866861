#pragma once

// Contrast as WCAG 2.1 defines it, measured on rendered pixels: what a
// patient with low vision actually sees, whatever the style sheet, the
// palette and the style made of it together.
#include <QColor>
#include <QHash>
#include <QImage>
#include <QRect>

#include <algorithm>
#include <cmath>

namespace spinepath::test {

// WCAG 2.1 relative luminance of an sRGB colour.
inline double relativeLuminance(QRgb rgb)
{
    const auto channel = [](int value) {
        const double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(qRed(rgb)) + 0.7152 * channel(qGreen(rgb)) + 0.0722 * channel(qBlue(rgb));
}

// From 1 (the same) to 21 (black on white).
inline double contrastRatio(QRgb a, QRgb b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The colour most pixels of `area` have: the background behind a text.
inline QRgb dominantColour(const QImage& image, const QRect& area)
{
    QHash<QRgb, int> counts;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    return best;
}

// The strongest contrast any pixel of `area` has with `against`. For text,
// the core of a glyph has the text's own colour (its edges are blended with
// the background), so this is the text's contrast.
inline double strongestContrast(const QImage& image, const QRect& area, QRgb against)
{
    double strongest = 1.0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            strongest = std::max(strongest, contrastRatio(image.pixel(x, y), against));
    return strongest;
}

// How many pixels of `area` changed between two renderings by at least
// `ratio`: the part of a state change (focus, say) a low-vision user can
// tell apart.
inline int pixelsChangedBy(const QImage& before, const QImage& after, const QRect& area, double ratio)
{
    int changed = 0;
    const QRect inside = area.intersected(before.rect()).intersected(after.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            if (contrastRatio(before.pixel(x, y), after.pixel(x, y)) >= ratio)
                ++changed;
    return changed;
}

} // namespace spinepath::test
