#include "staff/StaffPageHeading.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace spinepath::ui {

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

void showPageMessage(QLabel& label, const QString& text, bool error)
{
    label.setText(text);
    label.setProperty("state", text.isEmpty() ? QString()
                               : error        ? QStringLiteral("error")
                                              : QStringLiteral("ok"));
    // A dynamic property takes effect only after the label is polished again.
    label.style()->unpolish(&label);
    label.style()->polish(&label);
}

} // namespace spinepath::ui
