# Sources of src/core/util
target_sources(spinepath_core PRIVATE
    util/Version.cpp
    util/ContentPaths.cpp
    util/ExecutableLocation.cpp
    util/LineReader.cpp
    util/TextFile.cpp
    util/PrivateFolder.cpp
    util/Logging.cpp
    util/Translator.cpp
    util/Languages.cpp
)
target_compile_definitions(spinepath_core PRIVATE SPINEPATH_SOURCE_CONTENT_DIR="${PROJECT_SOURCE_DIR}/content")
# Only a program that runs from this build folder may fall back to the source
# tree's content (ExecutableLocation.h). On the one file, so the rest of the
# core does not rebuild when the build folder moves.
set_property(SOURCE util/ExecutableLocation.cpp APPEND PROPERTY COMPILE_DEFINITIONS
    SPINEPATH_BUILD_DIR="${CMAKE_BINARY_DIR}")

# The translations (resources/translations), compiled into every program and
# test that links the core, as :/i18n/spinepath_LANG.qm. English holds only
# the plural forms of the "%n" texts; see Translator.h. Every other language
# translates every text (resources/translations/update-translations.py).
qt_add_lrelease(spinepath_core
    TS_FILES ${PROJECT_SOURCE_DIR}/resources/translations/spinepath_en.ts
             ${PROJECT_SOURCE_DIR}/resources/translations/spinepath_es.ts
    QM_FILES_OUTPUT_VARIABLE spinepath_qm_files)
qt_add_resources(spinepath_core spinepath_translations
    PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR} FILES ${spinepath_qm_files})
