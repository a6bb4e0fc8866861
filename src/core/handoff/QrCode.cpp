// ZXing-C++ 1.4 returns text as std::string only with this (its next release always does).
#define ZX_USE_UTF8 1

#include "core/handoff/QrCode.h"

#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QPdfDocument>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <stdexcept>

namespace spinepath::handoff {

namespace {

constexpr int kQuietZone = 4;
// ZXing's scale of 0 to 8 for error correction; 4 is QR level M (15 %).
constexpr int kEccLevelM = 4;
// A scan at 150 dpi reads; 200 leaves room for a small print.
constexpr double kPdfDpi = 200.0;

ZXing::BitMatrix encode(const std::string& text)
{
    try {
        return ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
            .setEccLevel(kEccLevelM)
            .setMargin(0)
            .encode(text, 0, 0);
    } catch (const std::exception& error) {
        throw std::runtime_error(std::string("the answers do not fit in a QR code: ") + error.what());
    }
}

} // namespace

QImage qrCodeImage(const std::string& text)
{
    const ZXing::BitMatrix matrix = encode(text);
    const int size = matrix.width() + 2 * kQuietZone;
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    for (int y = 0; y < matrix.height(); ++y) {
        uchar* line = image.scanLine(y + kQuietZone);
        for (int x = 0; x < matrix.width(); ++x)
            if (matrix.get(x, y))
                line[x + kQuietZone] = 0;
    }
    return image;
}

int qrCodeModules(const std::string& text)
{
    return encode(text).width();
}

std::vector<FoundQrCode> findQrCodes(const QImage& image)
{
    if (image.isNull())
        return {};
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    std::vector<FoundQrCode> found;
    for (const ZXing::Result& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        QPolygon corners;
        for (const auto& point : result.position())
            corners << QPoint(point.x, point.y);
        found.push_back({result.text(), corners});
    }
    return found;
}

std::vector<std::string> readQrCodes(const QImage& image)
{
    std::vector<std::string> texts;
    for (FoundQrCode& code : findQrCodes(image))
        texts.push_back(std::move(code.text));
    return texts;
}

bool isPdf(const QByteArray& head)
{
    return head.startsWith("%PDF-");
}

std::vector<std::string> readQrCodesInFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    const QByteArray head = file.read(8);
    file.close();
    if (isPdf(head)) {
        QPdfDocument document;
        if (document.load(path) != QPdfDocument::Error::None || document.pageCount() < 1)
            throw std::runtime_error(path.toStdString() +
                                     " is a PDF that cannot be opened (damaged, or locked "
                                     "with a password)");
        std::vector<std::string> texts;
        for (int page = 0; page < document.pageCount(); ++page) {
            const QSizeF points = document.pagePointSize(page);
            const QSize pixels = (points * kPdfDpi / 72.0).toSize();
            QPdfDocumentRenderOptions options;
            const QImage rendered = document.render(page, pixels, options);
            // A transparent page is white paper, not black.
            QImage flat(rendered.size(), QImage::Format_RGB32);
            flat.fill(Qt::white);
            {
                QPainter painter(&flat);
                painter.drawImage(0, 0, rendered);
            }
            for (std::string& text : readQrCodes(flat))
                texts.push_back(std::move(text));
        }
        return texts;
    }
    QImageReader reader(path);
    reader.setAutoTransform(true); // a phone photo taken sideways
    const QImage image = reader.read();
    if (image.isNull())
        throw std::runtime_error("cannot read " + path.toStdString() +
                                 " as an image or a PDF: " + reader.errorString().toStdString());
    return readQrCodes(image);
}

} // namespace spinepath::handoff
