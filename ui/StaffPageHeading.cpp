#include "StaffPageHeading.h"

#include <QHBoxLayout>
#include <QLabel>

StaffPageHeading makeStaffPageHeading(const QString& title, const QString& objectName, QWidget* parent)
{
    StaffPageHeading heading;
    heading.title = new QLabel(title, parent);
    heading.title->setProperty("role", QStringLiteral("pageHeading"));
    heading.title->setObjectName(objectName);
    heading.row = new QHBoxLayout();
    heading.row->addWidget(heading.title);
    heading.row->addStretch(1);
    return heading;
}
