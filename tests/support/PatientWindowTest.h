#pragma once

// The set-up the whole-window GUI tests share: the real content, a database
// of the test's own in a temporary folder, the program's appearance and its
// English plurals. A test class derives from QObject first, then from this,
// and makes its MainWindow in m_window as it needs it.
#include "MainWindow.h"
#include "common/AppContext.h"
#include "common/Appearance.h"

#include "core/util/Translator.h"

#include <QApplication>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace spinepath::test {

class PatientWindowTest
{
protected:
    // In initTestCase.
    void prepare(const QString& databaseName)
    {
        spinepath::ui::applyAppearance(*qApp);
        spinepath::Translator::install(*qApp, QLocale(QLocale::English)); // as the program does
        QVERIFY(m_context);
        QVERIFY(m_dataFolder.isValid());
        m_context->openDatabase(m_dataFolder.filePath(databaseName));
        QVERIFY2(m_context->databaseProblem.empty(), m_context->databaseProblem.c_str());
    }

    QTemporaryDir m_dataFolder;
    std::unique_ptr<spinepath::ui::AppContext> m_context =
        spinepath::ui::AppContext::load(SPINEPATH_SOURCE_DIR "/content");
    std::unique_ptr<spinepath::ui::MainWindow> m_window;
};

} // namespace spinepath::test
