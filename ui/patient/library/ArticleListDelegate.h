#pragma once

#include <QStyledItemDelegate>

class QTextDocument;

namespace spinepath::ui {

// Draws the library list's entries: small rich texts (a bold title over a
// summary or a search snippet with the matching words marked) that the page
// builds from escaped plain text. Patient text, so never below
// kMinimumPoints whatever font the list has.
class ArticleListDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListDelegate)

public:
    // The list entry's rich text (its item data).
    static constexpr int kHtmlRole = Qt::UserRole + 1;
    // Points: the smallest text shown to a patient.
    static constexpr qreal kMinimumPoints = 12.0;

    using QStyledItemDelegate::QStyledItemDelegate;

    // The entry as it is drawn, laid out `width` pixels wide.
    static void layOut(QTextDocument& document, const QFont& listFont, const QModelIndex& index, int width);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace spinepath::ui
