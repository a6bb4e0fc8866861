#pragma once

// The fixture of the GUI tests of single question features: the intake with
// one more section of the test's own (a file in tests/data/questionnaire),
// loaded with the real rules, and a SectionPage showing that section to a
// session at home. A test class derives from QObject first, then from this.
#include "core/questionnaire/Questionnaire.h"
#include "core/scoring/ScreeningContent.h"
#include "core/session/AssessmentSession.h"
#include "patient/questionnaire/QuestionWidget.h"
#include "patient/questionnaire/SectionPage.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <optional>

namespace spinepath::test {

class ExtraSection
{
protected:
    // In initTestCase: the content, with `sectionFile` (under
    // tests/data/questionnaire) added to the intake.
    void loadContentWith(const char* sectionFile)
    {
        QVERIFY(m_folder.isValid());
        const QString source = QStringLiteral(SPINEPATH_SOURCE_DIR "/content/");
        const QString target = m_folder.path() + QLatin1Char('/');
        QVERIFY(QDir(target).mkpath(QStringLiteral("questionnaire")));
        QVERIFY(QDir(target).mkpath(QStringLiteral("rules")));
        for (const char* file : {"rules/spinepath-core.json", "rules/interface.json"})
            QVERIFY(QFile::copy(source + QLatin1String(file), target + QLatin1String(file)));
        nlohmann::json intake = readJson(source + QStringLiteral("questionnaire/spinepath-intake.json"));
        intake["item"].push_back(readJson(QStringLiteral(SPINEPATH_SOURCE_DIR "/tests/data/questionnaire/") +
                                          QLatin1String(sectionFile)));
        std::ofstream(QString(target + QStringLiteral("questionnaire/spinepath-intake.json")).toStdString())
            << intake.dump(2);
        m_content.emplace(spinepath::scoring::ScreeningContent::load(m_folder.path().toStdString()));
    }

    // In init: a new session at home, and the page of the section `linkId`.
    void openSection(const char* linkId, QSize size = QSize(900, 900))
    {
        m_session =
            std::make_unique<spinepath::AssessmentSession>(*m_content, spinepath::AssessmentMode::Home);
        m_page = std::make_unique<spinepath::ui::SectionPage>(*m_content->questionnaire().find(linkId),
                                                              *m_session);
        m_page->resize(size);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    // In cleanup.
    void closeSection()
    {
        m_page.reset();
        m_session.reset();
    }

    [[nodiscard]] spinepath::ui::QuestionWidget* question(const char* linkId) const
    {
        return m_page->findChild<spinepath::ui::QuestionWidget*>(QStringLiteral("question_") +
                                                                 QLatin1String(linkId));
    }

    [[nodiscard]] QLineEdit* field(const char* linkId) const
    {
        spinepath::ui::QuestionWidget* widget = question(linkId);
        return widget ? widget->findChild<QLineEdit*>() : nullptr;
    }

    // The message beside a question.
    [[nodiscard]] QLabel* message(const char* linkId) const
    {
        return question(linkId)->findChild<QLabel*>(QStringLiteral("missingLabel"));
    }

    [[nodiscard]] nlohmann::json answer(const char* linkId) const
    {
        const nlohmann::json& answers = m_session->answers();
        return answers.contains(linkId) ? answers[linkId] : nlohmann::json();
    }

    // Types `text` key by key into the question's field, as a patient does:
    // every key is an answer given to the session.
    void type(const char* linkId, const QString& text)
    {
        QLineEdit* edit = field(linkId);
        QVERIFY2(edit, linkId);
        edit->clear();
        edit->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(edit, text);
    }

    void click(const char* linkId, const char* choice)
    {
        auto* button =
            question(linkId)->findChild<QAbstractButton*>(QStringLiteral("choice_") + QLatin1String(choice));
        QVERIFY2(button, choice);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    QTemporaryDir m_folder;
    std::optional<spinepath::scoring::ScreeningContent> m_content;
    std::unique_ptr<spinepath::AssessmentSession> m_session;
    std::unique_ptr<spinepath::ui::SectionPage> m_page;

private:
    static nlohmann::json readJson(const QString& path)
    {
        std::ifstream stream(path.toStdString());
        return nlohmann::json::parse(stream);
    }
};

} // namespace spinepath::test
