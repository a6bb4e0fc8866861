#pragma once

#include <QString>

namespace spinepath::ui {

// A tooltip that shows typed or content text exactly as written. Tooltips
// read rich text whenever the text starts with something like a tag, so a
// name typed as "<h1>URGENT</h1>" would show as a heading: the
// text is escaped and marked as rich text, which shows the characters.
[[nodiscard]] inline QString plainToolTip(const QString& text)
{
    return text.isEmpty() ? text
                          : QStringLiteral("<span>") + text.toHtmlEscaped() + QStringLiteral("</span>");
}

} // namespace spinepath::ui
