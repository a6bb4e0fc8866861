# The patient articles of content/articles against clinical spec v2 section 6 (tests/data/articles).
spinepath_add_catch_test(test_ArticleText content/test_ArticleText.cpp)
