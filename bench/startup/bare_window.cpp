// The baseline of the start-up benchmark: the smallest honest Qt Widgets
// program, a main window with one line of text, shown at the size SpinePath
// opens with and measured by the same StartupProbe (src/app/StartupProbe.cpp).
// bench/startup/run.sh runs it alternately with spinepath.

#include "StartupProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto* label = new QLabel(QStringLiteral("Welcome"), &window);
    label->setAlignment(Qt::AlignCenter);
    window.setCentralWidget(label);
    window.resize(1024, 700);
    window.show();
    StartupProbe::install(window);
    return QApplication::exec();
}
