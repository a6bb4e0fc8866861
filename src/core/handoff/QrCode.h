#pragma once

#include <QImage>
#include <QPolygon>
#include <QString>

#include <string>
#include <vector>

namespace spinepath::handoff {

// A QR code (ZXing-C++) as an image: one pixel per module, black on white,
// with the quiet zone of four modules the standard asks for around it.
// Error correction level M: a crease or a coffee ring on the paper still
// reads. Throws std::runtime_error when the text does not fit any QR code.
[[nodiscard]] QImage qrCodeImage(const std::string& text);

// The modules across of the code qrCodeImage makes (without the quiet zone).
[[nodiscard]] int qrCodeModules(const std::string& text);

struct FoundQrCode
{
    std::string text;
    QPolygon corners; // in the image's pixels, without the quiet zone
};

// Every QR code found in `image` with where it is.
[[nodiscard]] std::vector<FoundQrCode> findQrCodes(const QImage& image);

// The text of every QR code found in `image` (a photo, a scan, a rendered
// page), in the order ZXing finds them; none when there is none.
[[nodiscard]] std::vector<std::string> readQrCodes(const QImage& image);

// The codes of an image file (PNG, JPEG and whatever else Qt reads) or of
// every page of a PDF (rendered at 200 dpi with QtPdf). Throws
// std::runtime_error naming the file when it cannot be read as either.
[[nodiscard]] std::vector<std::string> readQrCodesInFile(const QString& path);

// Whether the bytes start like a PDF file.
[[nodiscard]] bool isPdf(const QByteArray& head);

} // namespace spinepath::handoff
