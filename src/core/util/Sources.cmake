# Sources of src/core/util
target_sources(spinepath_core PRIVATE
    util/Version.cpp
    util/ContentPaths.cpp
    util/LineReader.cpp
    util/TextFile.cpp
    util/PrivateFolder.cpp
    util/Logging.cpp
)
target_compile_definitions(spinepath_core PRIVATE SPINEPATH_SOURCE_CONTENT_DIR="${PROJECT_SOURCE_DIR}/content")
