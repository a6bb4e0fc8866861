#pragma once

// Drives the patient questionnaire as a patient would: by clicking the
// answer buttons and "Next" of the real widgets. Shared by the GUI tests.

#include "support/ExampleAnswers.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QWidget>
#include <QtTest>

class PatientDriver final
{
public:
    explicit PatientDriver(QWidget* window)
        : m_window(window)
    {}

    [[nodiscard]] QWidget* currentPage() const
    {
        return m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))->currentWidget();
    }

    [[nodiscard]] QWidget* question(const char* linkId) const
    {
        return m_window->findChild<QWidget*>(QStringLiteral("question_") + QString::fromLatin1(linkId));
    }

    // Clicks the answer button of a question ("true", "false" or a code).
    void answer(const char* linkId, const char* choice) const
    {
        QWidget* q = question(linkId);
        QVERIFY2(q, linkId);
        auto* button =
            q->findChild<QAbstractButton*>(QStringLiteral("choice_") + QString::fromLatin1(choice));
        QVERIFY2(button, choice);
        QVERIFY2(button->isVisible(), linkId);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // Types into the text or number field of a question.
    void type(const char* linkId, const QString& text) const
    {
        QWidget* q = question(linkId);
        QVERIFY2(q, linkId);
        auto* edit = q->findChild<QLineEdit*>();
        QVERIFY2(edit && edit->isVisible(), linkId);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    void next() const
    {
        auto* nextButton = m_window->findChild<QPushButton*>(QStringLiteral("nextButton"));
        QVERIFY(nextButton);
        QTest::mouseClick(nextButton, Qt::LeftButton);
    }

    [[nodiscard]] QString progress() const
    {
        return m_window->findChild<QLabel*>(QStringLiteral("progressLabel"))->text();
    }

    // The negative safety screen "N" of the clinical spec (age 42, every
    // Yes/No question No, "None of these" for the two lists), in the order
    // the questionnaire asks it.
    void answerSafetyAllNo() const
    {
        const nlohmann::json screen = spinepath::test::negativeSafetyScreen();
        for (const std::string& id : spinepath::test::safetyLinkIds()) {
            const nlohmann::json& value = screen.at(id);
            if (value.is_number_integer())
                type(id.c_str(), QString::number(value.get<int>()));
            else if (value.is_array())
                answer(id.c_str(), value.at(0).get_ref<const std::string&>().c_str());
            else
                answer(id.c_str(), value.get<bool>() ? "true" : "false");
        }
    }

    // Worked example E3 of the clinical spec (its answer set "R"), section by
    // section, up to the "About you" page (not answered, not finished).
    void answerExampleThree() const
    {
        answerSafetyAllNo();
        next();
        answer("pain.duration", "6m_12m");
        answer("pain.location", "back_mostly");
        answer("peg.pain", "6");
        answer("peg.enjoyment", "7");
        answer("peg.activity", "6");
        answer("ibp.onset_before_40", "true");
        for (const char* id :
             {"ibp.slow_onset", "ibp.better_with_exercise", "ibp.rest_no_help", "ibp.night_better_up"})
            answer(id, "false");
        next();
        answer("dx.told", "annular_tear");
        next();
        answer("img.mri", "within_12m");
        answer("img.findings", "annular_tear");
        answer("img.flexion_extension", "not_done");
        answer("img.discography", "not_done");
        next();
        answer("cc.pt", "ge6w");
        answer("cc.meds", "true");
        answer("cc.injections", "true");
        answer("cc.relief", "temporary");
        answer("cc.pain_program", "false");
        next();
        answer("inst.told_unstable", "no");
        next();
        answer("neuro.numbness", "none");
        answer("neuro.weakness", "none");
        next();
        answer("hx.prior_surgery", "none");
        next();
        answer("proc.blood_thinner", "false");
        next();
        answer("pref.motion", "important");
        answer("pref.avoid_surgery", "true");
        next();
    }

private:
    QWidget* m_window;
};
