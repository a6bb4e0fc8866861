#include "ArticleListDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

#include <algorithm>

namespace spinepath::ui {

namespace {

constexpr int kPaddingX = 8;
constexpr int kPaddingY = 6;

} // namespace

void ArticleListDelegate::layOut(QTextDocument& document, const QFont& listFont, const QModelIndex& index,
                                 int width)
{
    // A QTextDocument starts from the application font, not the list's (nor
    // the style sheet's): without this the entries were about 9 pt.
    QFont font = listFont;
    if (font.pointSizeF() < kMinimumPoints)
        font.setPointSizeF(kMinimumPoints);
    document.setDefaultFont(font);
    document.setHtml(index.data(kHtmlRole).toString());
    document.setTextWidth(width);
}

void ArticleListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const
{
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    plain.widget->style()->drawControl(QStyle::CE_ItemViewItem, &plain, painter, plain.widget);
    QTextDocument document;
    layOut(document, option.font, index, option.rect.width() - 2 * kPaddingX);
    // A selected row is filled with the highlight: its text takes the
    // colour made to be read on it, as the style's own rows do.
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    if (option.state & QStyle::State_Selected)
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    painter->save();
    painter->translate(option.rect.topLeft() + QPoint(kPaddingX, kPaddingY));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize ArticleListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QTextDocument document;
    layOut(document, option.font, index, std::max(200, option.rect.width() - 2 * kPaddingX));
    return {option.rect.width(), static_cast<int>(document.size().height()) + 2 * kPaddingY};
}

} // namespace spinepath::ui
