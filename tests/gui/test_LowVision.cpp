// Acceptance (issue 18, point 9): what a patient with low vision sees meets
// WCAG 2.1 AA on every patient page, measured on the rendered pixels (so the
// style sheet, the palette and the style are judged together, as shown):
// - text contrasts 4.5:1 with its background (3:1 when large), and is at
//   least 12 pt;
// - moving the focus onto a control changes a ring of pixels around it by
//   3:1 or more;
// - the edges of text fields and the marks of radio buttons and check boxes
//   contrast 3:1 with what surrounds them;
// - a selected row of a list stands out 3:1 from an unselected one.

#include "support/Contrast.h"
#include "support/LayoutSettle.h"
#include "support/PatientPageTour.h"
#include "support/PatientWindowTest.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QtTest>

using namespace spinepath::ui;
using spinepath::test::contrastRatio;
using spinepath::test::dominantColour;
using spinepath::test::strongestContrast;

namespace {

constexpr double kTextContrast = 4.5;
constexpr double kLargeTextContrast = 3.0;
constexpr double kNonTextContrast = 3.0;
constexpr double kSmallestPatientPoints = 12.0;

QString describe(const QWidget* widget)
{
    QString text;
    if (const auto* label = qobject_cast<const QLabel*>(widget))
        text = label->text();
    else if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        text = button->text();
    const QString name = widget->objectName().isEmpty()
                             ? QString::fromLatin1(widget->metaObject()->className())
                             : widget->objectName();
    return text.isEmpty() ? name : QStringLiteral("%1 \"%2\"").arg(name, text.left(30));
}

// The part of `widget` the window shows (a scroll area may hide the rest),
// in the window's pixels.
QRect shownArea(const QWidget* widget, const QWidget* window, qreal scale)
{
    const QRect local = widget->visibleRegion().boundingRect();
    const QRect inWindow(widget->mapTo(window, local.topLeft()), local.size());
    return QRect((QRectF(inWindow).topLeft() * scale).toPoint(), (QSizeF(inWindow.size()) * scale).toSize());
}

bool isLargeText(const QFont& font)
{
    // WCAG: 18 pt, or 14 pt bold.
    const qreal points = QFontInfo(font).pointSizeF();
    return points >= 18.0 || (points >= 14.0 && font.bold());
}

QString shownText(const QWidget* widget)
{
    if (const auto* label = qobject_cast<const QLabel*>(widget))
        return label->pixmap().isNull() ? label->text() : QString();
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget))
        return button->text();
    if (const auto* edit = qobject_cast<const QLineEdit*>(widget))
        return edit->text().isEmpty() ? edit->placeholderText() : edit->text();
    return {};
}

} // namespace

class TestLowVision final : public QObject, private spinepath::test::PatientWindowTest
{
    Q_OBJECT

    QStringList m_problems;

    [[nodiscard]] QImage render() const
    {
        spinepath::test::waitForLayoutToSettle(*m_window);
        return m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    }

    [[nodiscard]] qreal scale() const { return m_window->devicePixelRatioF(); }

    [[nodiscard]] QList<QWidget*> shownWidgets() const
    {
        QList<QWidget*> shown;
        for (QWidget* widget : m_window->findChildren<QWidget*>())
            if (widget->isVisible() && widget->window() == m_window.get() &&
                !widget->visibleRegion().isEmpty())
                shown << widget;
        return shown;
    }

    void problem(const QString& page, const QWidget* widget, const QString& what)
    {
        m_problems << QStringLiteral("%1: %2 %3").arg(page, describe(widget), what);
    }

    void checkText(const QString& page, const QImage& image)
    {
        for (QWidget* widget : shownWidgets()) {
            const bool isList = qobject_cast<QAbstractItemView*>(widget) != nullptr;
            const bool isDocument = qobject_cast<QTextBrowser*>(widget) != nullptr;
            if (isDocument ? static_cast<QTextBrowser*>(widget)->document()->isEmpty()
                           : shownText(widget).trimmed().isEmpty() && !isList)
                continue;
            if (const auto* tool = qobject_cast<QToolButton*>(widget);
                tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
                continue; // its text is for screen readers; it shows an icon
            if (!isDocument && !isList && widget->visibleRegion().boundingRect() != widget->rect())
                continue; // partly scrolled out of sight: the text may be in the hidden part
            const QFont font =
                isDocument ? static_cast<QTextBrowser*>(widget)->document()->defaultFont() : widget->font();
            if (QFontInfo(font).pointSizeF() < kSmallestPatientPoints - 0.05)
                problem(page, widget,
                        QStringLiteral("is %1 pt").arg(QFontInfo(font).pointSizeF(), 0, 'f', 1));
            if (!widget->isEnabled() || isList)
                continue; // disabled controls are exempt; list rows are checked with selection
            QRect area = shownArea(widget, m_window.get(), scale());
            if (qobject_cast<QLineEdit*>(widget))
                area.adjust(6, 6, -6, -6); // the text, not the field's edge
            const QRgb background = dominantColour(image, area);
            const double contrast = strongestContrast(image, area, background);
            const double needed = isLargeText(font) ? kLargeTextContrast : kTextContrast;
            if (contrast < needed)
                problem(page, widget,
                        QStringLiteral("text contrasts %1:1 with its background").arg(contrast, 0, 'f', 2));
        }
    }

    // The ring a focused control gets must differ from its unfocused look
    // by 3:1 on at least a one-pixel line all around it.
    void checkFocus(const QString& page)
    {
        for (QWidget* widget : shownWidgets()) {
            if (!widget->isEnabled() || !(widget->focusPolicy() & Qt::TabFocus) ||
                qobject_cast<QAbstractItemView*>(widget) || qobject_cast<QTextBrowser*>(widget))
                continue;
            m_window->setFocus(Qt::OtherFocusReason);
            const QImage before = render();
            widget->setFocus(Qt::TabFocusReason);
            const QImage after = render();
            const QRect area = shownArea(widget, m_window.get(), scale()).adjusted(-4, -4, 4, 4);
            const int ring = 2 * (area.width() - 8 + area.height() - 8);
            const int changed = spinepath::test::pixelsChangedBy(before, after, area, kNonTextContrast);
            if (changed < ring)
                problem(page, widget,
                        QStringLiteral("shows its focus on %1 of the %2 pixels of a ring")
                            .arg(changed)
                            .arg(ring));
        }
        m_window->setFocus(Qt::OtherFocusReason);
    }

    void checkBoundaries(const QString& page, const QImage& image)
    {
        for (QWidget* widget : shownWidgets()) {
            if (!widget->isEnabled() || widget->hasFocus())
                continue;
            auto* button = qobject_cast<QAbstractButton*>(widget);
            const bool isMark = qobject_cast<QRadioButton*>(widget) || qobject_cast<QCheckBox*>(widget);
            if (!isMark && !qobject_cast<QLineEdit*>(widget))
                continue;
            const QRect area = shownArea(widget, m_window.get(), scale());
            if (area.height() < widget->height() * scale())
                continue; // partly scrolled out of sight
            const int middle = area.center().y();
            QRect indicator;
            if (isMark && !button->isChecked()) {
                QStyleOptionButton option;
                option.initFrom(button);
                option.text = button->text();
                indicator = button->style()->subElementRect(qobject_cast<QRadioButton*>(widget)
                                                                ? QStyle::SE_RadioButtonIndicator
                                                                : QStyle::SE_CheckBoxIndicator,
                                                            &option, button);
            }
            if (indicator.width() > 2) {
                // The mark against the control's own background beside it.
                const QRect mark(
                    (QRectF(indicator.translated(area.topLeft() / scale())).topLeft() * scale()).toPoint(),
                    (QSizeF(indicator.size()) * scale()).toSize());
                const QRgb beside = image.pixel(area.left() + 1, middle);
                const double contrast = strongestContrast(image, mark, beside);
                if (contrast < kNonTextContrast)
                    problem(page, widget, QStringLiteral("mark contrasts %1:1").arg(contrast, 0, 'f', 2));
            } else if (!isMark || !button->isChecked()) {
                // The edge against what is just outside it.
                if (area.left() < 3)
                    continue;
                const QRgb outside = image.pixel(area.left() - 2, middle);
                const double contrast =
                    strongestContrast(image, QRect(area.left(), middle - 2, 3, 5), outside);
                if (contrast < kNonTextContrast)
                    problem(page, widget, QStringLiteral("edge contrasts %1:1").arg(contrast, 0, 'f', 2));
            }
        }
    }

    void checkSelection(const QString& page)
    {
        for (QWidget* widget : shownWidgets()) {
            auto* view = qobject_cast<QAbstractItemView*>(widget);
            if (!view || !view->model() || view->model()->rowCount() == 0 || !view->selectionModel())
                continue;
            QModelIndex first; // the first row that can be selected (a heading cannot)
            for (int row = 0; row < view->model()->rowCount() && !first.isValid(); ++row)
                if (const QModelIndex index = view->model()->index(row, 0);
                    view->model()->flags(index) & Qt::ItemIsSelectable)
                    first = index;
            if (!first.isValid())
                continue;
            const QItemSelection selectedBefore = view->selectionModel()->selection();
            view->selectionModel()->clearSelection();
            const QImage before = render();
            view->selectionModel()->select(first,
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            const QImage after = render();
            view->selectionModel()->select(selectedBefore, QItemSelectionModel::ClearAndSelect);

            const QRect row = view->visualRect(first);
            const QRect inWindow(view->viewport()->mapTo(m_window.get(), row.topLeft()), row.size());
            const QRect area((QRectF(inWindow).topLeft() * scale()).toPoint(),
                             (QSizeF(inWindow.size()) * scale()).toSize());
            const QRgb unselected = dominantColour(before, area);
            const QRgb selected = dominantColour(after, area);
            if (const double contrast = contrastRatio(unselected, selected); contrast < kNonTextContrast)
                problem(page, view, QStringLiteral("marks a selected row by %1:1").arg(contrast, 0, 'f', 2));
            for (const auto& [image, background] :
                 {std::pair{before, unselected}, std::pair{after, selected}})
                if (const double contrast = strongestContrast(image, area, background);
                    contrast < kTextContrast)
                    problem(page, view, QStringLiteral("row text contrasts %1:1").arg(contrast, 0, 'f', 2));
        }
    }

    void verifyNoProblems()
    {
        const QStringList problems = std::exchange(m_problems, {});
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void open(bool kiosk)
    {
        m_window = std::make_unique<MainWindow>(*m_context);
        m_window->setKioskMode(kiosk);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCursor::setPos(m_window->mapToGlobal(QPoint(m_window->width() - 1, m_window->height() - 1)));
    }

private slots:
    void initTestCase() { prepare(QStringLiteral("contrast.sqlite")); }

    void cleanup() { m_window.reset(); }

    void textIsLargeAndContrastsEverywhere()
    {
        open(false);
        spinepath::test::tourHomePages(*m_window, *m_context,
                                       [this](const QString& page) { checkText(page, render()); });
        open(true);
        spinepath::test::tourKioskPages(
            *m_window, [this](const QString& page) { checkText(QStringLiteral("kiosk-") + page, render()); });
        verifyNoProblems();
    }

    void focusShowsOnEveryControl()
    {
        open(false);
        spinepath::test::tourHomePages(*m_window, *m_context,
                                       [this](const QString& page) { checkFocus(page); });
        open(true);
        spinepath::test::tourKioskPages(
            *m_window, [this](const QString& page) { checkFocus(QStringLiteral("kiosk-") + page); });
        verifyNoProblems();
    }

    void controlEdgesAndMarksContrast()
    {
        open(false);
        spinepath::test::tourHomePages(*m_window, *m_context, [this](const QString& page) {
            m_window->setFocus(Qt::OtherFocusReason);
            checkBoundaries(page, render());
        });
        verifyNoProblems();
    }

    void selectedRowsStandOut()
    {
        open(false);
        spinepath::test::tourHomePages(*m_window, *m_context,
                                       [this](const QString& page) { checkSelection(page); });
        verifyNoProblems();
    }
};

QTEST_MAIN(TestLowVision)
#include "test_LowVision.moc"
