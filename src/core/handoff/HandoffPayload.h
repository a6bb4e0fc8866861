#pragma once

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace spinepath::questionnaire {
class Questionnaire;
}

namespace spinepath::handoff {

// A complete answer set given at home, as a short text that a QR code on the
// patient copy carries to the clinic (or a barcode scanner types into the
// staff console):
//
//   "SP1:" + Base45( [format 1] [flags] body [4 bytes of SHA-256 of what precedes] )
//
// The body names the questionnaire (id and version) and the time the answers
// were finished (to the minute), then walks the questionnaire's answerable
// items in order: one bit says whether the item is answered, and the answer
// is packed by the item's type (a Yes/No one bit, a choice the index of its
// option, an integer a varint, a date the day number, text its UTF-8 bytes;
// anything else its JSON). Flag bit 0: the body is deflated (used only when
// that makes it shorter). The checksum turns a mistyped or misread character
// into a refusal instead of different answers.
//
// A payload is only as private as the paper it is printed on: the patient
// copy says so beside the code.
inline constexpr std::string_view kPayloadPrefix = "SP1:";
inline constexpr int kPayloadFormat = 1;

struct HandoffAnswers
{
    std::string questionnaireId;
    std::string questionnaireVersion;
    QDateTime completedAt;                             // UTC, to the minute; invalid: not known
    nlohmann::json answers = nlohmann::json::object(); // flat answers
};

// Why a payload was refused; what() is plain English for staff, naming the
// problem (never an answer).
class HandoffError final : public std::runtime_error
{
public:
    enum class Kind
    {
        NotAPayload,          // no SpinePath prefix: some other code or text
        UnsupportedFormat,    // a SpinePath payload of a format this version cannot read
        Damaged,              // a character changed, missing or added: checksum or length wrong
        UnknownQuestionnaire, // answers to a questionnaire (or version) this clinic does not have
        InvalidAnswers,       // checksum right, yet the answers do not fit the questionnaire
    };
    HandoffError(Kind kind, const std::string& message)
        : std::runtime_error(message)
        , m_kind(kind)
    {}
    [[nodiscard]] Kind kind() const noexcept { return m_kind; }

private:
    Kind m_kind;
};

// The payload of flat `answers` to `questionnaire`. Throws HandoffError
// (InvalidAnswers) when they do not validate: only answers that the clinic
// will accept are ever printed.
[[nodiscard]] std::string encodePayload(const questionnaire::Questionnaire& questionnaire,
                                        const nlohmann::json& answers, const QDateTime& completedAt);

// Reads a payload, checking the prefix, the format, the checksum, that the
// questionnaire and version are `questionnaire`'s, and that the answers are
// valid for it. Surrounding white space and line ends are ignored (but not
// spaces inside: Base45 uses them). Throws HandoffError.
[[nodiscard]] HandoffAnswers decodePayload(std::string_view text,
                                           const questionnaire::Questionnaire& questionnaire);

// Whether `text` starts like a payload (the prefix), for callers that must
// tell a payload from a file name or JSON.
[[nodiscard]] bool looksLikePayload(std::string_view text) noexcept;

// The identity of an answer set: hex SHA-256 of its canonical packed form
// (questionnaire, completion minute, answers), the same whichever way the
// answers came (payload, file). Importing one twice finds the first.
[[nodiscard]] std::string handoffKey(const questionnaire::Questionnaire& questionnaire,
                                     const nlohmann::json& answers, const QDateTime& completedAt);

} // namespace spinepath::handoff
