#pragma once

#include "core/storage/AssessmentRecord.h"
#include "core/storage/Database.h"
#include "core/storage/Result.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace spinepath::questionnaire {
class Questionnaire;
}

namespace spinepath::storage {

// The export formats of `spinepath-cli db export` and the staff console:
// JSON Lines (one object per assessment, answers flat), CSV (one row per
// assessment, no answers), and FHIR (a Bundle of type collection holding the
// QuestionnaireResponses).
enum class ExportFormat
{
    Jsonl,
    Csv,
    Fhir
};

[[nodiscard]] std::string_view toString(ExportFormat format);
// "jsonl", "csv" or "fhir"; nothing for anything else.
[[nodiscard]] std::optional<ExportFormat> exportFormatFromString(std::string_view text);

// An assessment left out of a JSON Lines export: its stored answers no
// longer fit the questionnaire they are read with.
struct ExportFailure
{
    std::string assessmentId;
    std::string message;
};

struct ExportSummary
{
    qint64 count = 0; // assessments written
    std::vector<ExportFailure> failures;
};

// Writes assessments in one format, one at a time, to a device: the whole
// database streams through a small buffer. begin(), add() per assessment,
// then end(). The output of the CLI and the console is the same bytes.
class AssessmentWriter final
{
public:
    AssessmentWriter(ExportFormat format, const questionnaire::Questionnaire& questionnaire, QIODevice& out);
    Q_DISABLE_COPY_MOVE(AssessmentWriter)
    ~AssessmentWriter() = default;

    void begin();
    void add(const Assessment& assessment);
    // Writes what is buffered and closes the document; an Io error when the
    // device did not take every byte.
    [[nodiscard]] Result<void> end();

    [[nodiscard]] const ExportSummary& summary() const { return m_summary; }

private:
    void flushIfLarge();
    bool flush();

    ExportFormat m_format;
    const questionnaire::Questionnaire& m_questionnaire;
    QIODevice& m_out;
    std::string m_buffer;
    bool m_writeFailed = false;
    ExportSummary m_summary;
};

// Which assessments to export: every one (oldest first), or the ids given
// (in the order given; an id that no longer exists is an error).
struct ExportSelection
{
    bool everything = false;
    std::vector<std::string> ids;

    [[nodiscard]] static ExportSelection all() { return {true, {}}; }
    [[nodiscard]] static ExportSelection of(std::vector<std::string> ids) { return {false, std::move(ids)}; }
};

// Exports a selection and records in the audit log who took how many
// assessments out in which format (never what they hold): when it starts
// (audit::kExportStarted, committed before the first byte) and when it ends,
// done (the action given) or failed (audit::kExportFailed).
class AssessmentExport final
{
public:
    AssessmentExport(const Database& database, const questionnaire::Questionnaire& questionnaire,
                     std::string actor);
    Q_DISABLE_COPY_MOVE(AssessmentExport)
    ~AssessmentExport() = default;

    // Writes to an open device. `auditAction` is audit::kSelectionExported
    // for the console and audit::kExported for `db export`.
    [[nodiscard]] Result<ExportSummary> write(ExportFormat format, const ExportSelection& selection,
                                              QIODevice& out, std::string_view auditAction) const;
    // Writes a file readable by its owner only (0600 from the first byte: it
    // holds health information), replaced atomically: a failure leaves any
    // earlier file as it was.
    [[nodiscard]] Result<ExportSummary> writeFile(ExportFormat format, const ExportSelection& selection,
                                                  const QString& path, std::string_view auditAction) const;

private:
    // `summary` holds what was written, also when it fails part-way.
    [[nodiscard]] Result<void> writeTo(ExportFormat format, const ExportSelection& selection, QIODevice& out,
                                       ExportSummary& summary) const;
    Result<void> audit(ExportFormat format, qint64 count, std::string_view auditAction) const;
    Result<void> auditStart(ExportFormat format, const ExportSelection& selection) const;
    // A kiosk's login sees only its own session's rows: its export would
    // look complete and hold nothing, so it is refused.
    [[nodiscard]] Result<void> requireWholeDatabase() const;
    // Records the failure (how far it got) and returns `error`.
    [[nodiscard]] Error failed(ExportFormat format, const ExportSummary& summary, Error error) const;

    const Database& m_database;
    const questionnaire::Questionnaire& m_questionnaire;
    std::string m_actor;
};

} // namespace spinepath::storage
