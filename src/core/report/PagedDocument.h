#pragma once

#include <QFont>
#include <QImage>
#include <QString>

#include "core/report/ReportStrings.h"

#include <utility>
#include <vector>

class QPagedPaintDevice;

namespace spinepath::report {

struct ReportData;

// Internal to the report module: lays an HTML body out in the device's pages
// and paints the parts every page repeats around it (clinic header with the
// logo, footer with the assessment, "Page n of m" and the time printed).
// The body is paginated by QTextDocument against the device itself, so font
// metrics and page breaks are those of the printer or the PDF, not a screen.
struct PageFrame
{
    QString title;       // top right: the document's name
    QString subtitle;    // under it, smaller
    QString footerLeft;  // the assessment
    QString footerRight; // when it was printed
    QString styleSheet;  // CSS for the body
    qreal bodyPointSize = 9.0;
    // The document's language: "Page n of m" and the clinic's phone.
    ReportStrings strings = ReportStrings::current();
    // Images the body's <img src="..."> names, by that name.
    std::vector<std::pair<QString, QImage>> images;
};

// Returns the page count; throws ReportError when the device cannot be painted on.
int paintPaged(const QString& bodyHtml, const ReportData& data, const PageFrame& frame,
               QPagedPaintDevice& device);

// The font family list both documents use: embeddable fonts first.
[[nodiscard]] QFont reportFont(qreal pointSize);

} // namespace spinepath::report
