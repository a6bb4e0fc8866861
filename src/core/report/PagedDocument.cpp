#include "core/report/PagedDocument.h"

#include "core/report/ReportData.h"
#include "core/report/ReportPdf.h"
#include "core/report/ReportStrings.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace spinepath::report {

namespace {

const QColor kInk(0x1f, 0x23, 0x28);
const QColor kMuted(0x5f, 0x66, 0x6d);
const QColor kRule(0x1b, 0x5e, 0x7a); // the clinic logo's blue

// Device units per millimetre / point, for any resolution.
struct Units
{
    qreal perMm;
    qreal perPt;

    explicit Units(const QPaintDevice& device)
        : perMm(device.logicalDpiY() / 25.4)
        , perPt(device.logicalDpiY() / 72.0)
    {}
    [[nodiscard]] qreal mm(qreal value) const { return value * perMm; }
    [[nodiscard]] qreal pt(qreal value) const { return value * perPt; }
};

void drawHeader(QPainter& painter, const ReportData& data, const PageFrame& frame, const QRectF& band,
                const Units& units)
{
    const ReportStrings& strings = frame.strings;
    qreal textLeft = band.left();
    const qreal logoSize = band.height() - units.mm(2);
    if (!data.clinic.logoPath.empty()) {
        // Rendered as vectors, so the logo is as sharp on paper as the text.
        QSvgRenderer logo(QString::fromStdString(data.clinic.logoPath));
        if (logo.isValid()) {
            logo.render(&painter, QRectF(band.left(), band.top(), logoSize, logoSize));
            textLeft += logoSize + units.mm(4);
        }
    }

    const qreal titleWidth = band.width() * 0.36;
    const QRectF clinicBox(textLeft, band.top(), band.right() - titleWidth - textLeft, band.height());
    const QRectF titleBox(band.right() - titleWidth, band.top(), titleWidth, band.height());

    QFont name = reportFont(13);
    name.setBold(true);
    painter.setFont(name);
    painter.setPen(kInk);
    QRectF used;
    painter.drawText(clinicBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                     QString::fromStdString(data.clinic.name), &used);
    painter.setFont(reportFont(8.5));
    painter.setPen(kMuted);
    const QString contact = QString::fromStdString(data.clinic.address) + QLatin1Char('\n') +
                            strings.phone.arg(QString::fromStdString(data.clinic.phone));
    painter.drawText(QRectF(clinicBox.left(), used.bottom() + units.mm(0.8), clinicBox.width(),
                            clinicBox.bottom() - used.bottom()),
                     Qt::AlignLeft | Qt::AlignTop, contact);

    QFont title = reportFont(14);
    title.setBold(true);
    // A longer language's title ("Resumen para el médico") is made smaller
    // to fit its box rather than lose its first letters.
    for (qreal size = 14; size > 9; size -= 0.5) {
        title.setPointSizeF(size);
        if (QFontMetricsF(title, painter.device()).horizontalAdvance(frame.title) <= titleBox.width())
            break;
    }
    painter.setFont(title);
    painter.setPen(kInk);
    painter.drawText(titleBox, Qt::AlignRight | Qt::AlignTop | Qt::TextSingleLine, frame.title, &used);
    if (!frame.subtitle.isEmpty()) {
        painter.setFont(reportFont(8));
        painter.setPen(kMuted);
        painter.drawText(QRectF(titleBox.left(), used.bottom() + units.mm(0.8), titleBox.width(),
                                titleBox.bottom() - used.bottom()),
                         Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap, frame.subtitle);
    }

    painter.setPen(QPen(kRule, units.pt(1.2)));
    painter.drawLine(QPointF(band.left(), band.bottom()), QPointF(band.right(), band.bottom()));
}

void drawFooter(QPainter& painter, const PageFrame& frame, const QRectF& band, int page, int pages,
                const Units& units)
{
    const ReportStrings& strings = frame.strings;
    painter.setPen(QPen(kMuted, units.pt(0.5)));
    painter.drawLine(QPointF(band.left(), band.top()), QPointF(band.right(), band.top()));
    painter.setFont(reportFont(7.5));
    const QRectF text(band.left(), band.top() + units.mm(1.5), band.width(), band.height() - units.mm(1.5));
    const auto flags = Qt::AlignTop | Qt::TextSingleLine;
    painter.drawText(text, flags | Qt::AlignLeft, frame.footerLeft);
    painter.drawText(text, flags | Qt::AlignHCenter, strings.pageOf.arg(page).arg(pages));
    painter.drawText(text, flags | Qt::AlignRight, frame.footerRight);
}

} // namespace

QFont reportFont(qreal pointSize)
{
    QFont font;
    // DejaVu ships with Debian (fonts-dejavu-core) and may be embedded; the
    // others are what other systems offer under the same metrics class.
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Arial"), QStringLiteral("Helvetica")});
    font.setStyleHint(QFont::SansSerif);
    // No ligatures: "fi" and "fl" stay two letters in the PDF's text, so a
    // search for "flags" or "confidential" finds them and copied text reads right.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setPointSizeF(pointSize);
    return font;
}

int paintPaged(const QString& bodyHtml, const ReportData& data, const PageFrame& frame,
               QPagedPaintDevice& device)
{
    QPainter painter;
    if (!painter.begin(&device))
        throw ReportError("the printer or PDF file could not be painted on");
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    // Images go into a PDF as they are, never as JPEG: the patient copy's
    // answer code must keep sharp module edges for a scanner.
    painter.setRenderHint(QPainter::LosslessImageRendering);

    const Units units(device);
    const QRectF page(0, 0, device.width(), device.height());
    const QRectF header(page.left(), page.top(), page.width(), units.mm(16));
    const QRectF footer(page.left(), page.bottom() - units.mm(7), page.width(), units.mm(7));
    const QRectF body(page.left(), header.bottom() + units.mm(4), page.width(),
                      footer.top() - units.mm(3) - (header.bottom() + units.mm(4)));

    QTextDocument document;
    // Laid out against the device: point sizes use its resolution and CSS
    // pixels are scaled from 96 dpi, so the page breaks are the printer's.
    document.documentLayout()->setPaintDevice(&device);
    document.setDefaultFont(reportFont(frame.bodyPointSize));
    document.setDocumentMargin(0);
    document.setDefaultStyleSheet(frame.styleSheet);
    for (const auto& [name, image] : frame.images)
        document.addResource(QTextDocument::ImageResource, QUrl(name), QVariant(image));
    document.setHtml(bodyHtml);
    document.setPageSize(body.size());
    const int pages = std::max(1, document.pageCount());

    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, kInk);
    for (int index = 0; index < pages; ++index) {
        if (index > 0 && !device.newPage())
            throw ReportError("the printer or PDF file refused a new page");
        drawHeader(painter, data, frame, header, units);
        drawFooter(painter, frame, footer, index + 1, pages, units);

        painter.save();
        const QRectF visible(0, index * body.height(), body.width(), body.height());
        painter.translate(body.left(), body.top() - visible.top());
        painter.setClipRect(visible);
        context.clip = visible;
        document.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (!painter.end())
        throw ReportError("the printer or PDF file could not be finished");
    return pages;
}

} // namespace spinepath::report
