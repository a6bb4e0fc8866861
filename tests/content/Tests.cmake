# The patient articles of content/articles against clinical spec v2 section 6 (tests/data/articles).
spinepath_add_catch_test(test_ArticleText content/test_ArticleText.cpp)
# Tests of src/core/content. QTextDocument needs a QGuiApplication (offscreen).
spinepath_add_catch_test(test_ArticleMarkup content/test_ArticleMarkup.cpp)
set_tests_properties(test_ArticleMarkup PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
# ContentRoles and the check that fails on each role renamed or missing (copies of content/).
spinepath_add_catch_test(test_ContentRoles content/test_ContentRoles.cpp)
# The stems and edit distance of the library search, and the articles' vocabulary for "Did you mean ...?".
spinepath_add_catch_test(test_SearchWords content/test_SearchWords.cpp)
spinepath_add_catch_test(test_ArticleVocabulary content/test_ArticleVocabulary.cpp)
# Fernández-Huerta reading ease of Spanish text.
spinepath_add_catch_test(test_SpanishReadingEase content/test_SpanishReadingEase.cpp)
# The Spanish content: articles, rules' texts, questionnaire, clinic messages, and check-content on each.
spinepath_add_catch_test(test_SpanishContent content/test_SpanishContent.cpp)
# The Spanish drawings: labels inside the picture and clear of each other, as QSvgRenderer draws them.
spinepath_add_catch_test(test_SpanishIllustrations content/test_SpanishIllustrations.cpp)
set_tests_properties(test_SpanishIllustrations PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
