#include "FirstFrame.h"
#include "MainWindow.h"
#include "StartupProbe.h"
#include "common/AppContext.h"
#include "common/Appearance.h"
#include "common/ContentProblemBox.h"
#include "common/DatabasePasswordPrompt.h"
#include "common/DatabaseStartup.h"
#include "kiosk/ClinicMode.h"
#include "kiosk/KioskOutbox.h"
#include "patient/questionnaire/QuestionnairePreview.h"

#include "core/questionnaire/Questionnaire.h"
#include "core/util/ContentPaths.h"
#include "core/util/Languages.h"
#include "core/util/Logging.h"
#include "core/util/Translator.h"
#include "core/util/Version.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>

using namespace spinepath::ui;

namespace {

bool hasArgument(int argc, char* argv[], const char* wanted)
{
    for (int i = 1; i < argc && std::strcmp(argv[i], "--") != 0; ++i)
        if (std::strcmp(argv[i], wanted) == 0)
            return true;
    return false;
}

// The value of --lang (or --lang=), before any parser exists: the help and
// the messages about bad options are in that language too.
QString requestedLanguage(int argc, char* argv[])
{
    for (int i = 1; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (std::strncmp(argv[i], "--lang=", 7) == 0)
            return QString::fromLocal8Bit(argv[i] + 7);
    }
    return {};
}

// A kiosk has a touch screen and no keyboard: Qt's on-screen keyboard comes
// up for text fields when its plugin is installed. The input method is picked
// when QApplication starts, so this is decided before it. The kiosk draws the
// keyboard inside its own window (OnScreenKeyboard): Qt's own window for it
// would, under cage, take the focus from the field at the first tap on a key.
void useOnScreenKeyboardIfInstalled()
{
    if (!qEnvironmentVariableIsSet("QT_IM_MODULE")) {
        const QDir plugins(QLibraryInfo::path(QLibraryInfo::PluginsPath) +
                           QStringLiteral("/platforminputcontexts"));
        if (!plugins.entryList({QStringLiteral("*qtvirtualkeyboard*")}, QDir::Files).isEmpty())
            qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    }
    if (qgetenv("QT_IM_MODULE") == "qtvirtualkeyboard")
        qputenv("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1");
}

// main() is not a QObject; this gives its strings a tr() that lupdate sees.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// The program's options. Parsed with a QCoreApplication before QApplication
// exists: QApplication needs a display, and --help, --version and a mistyped
// option must answer on a machine without one (packaging scripts, CI, ssh).
struct Options
{
    QCommandLineParser parser;
    QCommandLineOption help;
    QCommandLineOption version{QStringLiteral("version"), CommandLine::tr("Print the version and exit.")};
    QCommandLineOption logLevel{
        QStringLiteral("log-level"),
        CommandLine::tr("Log detail: trace, debug, info, warn, error, critical or off (default: info)."),
        CommandLine::tr("LEVEL"), QStringLiteral("info")};
    QCommandLineOption content{QStringLiteral("content"),
                               CommandLine::tr("Folder with the questionnaire, rules and articles."),
                               CommandLine::tr("FOLDER")};
    QCommandLineOption database{
        QStringLiteral("db"),
        CommandLine::tr("Database file, or a clinic's server as postgresql://USER@HOST/DBNAME (default: "
                        "SPINEPATH_DB, else this computer's setting, else the app's data folder)."),
        CommandLine::tr("FILE")};
    QCommandLineOption preview{
        QStringLiteral("preview"),
        CommandLine::tr(
            "Try out a FHIR R4 Questionnaire as a patient would: stores nothing, opens no database."),
        CommandLine::tr("FILE")};
    QCommandLineOption kiosk{
        QStringLiteral("kiosk"),
        CommandLine::tr(
            "Run as the clinic's front-desk kiosk: full screen, and only staff with the PIN can leave.")};
    QCommandLineOption language{
        QStringLiteral("lang"),
        CommandLine::tr("The language to start in, and at the kiosk to return to after each patient: %1 "
                        "(default: the clinic's setting, else the computer's language).")
            .arg(spinepath::languages::available().join(QStringLiteral(", "))),
        CommandLine::tr("LANGUAGE")};

    Options()
        : help(parser.addHelpOption())
    {
        parser.setApplicationDescription(CommandLine::tr("Spine care questionnaire and patient education."));
        for (const QCommandLineOption* option :
             {&version, &logLevel, &content, &database, &kiosk, &language, &preview})
            parser.addOption(*option);
    }
};

// Answers --help, --version and bad options without a display. Returns the
// exit code when the program should end now.
std::optional<int> answerWithoutDisplay(int argc, char* argv[])
{
    QCoreApplication core(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("spinepath"));
    const std::string_view version = spinepath::version();
    QCoreApplication::setApplicationVersion(
        QString::fromUtf8(version.data(), static_cast<qsizetype>(version.size())));
    if (const QString language = requestedLanguage(argc, argv); spinepath::languages::isAvailable(language))
        spinepath::languages::use(core, language);
    Options options;
    if (!options.parser.parse(QCoreApplication::arguments())) {
        std::fputs(qPrintable(options.parser.errorText() + u'\n'), stderr);
        return 2;
    }
    if (options.parser.isSet(options.version)) {
        const std::string line = "spinepath " + std::string(version) + '\n';
        std::fputs(line.c_str(), stdout);
        return 0;
    }
    // --help-all lists Qt's display options too, so it waits for QApplication.
    if (options.parser.isSet(options.help)) {
        std::fputs(qPrintable(options.parser.helpText()), stdout);
        return 0;
    }
    if (!spinepath::logging::parseLevel(options.parser.value(options.logLevel).toStdString())) {
        std::fputs(
            qPrintable(CommandLine::tr("Unknown log level: %1").arg(options.parser.value(options.logLevel)) +
                       u'\n'),
            stderr);
        return 2;
    }
    if (options.parser.isSet(options.language) &&
        !spinepath::languages::isAvailable(options.parser.value(options.language))) {
        std::fputs(qPrintable(CommandLine::tr("Unknown language: %1. Use one of: %2.")
                                  .arg(options.parser.value(options.language),
                                       spinepath::languages::available().join(QStringLiteral(", "))) +
                              u'\n'),
                   stderr);
        return 2;
    }
    return std::nullopt;
}

// Clinical content is checked before any patient can start: broken rules or
// questions stop the program with the file and the problem. Returns the exit code.
int refuseBrokenContent(QWidget* parent, const QString& contentFolder, const std::exception& error)
{
    spdlog::error("content in {} cannot be used", contentFolder.toStdString());
    spinepath::ui::applyWindowIcon();
    // The problems are in the box's scrollable details, so it fits any screen.
    spinepath::ui::contentProblemBox(parent, contentFolder, error)->exec();
    return 1;
}

// spinepath --preview FILE: the questionnaire alone, with no clinic content
// and no database. Returns the exit code.
int runPreview(const QString& file)
{
    std::optional<spinepath::questionnaire::Questionnaire> questionnaire;
    try {
        questionnaire.emplace(spinepath::questionnaire::Questionnaire::fromFile(file.toStdString()));
    } catch (const std::exception& error) {
        return refuseBrokenContent(nullptr, file, error);
    }
    spinepath::ui::applyWindowIcon();
    QuestionnairePreview preview(*questionnaire);
    preview.resize(900, 800);
    preview.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    if (const auto exitCode = answerWithoutDisplay(argc, argv))
        return *exitCode;

    const bool kioskAsked = hasArgument(argc, argv, "--kiosk");
    if (kioskAsked)
        useOnScreenKeyboardIfInstalled();

    QApplication app(argc, argv);
    const std::string_view version = spinepath::version();
    QApplication::setOrganizationName(QStringLiteral("SpinePath"));
    QApplication::setApplicationName(QStringLiteral("SpinePath"));
    // The installed desktop entry (resources/dist/unix): under Wayland this is
    // the window's app id, so the compositor shows the right name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.spinepath.SpinePath"));
    QApplication::setApplicationVersion(
        QString::fromUtf8(version.data(), static_cast<qsizetype>(version.size())));
    // --lang, else the computer's language; the clinic's setting may change
    // it once the database is open (ClinicMode).
    const QString language = requestedLanguage(argc, argv);
    if (!language.isEmpty())
        spinepath::languages::use(app, language);
    else
        spinepath::Translator::install(app);

    // Parsed again: the options were checked above, so this cannot fail.
    Options options;
    QCommandLineParser& parser = options.parser;
    (void)parser.parse(QApplication::arguments());
    // helpText() lacks the Qt options that --help-all promises; process() prints
    // them and exits.
    if (parser.isSet(QStringLiteral("help-all")))
        parser.process(app);
    const auto level = spinepath::logging::parseLevel(parser.value(options.logLevel).toStdString());

    spinepath::logging::initForGui(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs"), *level);
    spdlog::info("SpinePath {} starting", version);

    spinepath::ui::applyAppearance(app);
    if (parser.isSet(options.preview))
        return runPreview(parser.value(options.preview));
    const QString contentFolder = spinepath::contentDirectory(parser.value(options.content));
    std::unique_ptr<AppContext> context;
    try {
        context = AppContext::loadClinicDetails(contentFolder.toStdString());
    } catch (const std::exception& error) {
        return refuseBrokenContent(nullptr, contentFolder, error);
    }
    MainWindow window(*context);
    ClinicMode::Options clinicOptions;
    clinicOptions.kiosk = kioskAsked;
    clinicOptions.language = parser.value(options.language);
    window.setClinicLanguage(clinicOptions.language);
    ClinicMode clinic(*context, window, clinicOptions);
    QObject::connect(&clinic, &ClinicMode::exitRequested, &app, &QApplication::quit, Qt::QueuedConnection);
    (void)clinic.start();
    const QString databasePath = parser.value(options.database);
    // On a clinic's server, the kiosk keeps answers it cannot send and sends them later.
    const std::unique_ptr<spinepath::ui::KioskOutbox> outbox =
        kioskAsked ? spinepath::ui::KioskOutbox::startFor(databasePath, window) : nullptr;

    // The welcome page needs only the clinic's details, so the window shows
    // first. The clinical content loads straight after the first frame (its
    // cost does not grow with the clinic's data); input that comes meanwhile
    // waits in the event queue until it has run. The database is checked in
    // a worker thread (a large file's quick_check takes seconds): a patient
    // can start at once, and the answers are stored when it is ready.
    DatabaseStartup databaseStartup(*context);
    if (!kioskAsked)
        databaseStartup.setPasswordPrompt([&window](const QString& location, int attempt) {
            return DatabasePasswordPrompt::ask(&window, location, attempt);
        });
    QObject::connect(&databaseStartup, &DatabaseStartup::ready, &window, [&] {
        // The clinic first: its console must exist to hear of an emergency
        // a patient reported while the database was being checked.
        clinic.useDatabase();
        window.useDatabase();
        // Staff can make the kiosk the way the program always starts. The
        // on-screen keyboard must be chosen before QApplication exists, so
        // the program starts again as a kiosk rather than switch over; not
        // while a patient who started meanwhile is answering.
        if (!kioskAsked && clinic.settings().kioskAtStart) {
            if (!window.isAtWelcome()) {
                spdlog::warn("kiosk mode is set to start with the program, but a patient has started: "
                             "it applies at the next start");
                return;
            }
            spdlog::info("kiosk mode is set to start with the program; restarting as the kiosk");
            QStringList arguments = QApplication::arguments().mid(1);
            arguments << QStringLiteral("--kiosk");
            if (QProcess::startDetached(QApplication::applicationFilePath(), arguments))
                QApplication::quit();
            else
                spdlog::error("could not restart as the kiosk; starting as usual");
        }
    });
    runAfterFirstFrame(window, [&] {
        try {
            context->content->loadClinical();
        } catch (const std::exception& error) {
            QApplication::exit(refuseBrokenContent(&window, contentFolder, error));
            return;
        }
        spinepath::ui::applyWindowIcon();
        databaseStartup.start(databasePath);
    });
    // Called after runAfterFirstFrame above, so it runs first (see
    // FirstFrame.h) and reports the frame before the database work starts.
    StartupProbe::install(window); // make bench: SPINEPATH_STARTUP_PROBE=1 reports the first frame
    // make bench: SPINEPATH_INTERACTIVE_PROBE=1 clicks "I'm at the clinic" at the first frame and
    // reports when the questionnaire has painted.
    StartupProbe::installTimeToInteractive(window, "clinicButton", "pages");
    const int exitCode = QApplication::exec();

    spdlog::info("SpinePath exiting with code {}", exitCode);
    spinepath::logging::shutdown();
    return exitCode;
}
