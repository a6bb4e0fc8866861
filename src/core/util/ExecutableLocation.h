#pragma once

#include <QString>

namespace spinepath {

// Where the running program sits, so an installed copy finds its content and
// plugins beside itself (bin/../share/spinepath, bin/../lib/spinepath) and a
// build-tree run keeps using the tree it was built from.

// The folder of the running executable: QCoreApplication's answer when one
// exists, otherwise /proc/self/exe (spinepath-cli has no QCoreApplication).
// Empty when neither is known.
[[nodiscard]] QString executableDirectory();

// True when the running executable lies inside the CMake build folder it was
// built in: only then may it fall back to that build's or its source's files.
// An installed copy must never pick up content or code from where it was built.
[[nodiscard]] bool runsFromBuildTree();

} // namespace spinepath
