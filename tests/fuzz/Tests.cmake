# Fuzz targets (docs/reliability.md). Each fuzz/fuzz_NAME.cpp is one
# LLVMFuzzerTestOneInput. In the normal build it is linked with a replay main
# and run by CTest over its seed corpus (fuzz/corpus/NAME) and its regression
# inputs (fuzz/regressions/NAME): every crash or hang ever found stays fixed.
# With SPINEPATH_FUZZ=ON (declared in the top-level CMakeLists.txt; clang only;
# `make fuzz` configures build-fuzz so) the same files become libFuzzer binaries.
set(SPINEPATH_FUZZ_TARGETS jsonlogic answers questionnaire article ruleset)

if(SPINEPATH_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "SPINEPATH_FUZZ needs clang with libFuzzer: configure with CC=clang CXX=clang++")
    endif()
    # Coverage feedback from the code under test, not only from the targets.
    target_compile_options(spinepath_core PRIVATE -fsanitize=fuzzer-no-link)
endif()

foreach(target IN LISTS SPINEPATH_FUZZ_TARGETS)
    if(SPINEPATH_FUZZ)
        add_executable(fuzz_${target} fuzz/fuzz_${target}.cpp)
        target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
        target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
    else()
        add_executable(fuzz_${target} fuzz/fuzz_${target}.cpp fuzz/replay_main.cpp)
        add_test(NAME fuzz_${target}_replay
                 COMMAND fuzz_${target} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${target}
                         ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/${target})
        # A hang found by the fuzzer fails here instead of blocking the run.
        set_tests_properties(fuzz_${target}_replay PROPERTIES TIMEOUT 120)
    endif()
    target_link_libraries(fuzz_${target} PRIVATE SpinePath::core)
    target_include_directories(fuzz_${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
    target_compile_definitions(fuzz_${target} PRIVATE SPINEPATH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endforeach()

# The patient's pages of any questionnaire, worked through their widgets:
# the questionnaire corpus again, now through the GUI (SpinePath::ui).
if(SPINEPATH_FUZZ)
    target_compile_options(spinepath_ui PRIVATE -fsanitize=fuzzer-no-link)
    add_executable(fuzz_pages fuzz/fuzz_pages.cpp)
    target_compile_options(fuzz_pages PRIVATE -fsanitize=fuzzer)
    target_link_options(fuzz_pages PRIVATE -fsanitize=fuzzer)
else()
    add_executable(fuzz_pages fuzz/fuzz_pages.cpp fuzz/replay_main.cpp)
    add_test(NAME fuzz_pages_replay
             COMMAND fuzz_pages ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/questionnaire
                     ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/questionnaire)
    set_tests_properties(fuzz_pages_replay PROPERTIES TIMEOUT 300 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endif()
target_link_libraries(fuzz_pages PRIVATE SpinePath::ui Qt6::Test)
target_include_directories(fuzz_pages PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
target_compile_definitions(fuzz_pages PRIVATE SPINEPATH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
