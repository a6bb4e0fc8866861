#pragma once

#include <QString>

class QHBoxLayout;
class QLabel;
class QWidget;

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
