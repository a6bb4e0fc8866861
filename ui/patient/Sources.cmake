# Sources of ui/patient: the screens a patient sees, the questionnaire and the
# education library.
target_sources(spinepath_ui PRIVATE
    patient/EmergencyPage.cpp patient/EmergencyPage.h
    patient/LanguageChooser.cpp patient/LanguageChooser.h
    patient/PageMargins.h
    patient/ResultsPage.cpp patient/ResultsPage.h
    patient/TextSizeChooser.cpp patient/TextSizeChooser.h
    patient/ThankYouPage.cpp patient/ThankYouPage.h
    patient/library/ArticleListDelegate.cpp patient/library/ArticleListDelegate.h
    patient/library/ArticleSearch.cpp patient/library/ArticleSearch.h
    patient/library/ArticleView.cpp patient/library/ArticleView.h
    patient/library/Glossary.cpp patient/library/Glossary.h
    patient/library/LibraryPage.cpp patient/library/LibraryPage.h
    patient/questionnaire/ChoiceQuestions.cpp patient/questionnaire/ChoiceQuestions.h
    patient/questionnaire/QuestionnairePreview.cpp patient/questionnaire/QuestionnairePreview.h
    patient/questionnaire/QuestionnaireView.cpp patient/questionnaire/QuestionnaireView.h
    patient/questionnaire/QuestionWidget.cpp patient/questionnaire/QuestionWidget.h
    patient/questionnaire/ReturnKey.cpp patient/questionnaire/ReturnKey.h
    patient/questionnaire/PageItems.cpp patient/questionnaire/PageItems.h
    patient/questionnaire/RepeatingGroupView.cpp patient/questionnaire/RepeatingGroupView.h
    patient/questionnaire/RepeatingValueQuestion.cpp patient/questionnaire/RepeatingValueQuestion.h
    patient/questionnaire/SectionPage.cpp patient/questionnaire/SectionPage.h
    patient/questionnaire/TypedDate.cpp patient/questionnaire/TypedDate.h
    patient/questionnaire/ValueQuestions.cpp patient/questionnaire/ValueQuestions.h
)
