#include "core/questionnaire/FhirTemporal.h"

#include <cstdint>
#include <optional>
#include <regex>
#include <string>

namespace spinepath::questionnaire {

namespace {

enum class Precision
{
    Year = 1,
    Month,
    Day,
    Instant, // a dateTime with time of day and zone
};

struct Moment
{
    Precision precision = Precision::Year;
    int year = 0;
    int month = 1;
    int day = 1;
    double secondsOfDay = 0; // local time of day
    int offsetMinutes = 0;
};

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
std::int64_t daysFromCivil(int year, int month, int day)
{
    const std::int64_t y = month <= 2 ? year - 1 : year;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yearOfEra = y - era * 400;
    const std::int64_t dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

int number(const std::ssub_match& match)
{
    return std::stoi(match.str());
}

std::optional<double> timeOfDay(const std::smatch& match, std::size_t first)
{
    const int hours = number(match[first]);
    const int minutes = number(match[first + 1]);
    const int seconds = number(match[first + 2]);
    if (hours > 23 || minutes > 59 || seconds > 60)
        return std::nullopt;
    double fraction = 0;
    if (match[first + 3].matched)
        fraction = std::stod("0" + match[first + 3].str());
    return hours * 3600.0 + minutes * 60.0 + seconds + fraction;
}

std::optional<Moment> parseDateTime(std::string_view text, bool allowTimeOfDay)
{
    static const std::regex pattern(R"(([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):)"
                                    R"(([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?)?)?)");
    const std::string subject(text);
    std::smatch match;
    if (!std::regex_match(subject, match, pattern))
        return std::nullopt;

    Moment moment;
    moment.year = number(match[1]);
    if (moment.year < 1)
        return std::nullopt;
    if (match[2].matched) {
        moment.precision = Precision::Month;
        moment.month = number(match[2]);
        if (moment.month < 1 || moment.month > 12)
            return std::nullopt;
    }
    if (match[3].matched) {
        moment.precision = Precision::Day;
        moment.day = number(match[3]);
        if (moment.day < 1 || moment.day > daysInMonth(moment.year, moment.month))
            return std::nullopt;
    }
    if (match[4].matched) {
        if (!allowTimeOfDay)
            return std::nullopt;
        const auto seconds = timeOfDay(match, 4);
        if (!seconds)
            return std::nullopt;
        moment.precision = Precision::Instant;
        moment.secondsOfDay = *seconds;
        const std::string zone = match[8].str();
        if (zone != "Z") {
            const int hours = std::stoi(zone.substr(1, 2));
            const int minutes = std::stoi(zone.substr(4, 2));
            if (hours > 14 || minutes > 59 || (hours == 14 && minutes != 0))
                return std::nullopt;
            moment.offsetMinutes = (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
        }
    }
    return moment;
}

std::optional<double> parseTime(std::string_view text)
{
    static const std::regex pattern(R"(([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?)");
    const std::string subject(text);
    std::smatch match;
    if (!std::regex_match(subject, match, pattern))
        return std::nullopt;
    return timeOfDay(match, 1);
}

double utcSeconds(const Moment& moment)
{
    return static_cast<double>(daysFromCivil(moment.year, moment.month, moment.day)) * 86400.0 +
           moment.secondsOfDay - moment.offsetMinutes * 60.0;
}

std::partial_ordering compareMoments(const Moment& left, const Moment& right)
{
    if (left.precision == Precision::Instant && right.precision == Precision::Instant)
        return utcSeconds(left) <=> utcSeconds(right);

    // Compare the calendar fields both values have; an instant counts as its local date.
    const auto shared = std::min(std::min(left.precision, right.precision), Precision::Day);
    std::partial_ordering order = left.year <=> right.year;
    if (order == 0 && shared >= Precision::Month)
        order = left.month <=> right.month;
    if (order == 0 && shared >= Precision::Day)
        order = left.day <=> right.day;
    if (order == 0 && left.precision != right.precision)
        return std::partial_ordering::unordered;
    return order;
}

} // namespace

bool isFhirDate(std::string_view text)
{
    return parseDateTime(text, false).has_value();
}

bool isFhirDateTime(std::string_view text)
{
    return parseDateTime(text, true).has_value();
}

bool isFhirTime(std::string_view text)
{
    return parseTime(text).has_value();
}

std::partial_ordering compareTemporal(std::string_view left, std::string_view right)
{
    const auto leftTime = parseTime(left);
    const auto rightTime = parseTime(right);
    if (leftTime && rightTime)
        return *leftTime <=> *rightTime;
    if (leftTime || rightTime)
        return std::partial_ordering::unordered;

    const auto leftMoment = parseDateTime(left, true);
    const auto rightMoment = parseDateTime(right, true);
    if (!leftMoment || !rightMoment)
        return std::partial_ordering::unordered;
    return compareMoments(*leftMoment, *rightMoment);
}

} // namespace spinepath::questionnaire
