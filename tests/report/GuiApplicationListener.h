#pragma once

// Fonts and QPdfWriter need a QGuiApplication for the whole test run; the
// shared Catch2 main does not make one, so a listener does, on the offscreen
// platform unless the environment chose another. Catch2 v2 declares listener
// bases only with CATCH_CONFIG_EXTERNAL_INTERFACES, before its first include.
#ifndef CATCH_CONFIG_EXTERNAL_INTERFACES
#error "define CATCH_CONFIG_EXTERNAL_INTERFACES before including catch.hpp"
#endif
#include <catch2/catch.hpp>

#include "core/util/Translator.h"

#include <QGuiApplication>

#include <memory>

namespace spinepath::report::test {

class GuiApplicationListener final : public Catch::TestEventListenerBase
{
public:
    using TestEventListenerBase::TestEventListenerBase;

    void testRunStarting(const Catch::TestRunInfo& info) override
    {
        TestEventListenerBase::testRunStarting(info);
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application() = std::make_unique<QGuiApplication>(argc(), argv());
        spinepath::Translator::install(*application());
    }
    void testRunEnded(const Catch::TestRunStats& stats) override
    {
        application().reset();
        TestEventListenerBase::testRunEnded(stats);
    }

private:
    static std::unique_ptr<QGuiApplication>& application()
    {
        static std::unique_ptr<QGuiApplication> instance;
        return instance;
    }
    static int& argc()
    {
        static int count = 1;
        return count;
    }
    static char** argv()
    {
        static char name[] = "spinepath-report-test";
        static char* words[] = {name, nullptr};
        return words;
    }
};

} // namespace spinepath::report::test
