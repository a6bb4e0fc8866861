#include "LabelledControls.h"

#include <QLabel>
#include <QRegularExpression>
#include <QTextDocumentFragment>

namespace spinepath::ui {

namespace {

// What a screen reader should say for a label: its words without the
// mnemonic ampersand, markup or the trailing colon.
QString spokenText(const QLabel& label)
{
    QString text = label.textFormat() == Qt::PlainText
                       ? label.text()
                       : QTextDocumentFragment::fromHtml(label.text()).toPlainText();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text = text.trimmed();
    if (text.endsWith(u':'))
        text.chop(1);
    return text;
}

} // namespace

void nameControlsByTheirLabels(QWidget& root)
{
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        QWidget* control = label->buddy();
        if (control && control->accessibleName().isEmpty())
            control->setAccessibleName(spokenText(*label));
    }
}

} // namespace spinepath::ui
