#include "StartupProbe.h"
#include "FirstFrame.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QPushButton>
#include <QStackedWidget>
#include <QWidget>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace {

long long nanoseconds(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

// Field 22 of /proc/self/stat: the start time in clock ticks since boot,
// which CLOCK_BOOTTIME counts from as well. The command name (field 2) is in
// parentheses and may hold spaces, so fields are counted after the last ')'.
double millisecondsSinceProcessStart()
{
    std::ifstream stat("/proc/self/stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    for (int index = 3; index <= 22 && fields >> field; ++index) {
        if (index == 22) {
            const double ticks = std::strtod(field.c_str(), nullptr);
            const double startMs = ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
            return static_cast<double>(nanoseconds(CLOCK_BOOTTIME)) / 1e6 - startMs;
        }
    }
    return -1;
}

long peakResidentKib()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

} // namespace

namespace StartupProbe {

void install(QWidget& window)
{
    if (qEnvironmentVariableIsEmpty("SPINEPATH_STARTUP_PROBE"))
        return;
    runAfterFirstFrame(window, [] {
        const long long realtime = nanoseconds(CLOCK_REALTIME);
        const double sinceStart = millisecondsSinceProcessStart();
        std::printf("startup-probe realtime_ns=%lld since_start_ms=%.1f peak_rss_kib=%ld\n", realtime,
                    sinceStart, peakResidentKib());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
}

void installTimeToInteractive(QWidget& window, const char* buttonName, const char* pagesName)
{
    if (qEnvironmentVariableIsEmpty("SPINEPATH_INTERACTIVE_PROBE"))
        return;
    runAfterFirstFrame(window, [&window, buttonName, pagesName] {
        const long long shown = nanoseconds(CLOCK_REALTIME);
        auto* button = window.findChild<QPushButton*>(QLatin1String(buttonName));
        auto* pages = window.findChild<QStackedWidget*>(QLatin1String(pagesName));
        if (!button || !pages) {
            std::fprintf(stderr, "interactive-probe: no %s or %s in the window\n", buttonName, pagesName);
            QCoreApplication::exit(1);
            return;
        }
        QObject::connect(pages, &QStackedWidget::currentChanged, pages, [pages, shown] {
            QObject::disconnect(pages, &QStackedWidget::currentChanged, pages, nullptr);
            runAfterFirstFrame(*pages->currentWidget(), [shown] {
                const long long realtime = nanoseconds(CLOCK_REALTIME);
                std::printf("interactive-probe realtime_ns=%lld shown_realtime_ns=%lld since_start_ms=%.1f\n",
                            realtime, shown, millisecondsSinceProcessStart());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        });
        // Posted, not sent: the click waits in the queue behind the start-up
        // work already there, as a real click would.
        const QPointF centre = QRectF(button->rect()).center();
        const QPointF global = button->mapToGlobal(centre);
        for (const QEvent::Type type : {QEvent::MouseButtonPress, QEvent::MouseButtonRelease})
            QCoreApplication::postEvent(
                button, new QMouseEvent(type, centre, global, Qt::LeftButton,
                                        type == QEvent::MouseButtonPress ? Qt::LeftButton : Qt::NoButton,
                                        Qt::NoModifier));
    });
}

} // namespace StartupProbe
