#pragma once

#include "core/report/ReportData.h"

#include <QString>

class QPagedPaintDevice;

namespace spinepath::report {

// The patient's copy, in plain language: ReportData::patientResult (what the
// results page shows, in the same order) and the clinic's phone number. No
// scores and no weights: those are for the doctor.

[[nodiscard]] QString patientCopyHtml(const ReportData& data);

// Paints the copy on `device`; returns the number of pages. Throws ReportError.
int renderPatientCopy(const ReportData& data, QPagedPaintDevice& device);

} // namespace spinepath::report
