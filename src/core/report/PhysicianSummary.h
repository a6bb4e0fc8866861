#pragma once

#include "core/report/ReportData.h"

#include <QString>

class QPagedPaintDevice;

namespace spinepath::report {

// The physician summary: the result and its whole basis on one page for a
// typical assessment, so the doctor can check the reasoning in the minute
// before the consult. Red flags come first, then flags for review, then the
// category and scores, every fired factor with pathway, weight and reason,
// the notes as next steps, the PEG, and every answer in clinical wording by
// section. The header names the questionnaire and the rules that made it.

// The body as HTML for QTextDocument (the header and footer are painted
// around it on every page). Every text from data is escaped.
[[nodiscard]] QString physicianSummaryHtml(const ReportData& data);

// Paints the summary on `device` (a QPdfWriter, a QPrinter, a print
// preview); returns the number of pages. Throws ReportError.
int renderPhysicianSummary(const ReportData& data, QPagedPaintDevice& device);

} // namespace spinepath::report
