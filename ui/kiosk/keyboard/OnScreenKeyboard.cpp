#include "OnScreenKeyboard.h"

#include <QApplication>
#include <QBoxLayout>
#include <QEvent>
#include <QInputMethod>
#include <QMainWindow>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWidget>
#include <QScrollArea>
#include <QtMath>

#include <spdlog/spdlog.h>

#include <algorithm>

// keyboard.qrc lives in this static library: nothing else references it, so
// it is pulled in by name (outside any namespace, as Q_INIT_RESOURCE must be).
static void initKeyboardResources()
{
    Q_INIT_RESOURCE(keyboard);
}

namespace spinepath::ui {

namespace {

// The keyboard keeps its style's shape (about 3.2 : 1), so its width sets its
// height. No wider than this many times the window's height, it takes at most
// about two fifths of it: a 1280x720 kiosk keeps room for the field and the
// question it belongs to.
constexpr double kMaxWidthPerHeight = 1.28;
constexpr int kMinWidth = 480;
constexpr double kWidthPerHeight = 3.2;

} // namespace

OnScreenKeyboard::OnScreenKeyboard(QMainWindow& window)
    : QWidget(window.centralWidget())
    , m_window(window)
    , m_view(new QQuickWidget(this))
{
    setObjectName(QStringLiteral("onScreenKeyboard"));
    // A tap on a key must leave the focus in the field being typed in.
    setFocusPolicy(Qt::NoFocus);
    m_view->setObjectName(QStringLiteral("onScreenKeyboardView"));
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setResizeMode(QQuickWidget::SizeRootObjectToView);
    m_view->setClearColor(QColor(0x26, 0x32, 0x38));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    // Put away by collapsing this widget to no height, never by hiding the
    // view or shrinking it: an InputPanel laid out while its view is hidden
    // or flat keeps keys of no width (Shift, Enter, "&123") once it is shown
    // again (Qt 6.4). The view keeps the panel's size and is clipped.
    setFixedHeight(0);

    m_updateSoon.setSingleShot(true);
    m_updateSoon.setInterval(0);
    // Coalesced: moving from one field to the next hides and shows the input
    // method in turn, which must not make the page jump.
    connect(&m_updateSoon, &QTimer::timeout, this, &OnScreenKeyboard::followInputMethod);
    connect(QGuiApplication::inputMethod(), &QInputMethod::visibleChanged, &m_updateSoon,
            qOverload<>(&QTimer::start));
    connect(qApp, &QApplication::focusChanged, &m_updateSoon, qOverload<>(&QTimer::start));
    m_window.installEventFilter(this);
}

OnScreenKeyboard::~OnScreenKeyboard() = default;

bool OnScreenKeyboard::isInputMethod()
{
    return qgetenv("QT_IM_MODULE") == "qtvirtualkeyboard";
}

OnScreenKeyboard* OnScreenKeyboard::attach(QMainWindow& window)
{
    QWidget* central = window.centralWidget();
    auto* layout = central ? qobject_cast<QBoxLayout*>(central->layout()) : nullptr;
    if (!layout) {
        spdlog::warn("no place for the on-screen keyboard in the window; the kiosk runs without it");
        return nullptr;
    }
    auto* keyboard = new OnScreenKeyboard(window);
    if (!keyboard->load()) {
        delete keyboard;
        return nullptr;
    }
    // Nothing between the page and the keyboard.
    layout->setSpacing(0);
    layout->addWidget(keyboard);
    keyboard->fitToWindow();
    return keyboard;
}

bool OnScreenKeyboard::load()
{
    initKeyboardResources();
    m_view->setSource(QUrl(QStringLiteral("qrc:/kiosk/OnScreenKeyboard.qml")));
    if (QQuickItem* root = m_view->rootObject(); m_view->status() == QQuickWidget::Ready && root && panel()) {
        connect(root, &QQuickItem::implicitHeightChanged, this, &OnScreenKeyboard::applyHeight);
        return true;
    }
    for (const QQmlError& error : m_view->errors())
        spdlog::warn("on-screen keyboard: {}", error.toString().toStdString());
    spdlog::warn(
        "the on-screen keyboard cannot be shown (is qml6-module-qtquick-virtualkeyboard installed?); "
        "the kiosk runs without it");
    return false;
}

QQuickItem* OnScreenKeyboard::panel() const
{
    QQuickItem* root = m_view->rootObject();
    return root ? root->findChild<QQuickItem*>(QStringLiteral("inputPanel")) : nullptr;
}

bool OnScreenKeyboard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_window && event->type() == QEvent::Resize)
        fitToWindow();
    return QWidget::eventFilter(watched, event);
}

void OnScreenKeyboard::fitToWindow()
{
    QQuickItem* root = m_view->rootObject();
    if (!root)
        return;
    const int maxWidth = std::max(kMinWidth, qRound(m_window.height() * kMaxWidthPerHeight));
    root->setProperty("maxWidth", maxWidth);
    applyHeight();
}

void OnScreenKeyboard::applyHeight()
{
    QQuickItem* root = m_view->rootObject();
    if (!root)
        return;
    // Until the panel has been laid out at its width its height is unknown:
    // an estimate from the style's shape; implicitHeightChanged corrects it.
    const double known = root->implicitHeight();
    const int maxWidth = root->property("maxWidth").toInt();
    const int panelHeight =
        known > 0.0 ? qCeil(known) : qCeil(std::min(m_window.width(), maxWidth) / kWidthPerHeight);
    m_view->setGeometry(0, 0, width(), panelHeight);
    setFixedHeight(m_shown ? panelHeight : 0);
}

void OnScreenKeyboard::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_view->width() != width())
        applyHeight();
}

void OnScreenKeyboard::followInputMethod()
{
    QWidget* focus = QApplication::focusWidget();
    const bool wanted = QGuiApplication::inputMethod()->isVisible() && focus &&
                        focus->window() == &m_window && focus->testAttribute(Qt::WA_InputMethodEnabled);
    if (wanted != m_shown) {
        m_shown = wanted;
        applyHeight();
    }
    if (wanted)
        keepFocusInView();
}

void OnScreenKeyboard::keepFocusInView()
{
    QWidget* focus = QApplication::focusWidget();
    if (!focus || focus->window() != &m_window)
        return;
    // The page is laid out now, not later, so the scroll areas know their new height.
    if (QLayout* layout = m_window.centralWidget()->layout())
        layout->activate();
    for (QWidget* area = focus->parentWidget(); area; area = area->parentWidget())
        if (auto* scroll = qobject_cast<QScrollArea*>(area))
            scroll->ensureWidgetVisible(focus, 24, 24);
}

} // namespace spinepath::ui
