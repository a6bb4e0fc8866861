#pragma once

#include "core/util/Paper.h"

#include "core/report/ReportData.h"

#include <QByteArray>
#include <QPageLayout>
#include <QString>

#include <optional>
#include <stdexcept>
#include <string_view>

class QPagedPaintDevice;

namespace spinepath::report {

enum class DocumentKind
{
    PhysicianSummary,
    PatientCopy
};

// A document that could not be made: a device that cannot be painted on, or
// a file that cannot be written. what() is plain English naming the file.
class ReportError final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Portrait pages of `paper` with the margins both documents are laid out for.
// The GUI gives its QPrinter this layout so preview, print and PDF match.
[[nodiscard]] QPageLayout reportPageLayout(Paper paper);

// Paints the document on any paged device (QPdfWriter, QPrinter, the print
// preview's printer), in the device's own page layout. Returns the page count.
// Throws ReportError when the device cannot be painted on. Needs a
// QGuiApplication (fonts).
int render(DocumentKind kind, const ReportData& data, QPagedPaintDevice& device);

struct PdfDocument
{
    QByteArray bytes;
    int pages = 0;
};

// The document as PDF: real, selectable text with the fonts embedded. The PDF
// metadata names the document kind and SpinePath, never the patient.
[[nodiscard]] PdfDocument pdf(DocumentKind kind, const ReportData& data, Paper paper);

// Writes pdf() to `path`, readable and writable by its owner only (0600, from
// the first byte: the file holds health information). The file is replaced
// atomically, so a failure leaves any earlier file as it was. Throws
// ReportError naming the file and the reason. Returns the page count.
int writePdf(DocumentKind kind, const ReportData& data, Paper paper, const QString& path);

} // namespace spinepath::report
