#pragma once

#include <QString>

namespace spinepath::ui {

// The look of the form controls on the staff pages (spin boxes, drop-down
// lists, date fields) in the palette of resources/styles/spinepath.qss, which
// styles line edits but not these. Once a style sheet gives them a border,
// Qt no longer draws their arrows, so the sheet supplies its own.
[[nodiscard]] QString staffFormStyleSheet();

} // namespace spinepath::ui
