#include "common/Appearance.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
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

} // namespace

void applyAppearance(QApplication& app)
{
    initSpinePathResources();
    QFile styleSheet(styleSheetPath);
    if (styleSheet.open(QIODevice::ReadOnly | QIODevice::Text))
        app.setStyleSheet(QString::fromUtf8(styleSheet.readAll()));
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
