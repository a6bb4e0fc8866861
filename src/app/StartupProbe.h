#pragma once

class QWidget;

// Start-up measurement for `make bench` (bench/startup). When the environment
// variable SPINEPATH_STARTUP_PROBE is set, install() waits for the first paint
// of `window`, lets the event loop finish that frame, then prints one line to
// stdout and quits the application:
//
//     startup-probe realtime_ns=... since_start_ms=... peak_rss_kib=...
//
// realtime_ns: CLOCK_REALTIME when the first frame has been painted; the bench
//   subtracts the time it took just before starting the process, so the figure
//   covers exec, dynamic loading, Qt, our start-up and the first frame.
// since_start_ms: the same moment measured from the process start time the
//   kernel records (/proc/self/stat field 22, clock ticks since boot, so only
//   10 ms resolution); a check that needs no outside clock.
// peak_rss_kib: VmHWM of /proc/self/status, the peak resident memory so far.
//
// Without the variable it does nothing. The bare Qt window of bench/startup
// uses the same code, so both are measured identically.
//
// Time to interactive: when SPINEPATH_INTERACTIVE_PROBE is set,
// installTimeToInteractive() clicks the welcome page's start button (object
// name `buttonName`) as soon as the window has painted, the way a patient
// who clicks at once would: the click is queued behind whatever start-up work
// the GUI thread still has. When the click has taken effect (the page of the
// QStackedWidget `pagesName` changed and the new page painted) it prints
//
//     interactive-probe realtime_ns=... shown_realtime_ns=... since_start_ms=...
//
// and quits. shown_realtime_ns is CLOCK_REALTIME at the first frame.
namespace StartupProbe {

void install(QWidget& window);
void installTimeToInteractive(QWidget& window, const char* buttonName, const char* pagesName);

} // namespace StartupProbe
