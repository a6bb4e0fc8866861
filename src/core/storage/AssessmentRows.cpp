#include "core/storage/AssessmentRows.h"

#include "core/storage/Statement.h"

namespace spinepath::storage::rows {

Error notFound(const std::string& id)
{
    return Error{ErrorKind::NotFound, "There is no assessment with the id " + id + "."};
}

Result<State> readState(const Database& database, const std::string& id, std::string_view action)
{
    Statement select(database, QStringLiteral("SELECT status, patient_id FROM assessments WHERE id = :id"));
    select.bind(QStringLiteral(":id"), qtext(id));
    if (auto done = select.exec(action); !done)
        return std::move(done).error();
    if (!select.next())
        return notFound(id);
    State state;
    state.status = statusFromString(select.string(0)).value_or(Status::InProgress);
    if (!select.isNull(1))
        state.patientId = select.integer(1);
    if (auto done = select.finish(action); !done)
        return std::move(done).error();
    return state;
}

Error wrongStatus(const std::string& id, Status status, std::string_view wanted)
{
    return Error{ErrorKind::InvalidArgument, "The assessment " + id + " is " + std::string(toString(status)) +
                                                 ", so it cannot be " + std::string(wanted) + "."};
}

Result<void> deleteOrphanPatient(const Database& database, qint64 patientId, std::string_view action)
{
    Statement remove(database, QStringLiteral("DELETE FROM patients WHERE id = :id AND NOT EXISTS "
                                              "(SELECT 1 FROM assessments WHERE patient_id = :id)"));
    remove.bind(QStringLiteral(":id"), patientId);
    return remove.exec(action);
}

Result<void> purgeSearchIndex(const Database& database, std::string_view action)
{
    const QString purge = database.dialect().purgeNameIndex();
    return purge.isEmpty() ? Result<void>{} : execute(database, purge, action);
}

} // namespace spinepath::storage::rows
