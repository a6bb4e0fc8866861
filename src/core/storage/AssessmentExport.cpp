#include "core/storage/AssessmentExport.h"

#include "core/questionnaire/QuestionnaireResponse.h"
#include "core/storage/AssessmentQueries.h"
#include "core/storage/AuditLog.h"
#include "core/storage/PrivateFiles.h"
#include "core/storage/StorageTime.h"

#include <QIODevice>
#include <QSaveFile>

#include <sys/stat.h>

namespace spinepath::storage {

namespace {

using nlohmann::json;

// The CSV export's score columns are a documented format (docs/storage.md,
// score_<pathway>), read by other programs; the JSON exports carry every
// pathway's score. A result without one of these pathways leaves it empty.
constexpr const char* kCsvScoreColumns[] = {"regenerative", "fusion"};

// Written in blocks of this size: an export of 100,000 assessments streams
// through a small buffer instead of being built in memory.
constexpr std::size_t kFlushBytes = 1 << 16;

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string timeText(const QDateTime& time)
{
    return time.isValid() ? toStorageTime(time).toStdString() : std::string();
}

json nullableTime(const QDateTime& time)
{
    return time.isValid() ? json(timeText(time)) : json();
}

// The stored QuestionnaireResponse as exported: named after its assessment.
json exportedResponse(const Assessment& assessment)
{
    json response = assessment.answers;
    response["id"] = assessment.id;
    return response;
}

Error writeError(const QIODevice& out)
{
    return Error{ErrorKind::Io, "The export could not be written: " + out.errorString().toStdString()};
}

} // namespace

std::string_view toString(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Jsonl:
        return "jsonl";
    case ExportFormat::Csv:
        return "csv";
    case ExportFormat::Fhir:
        break;
    }
    return "fhir";
}

std::optional<ExportFormat> exportFormatFromString(std::string_view text)
{
    for (const ExportFormat format : {ExportFormat::Jsonl, ExportFormat::Csv, ExportFormat::Fhir})
        if (text == toString(format))
            return format;
    return std::nullopt;
}

AssessmentWriter::AssessmentWriter(ExportFormat format, const questionnaire::Questionnaire& questionnaire,
                                   QIODevice& out)
    : m_format(format)
    , m_questionnaire(questionnaire)
    , m_out(out)
{}

void AssessmentWriter::begin()
{
    if (m_format == ExportFormat::Csv) {
        m_buffer += "id,started_at,completed_at,mode,status,category,severity,";
        for (const char* pathway : kCsvScoreColumns)
            m_buffer += "score_" + std::string(pathway) + ',';
        m_buffer += "flags\r\n";
    } else if (m_format == ExportFormat::Fhir) {
        // Streamed: the entries are written one by one inside the array.
        std::string header =
            json{{"resourceType", "Bundle"}, {"type", "collection"}, {"timestamp", timeText(storageNow())}}
                .dump();
        header.pop_back(); // the closing brace
        m_buffer += header + ",\"entry\":[";
    }
}

void AssessmentWriter::add(const Assessment& assessment)
{
    if (m_format == ExportFormat::Jsonl) {
        json answers = json::object();
        try {
            answers = questionnaire::fromQuestionnaireResponse(m_questionnaire, assessment.answers);
        } catch (const std::exception& error) {
            m_summary.failures.push_back(
                {assessment.id,
                 "its answers do not fit the current questionnaire (" + std::string(error.what()) + ")"});
            return;
        }
        json line{{"id", assessment.id},
                  {"started_at", nullableTime(assessment.startedAt)},
                  {"completed_at", nullableTime(assessment.completedAt)},
                  {"mode", toString(assessment.mode)},
                  {"status", toString(assessment.status)},
                  {"answers", std::move(answers)},
                  {"result", assessment.result ? assessment.result->toJson() : json()}};
        m_buffer += line.dump();
        m_buffer += '\n';
    } else if (m_format == ExportFormat::Csv) {
        std::string flags;
        for (const std::string& flag : assessment.flags)
            flags += (flags.empty() ? "" : ";") + flag;
        const auto& result = assessment.result;
        m_buffer += csvField(assessment.id) + ',' + timeText(assessment.startedAt) + ',' +
                    timeText(assessment.completedAt) + ',' + std::string(toString(assessment.mode)) + ',' +
                    std::string(toString(assessment.status)) + ',' + csvField(assessment.category) + ',' +
                    csvField(assessment.severity) + ',';
        for (const char* pathway : kCsvScoreColumns) {
            const auto score = result ? result->score(pathway) : std::nullopt;
            m_buffer += (score ? std::to_string(*score) : std::string()) + ',';
        }
        m_buffer += csvField(flags) + "\r\n";
    } else {
        m_buffer += m_summary.count == 0 ? "" : ",";
        m_buffer +=
            json{{"fullUrl", "urn:uuid:" + assessment.id}, {"resource", exportedResponse(assessment)}}.dump();
    }
    ++m_summary.count;
    flushIfLarge();
}

Result<void> AssessmentWriter::end()
{
    if (m_format == ExportFormat::Fhir)
        m_buffer += "]}\n";
    if (!flush())
        return writeError(m_out);
    return {};
}

void AssessmentWriter::flushIfLarge()
{
    if (m_buffer.size() >= kFlushBytes)
        flush();
}

bool AssessmentWriter::flush()
{
    if (!m_buffer.empty() && !m_writeFailed) {
        const auto size = static_cast<qint64>(m_buffer.size());
        m_writeFailed = m_out.write(m_buffer.data(), size) != size;
    }
    m_buffer.clear();
    return !m_writeFailed;
}

AssessmentExport::AssessmentExport(const Database& database,
                                   const questionnaire::Questionnaire& questionnaire, std::string actor)
    : m_database(database)
    , m_questionnaire(questionnaire)
    , m_actor(std::move(actor))
{}

Result<ExportSummary> AssessmentExport::write(ExportFormat format, const ExportSelection& selection,
                                              QIODevice& out, std::string_view auditAction) const
{
    if (auto allowed = requireWholeDatabase(); !allowed)
        return std::move(allowed).error();
    if (auto started = auditStart(format, selection); !started)
        return std::move(started).error();
    ExportSummary summary;
    if (auto written = writeTo(format, selection, out, summary); !written)
        return failed(format, summary, std::move(written).error());
    if (auto logged = audit(format, summary.count, auditAction); !logged)
        return std::move(logged).error();
    return summary;
}

Result<void> AssessmentExport::audit(ExportFormat format, qint64 count, std::string_view auditAction) const
{
    // Who took the data out, and how much: never what.
    return AuditLog(m_database)
        .append(m_actor, auditAction, {},
                std::string(toString(format)) + ", " + std::to_string(count) + " assessments");
}

Result<void> AssessmentExport::requireWholeDatabase() const
{
    auto allowed = m_database.canReadEverything();
    if (!allowed)
        return std::move(allowed).error();
    if (!*allowed)
        return Error{
            ErrorKind::InvalidArgument,
            "Nothing was exported: this computer's database login is a kiosk's, which cannot read the "
            "clinic's assessments. Export from the staff console or with a staff login."};
    return {};
}

Result<void> AssessmentExport::auditStart(ExportFormat format, const ExportSelection& selection) const
{
    // Committed before the first byte goes out: an export cut short (killed,
    // its pipe closed) is in the trail all the same.
    return AuditLog(m_database)
        .append(m_actor, audit::kExportStarted, {},
                std::string(toString(format)) + ", " +
                    (selection.everything ? std::string("all assessments")
                                          : std::to_string(selection.ids.size()) + " selected"));
}

Error AssessmentExport::failed(ExportFormat format, const ExportSummary& summary, Error error) const
{
    if (auto logged = AuditLog(m_database)
                          .append(m_actor, audit::kExportFailed, {},
                                  std::string(toString(format)) + ", stopped after " +
                                      std::to_string(summary.count) + " assessments");
        !logged)
        return std::move(logged).error();
    return error;
}

Result<void> AssessmentExport::writeTo(ExportFormat format, const ExportSelection& selection, QIODevice& out,
                                       ExportSummary& summary) const
{
    const AssessmentQueries queries(m_database);
    AssessmentWriter writer(format, m_questionnaire, out);
    writer.begin();
    const auto done = [&](Result<void> result) {
        summary = writer.summary();
        return result;
    };
    if (selection.everything) {
        if (auto walked = queries.forEach([&](const Assessment& assessment) {
                writer.add(assessment);
                return true;
            });
            !walked)
            return done(std::move(walked).error());
    } else {
        for (const std::string& id : selection.ids) {
            auto assessment = queries.get(id);
            if (!assessment)
                return done(std::move(assessment).error());
            writer.add(*assessment);
        }
    }
    return done(writer.end());
}

Result<ExportSummary> AssessmentExport::writeFile(ExportFormat format, const ExportSelection& selection,
                                                  const QString& path, std::string_view auditAction) const
{
    if (auto allowed = requireWholeDatabase(); !allowed)
        return std::move(allowed).error();
    if (auto started = auditStart(format, selection); !started)
        return std::move(started).error();
    ExportSummary summary;
    // A temporary file beside the target, 0600 from its first byte, renamed
    // over the target only when complete: an export cut short (even by
    // SIGKILL) never leaves a partial file under the name asked for.
    QSaveFile file(path);
    {
        const PrivateUmask privateFiles;
        if (!file.open(QIODevice::WriteOnly))
            return failed(format, summary,
                          Error{ErrorKind::Io, "SpinePath cannot write the file " + path.toStdString() +
                                                   ": " + file.errorString().toStdString()});
    }
    // An existing file's looser mode would otherwise carry over.
    if (::fchmod(file.handle(), kPrivateFileMode) != 0)
        return failed(
            format, summary,
            Error{ErrorKind::Io, "SpinePath cannot make the file " + path.toStdString() + " private."});
    if (auto written = writeTo(format, selection, file, summary); !written) {
        file.cancelWriting();
        return failed(format, summary, std::move(written).error());
    }
    if (!file.commit())
        return failed(format, summary,
                      Error{ErrorKind::Io, "SpinePath cannot write the file " + path.toStdString() + ": " +
                                               file.errorString().toStdString()});
    // Recorded once the file is really there.
    if (auto logged = audit(format, summary.count, auditAction); !logged)
        return std::move(logged).error();
    return summary;
}

} // namespace spinepath::storage
