// The Spanish drawings of the articles (resources/illustrations/*-es.svg):
// Spanish words are longer than English ones, so each label is measured as
// QSvgRenderer draws it (the same font) and must lie inside the picture and
// clear of every other label. Each drawing is also rendered to
// illustrations-es/NAME.png beside the test, to look at.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "report/GuiApplicationListener.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QXmlStreamReader>

#include <cmath>
#include <string>
#include <vector>

using spinepath::report::test::GuiApplicationListener;

CATCH_REGISTER_LISTENER(GuiApplicationListener)

namespace {

const QString kFolder = QStringLiteral(SPINEPATH_SOURCE_DIR "/resources/illustrations");

struct Label
{
    QString text;
    QRectF box;
    QPointF at;      // its anchor point
    double size = 0; // its font's pixel size

    // A line under another of the same label ("Pared" / "(capas)"): lines
    // of one label may touch; separate labels may not.
    [[nodiscard]] bool sameLabelAs(const Label& other) const
    {
        return qFuzzyCompare(at.x(), other.at.x()) && std::abs(at.y() - other.at.y()) <= 1.4 * size;
    }
};

// Where each <text> is drawn: its position after the translations of the
// groups around it, its width in its font, moved by its anchor. A label in a
// rotated group is not measured (none is today; the check would say so).
std::vector<Label> labelsOf(const QString& file, int& rotated)
{
    QFile svg(file);
    REQUIRE(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    std::vector<QPointF> offsets{{0, 0}};
    std::vector<bool> turned{false};
    std::vector<Label> labels;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement()) {
            offsets.pop_back();
            turned.pop_back();
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto attributes = xml.attributes();
        QPointF offset = offsets.back();
        bool isTurned = turned.back();
        const QString transform = attributes.value(QStringLiteral("transform")).toString();
        if (transform.startsWith(QStringLiteral("translate("))) {
            const QStringList numbers =
                transform.section(u'(', 1, 1)
                    .section(u')', 0, 0)
                    .split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts);
            offset += QPointF(numbers.value(0).toDouble(), numbers.value(1).toDouble());
        }
        if (transform.contains(QStringLiteral("rotate")) || transform.contains(QStringLiteral("scale")))
            isTurned = true;
        offsets.push_back(offset);
        turned.push_back(isTurned);
        if (xml.name() != QStringLiteral("text"))
            continue;
        const double x = attributes.value(QStringLiteral("x")).toDouble() + offset.x();
        const double y = attributes.value(QStringLiteral("y")).toDouble() + offset.y();
        QFont font;
        font.setFamilies({attributes.value(QStringLiteral("font-family")).toString()});
        font.setPixelSize(
            attributes.value(QStringLiteral("font-size")).toString().remove(QStringLiteral("px")).toInt());
        font.setBold(attributes.value(QStringLiteral("font-weight")) == QStringLiteral("bold"));
        const QString anchor = attributes.value(QStringLiteral("text-anchor")).toString();
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        offsets.pop_back(); // readElementText consumed the end of the element
        turned.pop_back();
        if (isTurned) {
            ++rotated;
            continue;
        }
        const QFontMetricsF metrics(font);
        const double width = metrics.horizontalAdvance(text);
        const double left = anchor == QStringLiteral("middle") ? x - width / 2
                            : anchor == QStringLiteral("end")  ? x - width
                                                               : x;
        labels.push_back({text,
                          QRectF(left, y - metrics.ascent(), width, metrics.ascent() + metrics.descent()),
                          QPointF(x, y), font.pixelSize() * 1.0});
    }
    REQUIRE_FALSE(xml.hasError());
    return labels;
}

} // namespace

TEST_CASE("the Spanish drawings' labels fit the picture and do not overlap", "[content][es]")
{
    const QStringList files = QDir(kFolder).entryList({QStringLiteral("*-es.svg")}, QDir::Files, QDir::Name);
    REQUIRE(files.size() >= 4);
    QDir().mkpath(QStringLiteral("illustrations-es"));
    for (const QString& name : files) {
        const QString file = kFolder + u'/' + name;
        INFO(name.toStdString());
        QSvgRenderer renderer(file);
        REQUIRE(renderer.isValid());
        const QRectF view = renderer.viewBoxF();
        QImage picture(view.size().toSize() * 2, QImage::Format_ARGB32);
        picture.fill(Qt::white);
        QPainter painter(&picture);
        renderer.render(&painter);
        painter.end();
        CHECK(picture.save(QStringLiteral("illustrations-es/") +
                           QString(name).replace(QStringLiteral(".svg"), QStringLiteral(".png"))));

        int rotated = 0;
        const std::vector<Label> labels = labelsOf(file, rotated);
        CHECK(rotated == 0);
        CHECK(labels.size() >= 5);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            INFO(labels[i].text.toStdString());
            CHECK(view.adjusted(2, 2, -2, -2).contains(labels[i].box));
            for (std::size_t j = i + 1; j < labels.size(); ++j) {
                INFO("and " << labels[j].text.toStdString());
                CHECK((labels[i].sameLabelAs(labels[j]) || !labels[i].box.intersects(labels[j].box)));
            }
        }
    }
}
