#include "core/questionnaire/FhirTemporal.h"

#include <catch2/catch.hpp>

using namespace spinepath::questionnaire;

TEST_CASE("Temporal: FHIR date syntax, partial dates allowed", "[QuestionnaireTemporal]")
{
    for (const char* valid : {"2024", "2024-02", "2024-02-29", "2000-02-29", "0001-01-01"})
        CHECK(isFhirDate(valid));
    for (const char* invalid : {"", "24", "2024-2-1", "2024-13", "2023-02-29", "1900-02-29", "2024-04-31",
                                "0000", "2024-01-01T00:00:00Z", "2024/01/01", " 2024"})
        CHECK_FALSE(isFhirDate(invalid));
}

TEST_CASE("Temporal: FHIR dateTime needs a zone with a time of day", "[QuestionnaireTemporal]")
{
    for (const char* valid : {"2024", "2024-05-06", "2024-05-06T07:08:09Z", "2024-05-06T07:08:09.123+02:00",
                              "2024-05-06T23:59:60-14:00"})
        CHECK(isFhirDateTime(valid));
    for (const char* invalid : {"2024-05-06T07:08:09", "2024-05-06T07:08Z", "2024-05-06T24:00:00Z",
                                "2024-05-06T07:08:09+15:00", "2024-05T07:08:09Z"})
        CHECK_FALSE(isFhirDateTime(invalid));
}

TEST_CASE("Temporal: FHIR time", "[QuestionnaireTemporal]")
{
    CHECK(isFhirTime("00:00:00"));
    CHECK(isFhirTime("23:59:59.5"));
    CHECK_FALSE(isFhirTime("24:00:00"));
    CHECK_FALSE(isFhirTime("12:00"));
    CHECK_FALSE(isFhirTime("12:60:00"));
}

TEST_CASE("Temporal: ordering", "[QuestionnaireTemporal]")
{
    CHECK(compareTemporal("2024-01-01", "2024-01-02") == std::partial_ordering::less);
    CHECK(compareTemporal("2024-03", "2024-02-28") == std::partial_ordering::greater);
    CHECK(compareTemporal("2023", "2024-01-01") == std::partial_ordering::less);
    CHECK(compareTemporal("2024-05-06", "2024-05-06") == std::partial_ordering::equivalent);
    CHECK(compareTemporal("2024-05-06T10:00:00+02:00", "2024-05-06T08:00:00Z") ==
          std::partial_ordering::equivalent);
    CHECK(compareTemporal("2024-05-06T01:00:00+02:00", "2024-05-05T23:30:00Z") ==
          std::partial_ordering::less);
    CHECK(compareTemporal("2024-05-06T01:00:00Z", "2024-05-05") == std::partial_ordering::greater);
    CHECK(compareTemporal("10:00:00", "09:59:59.9") == std::partial_ordering::greater);
}

TEST_CASE("Temporal: values that cannot be ordered", "[QuestionnaireTemporal]")
{
    using std::partial_ordering;
    CHECK(compareTemporal("2024", "2024-05-06") == partial_ordering::unordered);
    CHECK(compareTemporal("2024-05-06T01:00:00Z", "2024-05-06") == partial_ordering::unordered);
    CHECK(compareTemporal("10:00:00", "2024-05-06") == partial_ordering::unordered);
    CHECK(compareTemporal("soon", "2024") == partial_ordering::unordered);
}
