#include "staff/PageMessage.h"

#include <QLabel>
#include <QStyle>

namespace spinepath::ui {

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
