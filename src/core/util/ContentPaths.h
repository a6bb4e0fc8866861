#pragma once

#include <QString>

namespace spinepath {

// Where the clinical content (questionnaire, rules, articles, clinic.json) lives.
// Clinics edit content as data, so it is read from a folder, never compiled in.
// Order: an explicit folder (--content), the SPINEPATH_CONTENT environment
// variable, an installed share/spinepath/content beside the executable, then,
// only for a program that runs from its build folder, the source tree's
// content/ folder that the build was configured from. An installed program
// without its content gets the missing installed folder, never the sources.
[[nodiscard]] QString contentDirectory(const QString& explicitDirectory = {});

} // namespace spinepath
