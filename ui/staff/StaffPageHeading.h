#pragma once

#include <QString>

class QHBoxLayout;
class QLabel;
class QWidget;

namespace spinepath::ui {

// The title row at the top of a staff console page (settings, audit log):
// the title at the left, then a stretch, so that what belongs with the title
// (an export button, a note) can be added at the right of the row.
struct StaffPageHeading
{
    QLabel* title = nullptr;
    QHBoxLayout* row = nullptr;
};

// `objectName` names the title label, which the tests and screenshots find.
[[nodiscard]] StaffPageHeading makeStaffPageHeading(const QString& title, const QString& objectName,
                                                    QWidget* parent);

// Shows `text` in a page's status line, styled as an error or as a success
// (the style sheet keys on the "state" property); empty text clears it.
void showPageMessage(QLabel& label, const QString& text, bool error);

} // namespace spinepath::ui
