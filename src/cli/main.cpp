#include "core/util/Version.h"

#include <cstdio>

int main()
{
    std::printf("spinepath-cli %s\n", spinepath::version().data());
    return 0;
}
