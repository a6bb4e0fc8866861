#include "core/handoff/HandoffPayload.h"

#include "core/handoff/Base45.h"
#include "core/handoff/PayloadBits.h"
#include "core/questionnaire/Questionnaire.h"

#include <QByteArray>
#include <QDate>
#include <QTimeZone>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace spinepath::handoff {

using nlohmann::json;
using questionnaire::Item;
using questionnaire::ItemType;
using Kind = HandoffError::Kind;

namespace {

constexpr std::size_t kChecksumBytes = 4;
constexpr std::uint32_t kFlagDeflated = 1;
// A deflated body says how long it will be; more than this is no answer set.
constexpr std::uint32_t kMaxInflated = 64 * 1024;

QDateTime epoch()
{
    return QDateTime(QDate(2020, 1, 1), QTime(0, 0), QTimeZone::utc());
}

const QDate kDayZero(2000, 1, 1);

std::string sha256(std::string_view bytes)
{
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

std::string checksum(std::string_view bytes)
{
    return sha256(std::string(kPayloadPrefix) + std::string(bytes)).substr(0, kChecksumBytes);
}

[[noreturn]] void refuse(Kind kind, const std::string& message)
{
    throw HandoffError(kind, message);
}

const std::string kDamaged = "The answer code is damaged or incomplete (a character is wrong, missing or "
                             "extra). Scan it again, or type it again with care. Nothing was imported.";

// A full calendar date in the form FHIR and the questionnaire write it.
std::optional<QDate> fullDate(const std::string& text)
{
    if (text.size() != 10)
        return std::nullopt;
    const QDate date = QDate::fromString(QString::fromStdString(text), Qt::ISODate);
    if (!date.isValid() || date.toString(Qt::ISODate).toStdString() != text)
        return std::nullopt;
    return date;
}

std::int64_t integerOf(const Item& item, const json& value)
{
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number_float() && value.get<double>() == static_cast<double>(value.get<std::int64_t>()))
        return value.get<std::int64_t>();
    refuse(Kind::InvalidAnswers, "The answer to " + item.linkId() + " is not a whole number.");
}

void writeValue(PayloadBitWriter& out, const Item& item, const json& value)
{
    const auto& options = item.answerOptions();
    switch (item.type()) {
    case ItemType::Boolean:
        if (!value.is_boolean())
            refuse(Kind::InvalidAnswers, "The answer to " + item.linkId() + " is not yes or no.");
        out.bits(value.get<bool>() ? 1 : 0, 1);
        return;
    case ItemType::Integer:
        out.signedVarint(integerOf(item, value));
        return;
    case ItemType::Date: {
        const auto date = value.is_string() ? fullDate(value.get<std::string>()) : std::nullopt;
        out.bits(date ? 1 : 0, 1);
        if (date)
            out.signedVarint(kDayZero.daysTo(*date));
        else
            out.text(value.dump());
        return;
    }
    case ItemType::String:
    case ItemType::Text:
    case ItemType::Url:
        if (!value.is_string())
            refuse(Kind::InvalidAnswers, "The answer to " + item.linkId() + " is not a text.");
        out.text(value.get<std::string>());
        return;
    case ItemType::Choice:
    case ItemType::OpenChoice: {
        if (options.empty()) { // an answerValueSet outside the questionnaire
            out.text(value.dump());
            return;
        }
        const questionnaire::AnswerOption* option = item.findOption(value);
        if (item.type() == ItemType::OpenChoice)
            out.bits(option ? 1 : 0, 1);
        if (option)
            out.bits(static_cast<std::uint32_t>(option - options.data()), bitsFor(options.size()));
        else if (item.type() == ItemType::OpenChoice)
            out.text(value.dump());
        else
            refuse(Kind::InvalidAnswers, "The answer to " + item.linkId() + " is not one of its options.");
        return;
    }
    default: // decimals, times, quantities: rare, so their JSON
        out.text(value.dump());
        return;
    }
}

json parseValue(const std::string& text)
{
    json value = json::parse(text, nullptr, false);
    if (value.is_discarded())
        throw PayloadTruncated("a value in the payload is not JSON");
    return value;
}

json readValue(PayloadBitReader& in, const Item& item)
{
    const auto& options = item.answerOptions();
    switch (item.type()) {
    case ItemType::Boolean:
        return in.bits(1) == 1;
    case ItemType::Integer:
        return in.signedVarint();
    case ItemType::Date:
        if (in.bits(1) == 1) {
            const std::int64_t days = in.signedVarint();
            if (days < -1'000'000 || days > 1'000'000)
                throw PayloadTruncated("a date in the payload is out of range");
            return kDayZero.addDays(days).toString(Qt::ISODate).toStdString();
        }
        return parseValue(in.text());
    case ItemType::String:
    case ItemType::Text:
    case ItemType::Url:
        return in.text();
    case ItemType::Choice:
    case ItemType::OpenChoice: {
        if (options.empty())
            return parseValue(in.text());
        if (item.type() == ItemType::OpenChoice && in.bits(1) == 0)
            return parseValue(in.text());
        const std::uint32_t index = in.bits(bitsFor(options.size()));
        if (index >= options.size())
            throw PayloadTruncated("an option in the payload does not exist");
        return options[index].value;
    }
    default:
        return parseValue(in.text());
    }
}

// The canonical body: format, flags (none) and the packed answers. The key
// and, deflated or not, the payload are made from it.
std::string packBody(const questionnaire::Questionnaire& questionnaire, const json& answers,
                     const QDateTime& completedAt)
{
    if (!answers.is_object())
        refuse(Kind::InvalidAnswers, "The answers are not a set of answers by question.");
    const auto validation = questionnaire.validate(answers);
    if (!validation.valid()) {
        std::string which;
        for (const auto& issue : validation.errors())
            which += (which.empty() ? "" : ", ") + issue.linkId + " (" +
                     std::string(questionnaire::toString(issue.code)) + ")";
        refuse(Kind::InvalidAnswers, "The answers do not fit the questionnaire: " + which + ".");
    }
    PayloadBitWriter out;
    out.text(questionnaire.id());
    out.text(questionnaire.version());
    out.bits(completedAt.isValid() ? 1 : 0, 1);
    if (completedAt.isValid())
        out.signedVarint(epoch().secsTo(completedAt) / 60);
    std::size_t written = 0;
    for (const Item* item : questionnaire.answerableItems()) {
        const auto found = answers.find(item->linkId());
        out.bits(found != answers.end() ? 1 : 0, 1);
        if (found == answers.end())
            continue;
        ++written;
        if (item->repeats()) {
            // Flat answers may hold one value or an array; which, is kept.
            out.bits(found->is_array() ? 1 : 0, 1);
            if (!found->is_array()) {
                writeValue(out, *item, *found);
                continue;
            }
            out.varint(found->size());
            for (const json& value : *found)
                writeValue(out, *item, value);
        } else {
            writeValue(out, *item, *found);
        }
    }
    if (written != answers.size())
        refuse(Kind::InvalidAnswers, "Some answers belong to no question of the questionnaire.");
    std::string body;
    body.push_back(static_cast<char>(kPayloadFormat));
    body.push_back('\0');
    body += out.bytes();
    return body;
}

std::string trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    // A trailing space can be Base45; line ends and tabs cannot.
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == '\t'))
        text.remove_suffix(1);
    std::string upper(text);
    // Base45 has no small letters: a scanner or typist with Caps Lock on still reads right.
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    return upper;
}

} // namespace

std::string encodePayload(const questionnaire::Questionnaire& questionnaire, const json& answers,
                          const QDateTime& completedAt)
{
    std::string body = packBody(questionnaire, answers, completedAt);
    const QByteArray deflated = qCompress(reinterpret_cast<const uchar*>(body.data() + 2),
                                          static_cast<qsizetype>(body.size() - 2), 9);
    if (static_cast<std::size_t>(deflated.size()) + 2 < body.size()) {
        body.resize(2);
        body[1] = static_cast<char>(kFlagDeflated);
        body.append(deflated.constData(), static_cast<std::size_t>(deflated.size()));
    }
    body += checksum(body);
    return std::string(kPayloadPrefix) + toBase45(body);
}

bool looksLikePayload(std::string_view text) noexcept
{
    while (!text.empty() &&
           (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' || text.front() == '\t'))
        text.remove_prefix(1);
    return text.size() >= 3 && (text[0] == 'S' || text[0] == 's') && (text[1] == 'P' || text[1] == 'p') &&
           std::isdigit(static_cast<unsigned char>(text[2]));
}

HandoffAnswers decodePayload(std::string_view input, const questionnaire::Questionnaire& questionnaire)
{
    const std::string text = trimmed(input);
    if (!looksLikePayload(text))
        refuse(Kind::NotAPayload, "This is not a SpinePath answer code. Nothing was imported.");
    if (!text.starts_with(kPayloadPrefix))
        refuse(Kind::UnsupportedFormat, "This answer code was made by a newer SpinePath than this one, which "
                                        "cannot read it. Update SpinePath. Nothing was imported.");
    const auto bytes = fromBase45(std::string_view(text).substr(kPayloadPrefix.size()));
    if (!bytes || bytes->size() < 2 + kChecksumBytes)
        refuse(Kind::Damaged, kDamaged);
    const std::string_view all(*bytes);
    const std::string_view signedPart = all.substr(0, all.size() - kChecksumBytes);
    if (checksum(signedPart) != all.substr(all.size() - kChecksumBytes))
        refuse(Kind::Damaged, kDamaged);
    if (static_cast<unsigned char>(signedPart[0]) != kPayloadFormat ||
        (static_cast<unsigned char>(signedPart[1]) & ~kFlagDeflated) != 0)
        refuse(Kind::UnsupportedFormat, "This answer code was made by a newer SpinePath than this one, which "
                                        "cannot read it. Update SpinePath. Nothing was imported.");

    std::string stream(signedPart.substr(2));
    if (static_cast<unsigned char>(signedPart[1]) & kFlagDeflated) {
        if (stream.size() < 4)
            refuse(Kind::Damaged, kDamaged);
        const std::uint32_t declared =
            (static_cast<std::uint32_t>(static_cast<unsigned char>(stream[0])) << 24) |
            (static_cast<std::uint32_t>(static_cast<unsigned char>(stream[1])) << 16) |
            (static_cast<std::uint32_t>(static_cast<unsigned char>(stream[2])) << 8) |
            static_cast<unsigned char>(stream[3]);
        if (declared == 0 || declared > kMaxInflated)
            refuse(Kind::Damaged, kDamaged);
        const QByteArray inflated =
            qUncompress(reinterpret_cast<const uchar*>(stream.data()), static_cast<qsizetype>(stream.size()));
        if (inflated.isEmpty())
            refuse(Kind::Damaged, kDamaged);
        stream.assign(inflated.constData(), static_cast<std::size_t>(inflated.size()));
    }

    HandoffAnswers result;
    try {
        PayloadBitReader in(stream);
        result.questionnaireId = in.text();
        result.questionnaireVersion = in.text();
        if (result.questionnaireId != questionnaire.id() ||
            result.questionnaireVersion != questionnaire.version())
            refuse(Kind::UnknownQuestionnaire,
                   "These answers are for the questionnaire \"" + result.questionnaireId + "\" version " +
                       result.questionnaireVersion + ", which this clinic does not have (it uses \"" +
                       questionnaire.id() + "\" version " + questionnaire.version() +
                       "). Ask the patient to answer again here. Nothing was imported.");
        if (in.bits(1) == 1)
            result.completedAt = epoch().addSecs(in.signedVarint() * 60);
        for (const Item* item : questionnaire.answerableItems()) {
            if (in.bits(1) == 0)
                continue;
            json value;
            if (item->repeats() && in.bits(1) == 1) {
                const std::uint64_t count = in.varint();
                if (count > stream.size() * 8)
                    throw PayloadTruncated("too many answers");
                value = json::array();
                for (std::uint64_t i = 0; i < count; ++i)
                    value.push_back(readValue(in, *item));
            } else {
                value = readValue(in, *item);
            }
            result.answers[item->linkId()] = std::move(value);
        }
        if (!in.atEnd())
            refuse(Kind::Damaged, kDamaged);
    } catch (const PayloadTruncated&) {
        refuse(Kind::Damaged, kDamaged);
    }
    const auto validation = questionnaire.validate(result.answers);
    if (!validation.valid()) {
        std::string which;
        for (const auto& issue : validation.errors())
            which += (which.empty() ? "" : ", ") + issue.linkId;
        refuse(Kind::InvalidAnswers, "The answer code is intact, but its answers do not fit this clinic's "
                                     "questionnaire (" +
                                         which + "). Nothing was imported.");
    }
    return result;
}

std::string handoffKey(const questionnaire::Questionnaire& questionnaire, const json& answers,
                       const QDateTime& completedAt)
{
    const std::string digest = sha256(packBody(questionnaire, answers, completedAt));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (const char byte : digest) {
        hex.push_back(kHex[static_cast<unsigned char>(byte) >> 4]);
        hex.push_back(kHex[static_cast<unsigned char>(byte) & 0xF]);
    }
    return hex;
}

} // namespace spinepath::handoff
