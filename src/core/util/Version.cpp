#include "core/util/Version.h"

namespace spinepath {

std::string_view version() noexcept
{
    return SPINEPATH_VERSION;
}

} // namespace spinepath
