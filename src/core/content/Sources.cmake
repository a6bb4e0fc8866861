# Sources of src/core/content
target_sources(spinepath_core PRIVATE
    content/ArticleLibrary.cpp
    content/ArticleMarkup.cpp
    content/ArticleVocabulary.cpp
    content/ClinicInfo.cpp
    content/ContentRoles.cpp
    content/ReadingLevel.cpp
    content/SearchWords.cpp
    content/SpanishReadingEase.cpp
)
