#pragma once

// With SPINEPATH_SCREENSHOT_DIR set, GUI tests save what they show as PNGs
// (how docs/screenshots is made); without it they save nothing.

#include <QDir>
#include <QString>
#include <QWidget>
#include <QtTest>

inline void saveScreenshot(QWidget& widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("SPINEPATH_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QTest::qWait(50); // let pending layouts and paints land first
    QVERIFY(widget.grab().save(folder + u'/' + name + QStringLiteral(".png")));
}
