#include "Appearance.h"
#include "MainWindow.h"

#include "core/util/Logging.h"
#include "core/util/Version.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

// Answered before QApplication exists: QApplication needs a display, and
// packaging scripts and CI ask for the version on machines without one.
bool printVersionIfAsked(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0)
            return false;
        if (std::strcmp(argv[i], "--version") == 0) {
            const std::string line = "spinepath " + std::string(spinepath::version()) + '\n';
            std::fputs(line.c_str(), stdout);
            return true;
        }
    }
    return false;
}

// main() is not a QObject; this gives its strings a tr() that lupdate sees.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

} // namespace

int main(int argc, char* argv[])
{
    if (printVersionIfAsked(argc, argv))
        return 0;

    QApplication app(argc, argv);
    const std::string_view version = spinepath::version();
    QApplication::setOrganizationName(QStringLiteral("SpinePath"));
    QApplication::setApplicationName(QStringLiteral("SpinePath"));
    QApplication::setApplicationVersion(
        QString::fromUtf8(version.data(), static_cast<qsizetype>(version.size())));

    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLine::tr("Spine care questionnaire and patient education."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    // Listed for --help only; it is handled above, before QApplication.
    parser.addOption(
        QCommandLineOption(QStringLiteral("version"), CommandLine::tr("Print the version and exit.")));
    const QCommandLineOption logLevelOption(
        QStringLiteral("log-level"),
        CommandLine::tr("Log detail: trace, debug, info, warn, error, critical or off (default: info)."),
        CommandLine::tr("LEVEL"), QStringLiteral("info"));
    parser.addOption(logLevelOption);

    if (!parser.parse(QApplication::arguments())) {
        std::fputs(qPrintable(parser.errorText() + u'\n'), stderr);
        return 2;
    }
    // helpText() lacks the Qt options that --help-all promises; process() prints
    // them and exits.
    if (parser.isSet(QStringLiteral("help-all")))
        parser.process(app);
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const auto level = spinepath::logging::parseLevel(parser.value(logLevelOption).toStdString());
    if (!level) {
        std::fputs(
            qPrintable(CommandLine::tr("Unknown log level: %1").arg(parser.value(logLevelOption)) + u'\n'),
            stderr);
        return 2;
    }

    spinepath::logging::initForGui(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs"), *level);
    spdlog::info("SpinePath {} starting", version);

    spinepath::ui::applyAppearance(app);
    MainWindow window;
    window.show();
    const int exitCode = QApplication::exec();

    spdlog::info("SpinePath exiting with code {}", exitCode);
    spinepath::logging::shutdown();
    return exitCode;
}
