// A staff computer whose ~/.pgpass holds no password for the clinic's
// server: the start-up asks for it (hidden, again after a wrong one), and
// without one the program still runs and says what is missing. Uses the test
// program's own PostgreSQL cluster. Synthetic data only.
#include "common/AppContext.h"
#include "common/DatabasePasswordPrompt.h"
#include "common/DatabaseStartup.h"

#include "support/PostgresCluster.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QTimer>
#include <QtTest>

using namespace spinepath::ui;
using spinepath::test::PostgresCluster;

namespace {

constexpr char kPassword[] = "Right-Horse-Battery-1";

} // namespace

class TestDatabasePasswordPrompt final : public QObject
{
    Q_OBJECT

    QString m_uri;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<DatabaseStartup> m_startup;
    QStringList m_asked; // the location of each question, in order

    void startWithAnswers(const QList<std::optional<QString>>& answers)
    {
        m_context = AppContext::load(SPINEPATH_SOURCE_DIR "/content");
        m_startup = std::make_unique<DatabaseStartup>(*m_context);
        m_startup->setPasswordPrompt([this, answers](const QString& location, int attempt) {
            m_asked << location;
            [&] { QCOMPARE(attempt, m_asked.size()); }();
            return answers.value(attempt - 1);
        });
        m_startup->start(m_uri);
        QTRY_VERIFY_WITH_TIMEOUT(m_startup->isReady(), 60000);
    }

private slots:
    void initTestCase()
    {
        qputenv("PGPASSFILE", "/nonexistent/spinepath-test-pgpass");
        auto& cluster = PostgresCluster::shared();
        const QString database = cluster.createDatabase();
        cluster.admin(
            QStringLiteral("CREATE ROLE front_desk_pw LOGIN PASSWORD '%1'").arg(QLatin1String(kPassword)));
        // The login owns the database, so its first start makes the schema.
        cluster.admin(QStringLiteral("ALTER DATABASE %1 OWNER TO front_desk_pw").arg(database));
        m_uri = cluster.uri(database, QStringLiteral("front_desk_pw"));
    }

    void cleanup()
    {
        m_startup.reset();
        m_context.reset();
        m_asked.clear();
    }

    void asksAgainAfterAWrongPassword()
    {
        startWithAnswers({QStringLiteral("wrong-one"), QString::fromLatin1(kPassword)});
        QCOMPARE(m_asked.size(), 2);
        QCOMPARE(m_asked.first(), m_uri);
        QVERIFY2(m_context->database, m_context->databaseProblem.c_str());
        QVERIFY(m_context->databaseProblem.empty());
    }

    void withoutAPasswordTheProgramRunsAndSaysWhy()
    {
        startWithAnswers({std::nullopt});
        QCOMPARE(m_asked.size(), 1);
        QVERIFY(!m_context->database);
        QVERIFY2(m_context->databaseProblem.find(".pgpass") != std::string::npos,
                 m_context->databaseProblem.c_str());
        QVERIFY(m_context->databaseProblem.find(kPassword) == std::string::npos);
    }

    void givesUpAfterThreeWrongPasswords()
    {
        startWithAnswers(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QString::fromLatin1(kPassword)});
        QCOMPARE(m_asked.size(), 3);
        QVERIFY(!m_context->database);
    }

    void theDialogHidesWhatIsTyped()
    {
        QWidget parent;
        QTimer::singleShot(0, [] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("databasePasswordDialog"));
            auto* field = dialog->findChild<QLineEdit*>();
            QVERIFY(field);
            QCOMPARE(field->echoMode(), QLineEdit::Password);
            QTest::keyClicks(field, QStringLiteral("typed-secret"));
            QTest::keyClick(field, Qt::Key_Return);
        });
        const auto typed = DatabasePasswordPrompt::ask(&parent, m_uri, 1);
        QVERIFY(typed);
        QCOMPARE(*typed, QStringLiteral("typed-secret"));
    }
};

QTEST_MAIN(TestDatabasePasswordPrompt)
#include "test_DatabasePasswordPrompt.moc"
