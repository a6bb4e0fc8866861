# Sources of src/core/questionnaire
target_sources(spinepath_core PRIVATE
    questionnaire/AnswerValidator.cpp
    questionnaire/AnswerValue.cpp
    questionnaire/Enablement.cpp
    questionnaire/EnableWhen.cpp
    questionnaire/FhirTemporal.cpp
    questionnaire/Item.cpp
    questionnaire/ItemType.cpp
    questionnaire/Questionnaire.cpp
    questionnaire/QuestionnaireError.cpp
    questionnaire/QuestionnaireLoader.cpp
    questionnaire/QuestionnaireResponse.cpp
    questionnaire/QuestionnaireTranslation.cpp
    questionnaire/RepeatingGroups.cpp
    questionnaire/ValidationResult.cpp
)
