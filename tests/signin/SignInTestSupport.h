#pragma once

// Shared by the sign-in widget tests: a private database, a clock the test
// moves by hand, and the cheapest Argon2id cost so that tests stay quick.
#include "core/security/StaffPin.h"
#include "core/storage/AuditLog.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QDialog>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <string_view>

namespace signintest {

namespace storage = spinepath::storage;
using spinepath::security::StaffPin;

struct FakeClock
{
    QDateTime at = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    StaffPin::Clock clock()
    {
        return [this] { return at; };
    }
    void advance(std::chrono::seconds by) { at = at.addSecs(by.count()); }
};

// Opens the dialog as the app does (open(), not exec(), so the test goes on)
// and tells whether it reached the screen; use as QVERIFY(openOnScreen(dialog)).
[[nodiscard]] inline bool openOnScreen(QDialog& dialog)
{
    dialog.open();
    return QTest::qWaitForWindowExposed(&dialog);
}

// A database in a folder of its own, and a StaffPin over it.
class PinFixture final
{
public:
    PinFixture()
    {
        storage::OpenOptions options;
        options.path = m_folder.filePath(QStringLiteral("spinepath.sqlite"));
        auto opened = storage::Database::open(options);
        if (!opened)
            qFatal("Cannot open the test database: %s", opened.error().message.c_str());
        m_database = std::move(opened).value();
        m_pin = std::make_unique<StaffPin>(*m_database, clock.clock(), StaffPin::Cost::Minimal);
    }
    Q_DISABLE_COPY_MOVE(PinFixture)

    [[nodiscard]] StaffPin& pin() { return *m_pin; }
    [[nodiscard]] storage::Database& database() { return *m_database; }

    [[nodiscard]] int audited(std::string_view action) const
    {
        auto entries = storage::AuditLog(*m_database).list(1000);
        if (!entries)
            qFatal("Cannot read the audit log: %s", entries.error().message.c_str());
        return static_cast<int>(std::count_if(entries->begin(), entries->end(),
                                              [&](const auto& entry) { return entry.action == action; }));
    }

    FakeClock clock;

private:
    QTemporaryDir m_folder;
    std::unique_ptr<storage::Database> m_database;
    std::unique_ptr<StaffPin> m_pin;
};

} // namespace signintest
