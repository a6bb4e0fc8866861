#include "common/Appearance.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QLineEdit>
#include <QPainter>
#include <QPalette>
#include <QRegularExpression>
#include <QSvgRenderer>

#include <array>
#include <cmath>

// The resources live in this static library. Nothing references their object
// file, so the linker would drop it; Q_INIT_RESOURCE pulls it in. It must be
// called outside any namespace.
static void initSpinePathResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace spinepath::ui {

namespace {

const QString iconPath = QStringLiteral(":/icons/spinepath.svg");
const QString styleSheetPath = QStringLiteral(":/styles/spinepath.qss");

// Rendered through QSvgRenderer directly rather than QIcon(path), so the icon
// does not depend on the optional SVG icon-engine plugin being installed.
QPixmap renderSvg(int devicePixels)
{
    QPixmap pixmap(devicePixels, devicePixels);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(iconPath);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    return pixmap;
}

TextSize currentTextSize = TextSize::Normal;

// Qt 6.4's style sheets cannot colour placeholder text: they make it the
// text colour at half opacity, 3:1 on white, too faint for a hint a patient
// reads. A colour the field's own palette sets is kept through every
// re-polish (a text-size change), so each field gets one as it is polished.
class PlaceholderColour final : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // A style sheet sets the palette again whenever it re-polishes a
        // field (its focus rules do, on every focus change).
        if (event->type() == QEvent::Polish || event->type() == QEvent::PaletteChange)
            if (auto* edit = qobject_cast<QLineEdit*>(watched);
                edit && edit->palette().color(QPalette::PlaceholderText) != colour()) {
                QPalette palette = edit->palette();
                palette.setColor(QPalette::PlaceholderText, colour());
                edit->setPalette(palette);
            }
        return false;
    }

private:
    static QColor colour() { return {0x50, 0x62, 0x6c}; } // 6.4:1 on white
};

const QString& baseStyleSheet()
{
    static const QString text = [] {
        initSpinePathResources();
        QFile file(styleSheetPath);
        return file.open(QIODevice::ReadOnly | QIODevice::Text) ? QString::fromUtf8(file.readAll())
                                                                : QString();
    }();
    return text;
}

double factor(TextSize size)
{
    switch (size) {
    case TextSize::Large:
        return 1.25;
    case TextSize::Larger:
        return 1.5;
    case TextSize::Normal:
        break;
    }
    return 1.0;
}

QString scaledStyleSheet(double scale)
{
    if (scale == 1.0)
        return baseStyleSheet();
    static const QRegularExpression points(QStringLiteral(R"((\d+(?:\.\d+)?)pt\b)"));
    QString scaled;
    qsizetype copied = 0;
    const QString& text = baseStyleSheet();
    for (auto match = points.globalMatch(text); match.hasNext();) {
        const QRegularExpressionMatch size = match.next();
        scaled += QStringView(text).mid(copied, size.capturedStart() - copied);
        scaled +=
            QString::number(std::round(size.captured(1).toDouble() * scale * 10) / 10) + QStringLiteral("pt");
        copied = size.capturedEnd();
    }
    scaled += QStringView(text).mid(copied);
    return scaled;
}

} // namespace

void applyAppearance(QApplication& app)
{
    static PlaceholderColour placeholders;
    app.installEventFilter(&placeholders);
    app.setStyleSheet(baseStyleSheet());
    currentTextSize = TextSize::Normal;
}

void applyTextSize(TextSize size)
{
    if (size == currentTextSize && !qApp->styleSheet().isEmpty())
        return;
    currentTextSize = size;
    qApp->setStyleSheet(scaledStyleSheet(factor(size)));
}

TextSize textSize()
{
    return currentTextSize;
}

void applyWindowIcon()
{
    QApplication::setWindowIcon(appIcon());
}

QIcon appIcon()
{
    initSpinePathResources();
    QIcon icon;
    for (const int size : std::array{16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(renderSvg(size));
    return icon;
}

QPixmap logoPixmap(int logicalSize, qreal devicePixelRatio)
{
    initSpinePathResources();
    const qreal ratio = devicePixelRatio > 0 ? devicePixelRatio : 1.0;
    QPixmap pixmap = renderSvg(static_cast<int>(std::lround(logicalSize * ratio)));
    pixmap.setDevicePixelRatio(ratio);
    return pixmap;
}

} // namespace spinepath::ui
