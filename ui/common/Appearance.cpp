#include "common/Appearance.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
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
