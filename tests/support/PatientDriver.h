#pragma once

// Drives the patient questionnaire as a patient would: by clicking the
// answer buttons and "Next" of the real widgets. Shared by the GUI tests.

#include <QAbstractButton>
#include <QLabel>
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

    void answerSafetyAllNo() const
    {
        for (const char* id : {"redflag.bladder_bowel", "redflag.saddle_numbness",
                               "redflag.progressive_weakness", "redflag.recent_trauma", "redflag.systemic"})
            answer(id, "false");
    }

    // Worked example 3 of the clinical spec, section by section, up to the
    // "About you" page (not answered, not finished).
    void answerExampleThree() const
    {
        answerSafetyAllNo();
        next();
        answer("pain.duration", "6m_12m");
        answer("pain.location", "back_mostly");
        answer("peg.pain", "6");
        answer("peg.enjoyment", "5");
        answer("peg.activity", "6");
        next();
        answer("dx.told", "annular_tear");
        next();
        answer("img.mri", "within_12m");
        answer("img.findings", "annular_tear");
        next();
        answer("cc.pt", "ge6w");
        answer("cc.injections", "true");
        answer("cc.relief", "temporary");
        next();
        answer("inst.told_unstable", "no");
        next();
        answer("neuro.numbness", "stable");
        answer("neuro.weakness", "none");
        next();
        answer("hx.prior_surgery", "none");
        next();
        answer("pref.motion", "important");
        answer("pref.avoid_surgery", "true");
        next();
    }

private:
    QWidget* m_window;
};
