#!/usr/bin/env bash
# The staff console's list at 100,000 assessments: every sort order both ways
# at the first page, page 11 and page 501, the searches staff use, today's
# queue and the count. Prints milliseconds (worst of five runs); fails only
# when a page takes longer than 250 ms, far beyond "instant".
#
#     bench/staff_list.sh BUILD_DIR
#
# SPINEPATH_BENCH_ASSESSMENTS changes the number of assessments (default 100000).
# The figures come from the hidden "[bench]" case of test_AssessmentQueries, which
# ctest never runs (timings depend on the machine).
set -euo pipefail

build=${1:-build}
build=$(cd "$build" && pwd)
cmake --build "$build" --target test_AssessmentQueries
"$build/tests/test_AssessmentQueries" "[bench]"
