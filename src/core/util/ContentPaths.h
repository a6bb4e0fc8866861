#pragma once

#include <QString>

namespace spinepath {

// Where the clinical content (questionnaire, rules, articles, clinic.json) lives.
// Clinics edit content as data, so it is read from a folder, never compiled in.
// Order: an explicit folder (--content), the SPINEPATH_CONTENT environment
// variable, an installed share/spinepath/content beside the executable, then the
// source tree's content/ folder that a development build was configured from.
[[nodiscard]] QString contentDirectory(const QString& explicitDirectory = {});

} // namespace spinepath
