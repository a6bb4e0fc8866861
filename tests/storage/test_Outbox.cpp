// Outbox: the kiosk's local file of answers the clinic's server could not
// take yet. Private, newest state only, removed only at the revision sent,
// and nothing of a removed entry left in the file. Synthetic data only.
#include "StorageTestSupport.h"

#include "core/storage/Outbox.h"

using namespace storagetest;
using storage::ErrorKind;
using storage::Outbox;
using storage::OutboxEntry;
using storage::Status;

namespace {

std::unique_ptr<Outbox> openOutbox(const QString& path)
{
    ensureApplication();
    auto opened = Outbox::open(path);
    if (!opened)
        FAIL("cannot open the outbox " << path.toStdString() << ": " << opened.error().message);
    return std::move(opened).value();
}

OutboxEntry entryFor(const std::string& id, const std::string& name, Status status = Status::InProgress)
{
    const json answers = completeAnswers(name);
    OutboxEntry entry;
    entry.id = id;
    entry.kioskSession = "session-" + id;
    entry.started.content = contentVersions();
    entry.started.language = "es";
    entry.started.startedAt =
        QDateTime::fromString(QStringLiteral("2026-12-01T09:30:00.000Z"), Qt::ISODateWithMs);
    entry.status = status;
    entry.answers = storedFor(answers, status == Status::Completed ? "completed" : "in-progress");
    if (status == Status::Completed) {
        entry.result = content().scorer().score(answers);
        entry.completedAt = entry.started.startedAt.addSecs(420);
    }
    return entry;
}

} // namespace

TEST_CASE("The outbox keeps the newest state of each assessment, every field of it", "[outbox]")
{
    TempFolder folder;
    auto outbox = openOutbox(folder.file(QStringLiteral("kiosk/outbox.sqlite")));
    OutboxEntry first = entryFor("11111111-1111-4111-8111-111111111111", "Orla Pennyworth");
    first.alerts = {"RF_CAUDA_EQUINA"};
    REQUIRE(outbox->keep(first));
    const OutboxEntry done = entryFor(first.id, "Orla Pennyworth", Status::Completed);
    auto revision = outbox->keep(done);
    REQUIRE(revision);
    CHECK(*revision == 2);
    REQUIRE(outbox->keep(entryFor("22222222-2222-4222-8222-222222222222", "Bram Tillotson")));

    auto pending = outbox->pending();
    REQUIRE(pending);
    REQUIRE(pending->size() == 2);
    const OutboxEntry& kept = pending->front();
    CHECK(kept.id == first.id); // the oldest first
    CHECK(kept.revision == 2);
    CHECK(kept.status == Status::Completed);
    CHECK(kept.kioskSession == done.kioskSession);
    CHECK(kept.started.language == "es");
    CHECK(kept.started.startedAt == done.started.startedAt);
    CHECK(kept.started.content.rulesetVersion == done.started.content.rulesetVersion);
    CHECK(kept.answers.response == done.answers.response);
    CHECK(kept.answers.patient.name == "Orla Pennyworth");
    CHECK(kept.answers.patient.contactOk == std::optional<bool>(true));
    REQUIRE(kept.result.has_value());
    CHECK(kept.result->category == done.result->category);
    CHECK(kept.result->flags == done.result->flags);
    CHECK(kept.completedAt == done.completedAt);
    CHECK(kept.alerts.empty()); // the newest state replaced the one with the alert
    CHECK(kept.queuedAt.isValid());
    CHECK(outbox->count().value() == 2);
    CHECK(outbox->contains(first.id).value());
}

TEST_CASE("An entry is removed only at the revision that was sent", "[outbox]")
{
    TempFolder folder;
    auto outbox = openOutbox(folder.file(QStringLiteral("outbox.sqlite")));
    const OutboxEntry entry = entryFor("33333333-3333-4333-8333-333333333333", "Ines Marchbanks");
    REQUIRE(outbox->keep(entry).value() == 1);
    // The patient answered again while revision 1 was on its way.
    REQUIRE(outbox->keep(entry).value() == 2);
    auto removed = outbox->remove(entry.id, 1);
    REQUIRE(removed);
    CHECK_FALSE(*removed);
    CHECK(outbox->contains(entry.id).value());
    removed = outbox->remove(entry.id, 2);
    REQUIRE(removed);
    CHECK(*removed);
    CHECK(outbox->count().value() == 0);
    // Another connection (the sender's thread) sees the same file.
    auto other = openOutbox(outbox->path());
    CHECK(other->count().value() == 0);
}

TEST_CASE("The outbox file is private and keeps nothing of what was sent", "[outbox][sqlite]")
{
    TempFolder folder;
    const QString path = folder.file(QStringLiteral("new-folder/outbox.sqlite"));
    auto outbox = openOutbox(path);
    const OutboxEntry entry = entryFor("44444444-4444-4444-8444-444444444444", "Quentessa Halloway");
    REQUIRE(outbox->keep(entry));
    CHECK(permissionBits(path) == 0600);
    CHECK(permissionBits(QFileInfo(path).absolutePath()) == 0700);
    CHECK(fileHolds(path, "Quentessa Halloway"));
    REQUIRE(outbox->remove(entry.id, 1).value());
    outbox.reset();
    CHECK_FALSE(fileHolds(path, "Quentessa Halloway"));
    for (const QString& name : QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files))
        CHECK_FALSE(fileHolds(QFileInfo(path).absolutePath() + u'/' + name, "Quentessa Halloway"));
}

TEST_CASE("A file that is not an outbox is refused and left as it was", "[outbox][sqlite]")
{
    TempFolder folder;
    SECTION("a text file")
    {
        const QString path = folder.file(QStringLiteral("outbox.sqlite"));
        writeBytes(path, "not a database at all\n");
        const QByteArray before = fileBytes(path);
        auto opened = Outbox::open(path);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == ErrorKind::NotOurs);
        CHECK(opened.error().message.find("not a SpinePath outbox") != std::string::npos);
        CHECK(fileBytes(path) == before);
    }
    SECTION("the clinic's database")
    {
        const QString path = folder.file(QStringLiteral("spinepath.sqlite"));
        openOrFail(path).reset();
        const QByteArray before = sha256(path);
        auto opened = Outbox::open(path);
        REQUIRE_FALSE(opened);
        CHECK(opened.error().kind == ErrorKind::NotOurs);
        CHECK(sha256(path) == before);
    }
}
