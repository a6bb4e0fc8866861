#include "ResultsPage.h"

#include "patient/PageMargins.h"

#include "core/report/PatientResult.h"
#include "core/report/ReportStrings.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spinepath::ui {

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

constexpr int kWideMargin = 32; // the side margin of a wide page (see fitSideMargins)

} // namespace

ResultsPage::ResultsPage(QWidget* parent)
    : QScrollArea(parent)
    , m_content(new QWidget(this))
    , m_layout(new QVBoxLayout(m_content))
{
    setObjectName(QStringLiteral("resultsPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // It takes focus so the arrow keys can scroll a long page; a screen
    // reader then needs to know what it is in.
    setAccessibleName(tr("Your answers and what comes next"));
    m_content->setObjectName(QStringLiteral("resultsContent"));
    m_layout->setContentsMargins(kWideMargin, 24, kWideMargin, 24);
    m_layout->setSpacing(12);
    setWidget(m_content);
}

ResultsPage::~ResultsPage() = default;

void ResultsPage::resizeEvent(QResizeEvent* event)
{
    fitSideMargins(*m_layout, width(), kWideMargin);
    QScrollArea::resizeEvent(event);
}

void ResultsPage::clear()
{
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        if (QWidget* widget = item->widget())
            delete widget;
        if (QLayout* layout = item->layout()) {
            while (QLayoutItem* inner = layout->takeAt(0)) {
                delete inner->widget();
                delete inner;
            }
        }
        delete item;
    }
}

QLabel* ResultsPage::addLabel(QVBoxLayout* layout, const QString& value, const char* role,
                              const QString& objectName)
{
    auto* label = new QLabel(layout->parentWidget());
    label->setTextFormat(Qt::PlainText);
    label->setText(value);
    label->setWordWrap(true);
    label->setProperty("role", QString::fromLatin1(role));
    label->setAccessibleName(value);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    layout->addWidget(label);
    return label;
}

QLabel* ResultsPage::addLabel(const QString& value, const char* role, const QString& objectName)
{
    return addLabel(m_layout, value, role, objectName);
}

QVBoxLayout* ResultsPage::addBox(const char* role, const QString& objectName)
{
    auto* box = new QFrame(m_content);
    box->setObjectName(objectName);
    box->setProperty("role", QString::fromLatin1(role));
    m_layout->addWidget(box);
    return new QVBoxLayout(box);
}

void ResultsPage::showResult(const spinepath::report::PatientResult& result, bool fromHome)
{
    clear();
    // The headings are the patient copy's, so screen and paper read alike.
    const auto strings = spinepath::report::ReportStrings::current();
    addLabel(strings.patientTitle, "pageHeading", QStringLiteral("resultsHeading"));

    // What alarms comes first, before anything about treatment.
    if (!result.alerts.empty()) {
        QVBoxLayout* box = addBox("alert", QStringLiteral("flagBox"));
        addLabel(box, strings.readFirst, "alertTitle");
        for (const auto& flag : result.alerts)
            addLabel(box, flag.text, "body", QStringLiteral("flag_") + text(flag.id));
        addLabel(box, result.instruction, "alertAction", QStringLiteral("alertAction"));
    }

    // The category's title is the heading here; the paper copy puts "What your result means" above it.
    addLabel(result.categoryTitle, "categoryTitle", QStringLiteral("categoryTitle"));
    addLabel(result.categoryText, "body", QStringLiteral("categoryText"));

    // Calm, after the result: these do not alarm, the doctor will simply ask.
    if (!result.toDiscuss.empty()) {
        QVBoxLayout* box = addBox("calm", QStringLiteral("discussBox"));
        addLabel(box, strings.alsoAsk, "calmTitle");
        for (const auto& flag : result.toDiscuss)
            addLabel(box, QStringLiteral("• ") + flag.text, "body", QStringLiteral("flag_") + text(flag.id));
    }

    if (!result.reasons.empty()) {
        addLabel(strings.whyReasons, "subheading");
        for (const auto& reason : result.reasons)
            addLabel(QStringLiteral("• ") + reason.text, "body", QStringLiteral("factor_") + text(reason.id));
    }
    addLabel(strings.whatNext, "subheading");
    if (result.nextSteps.empty())
        addLabel(strings.noNextStepsPatient, "body");
    for (const auto& step : result.nextSteps)
        addLabel(QStringLiteral("• ") + step.text, "body", QStringLiteral("note_") + text(step.id));

    addArticles(result);
    addLabel(result.disclaimer, "disclaimer", QStringLiteral("disclaimer"));
    addLabel(strings.rulesUsed.arg(text(result.rulesetId), text(result.rulesetVersion)), "smallPrint",
             QStringLiteral("rulesUsed"));
    if (fromHome)
        addTakeToVisit();
    addButtons();
    m_layout->addStretch();
}

void ResultsPage::addTakeToVisit()
{
    // No cloud, portal or e-mail: the answers go to the clinic on paper (a
    // code the front desk scans) or as a file the patient carries.
    QVBoxLayout* box = addBox("calm", QStringLiteral("takeToVisitBox"));
    addLabel(box, tr("Take your answers to your visit"), "calmTitle", QStringLiteral("takeToVisitTitle"));
    addLabel(box,
             tr("Print your copy, or save it as a PDF. It has a square code with all your answers. At the "
                "front desk, staff scan it, so you do not have to answer again. Anyone who has the page can "
                "read your answers, so keep it safe."),
             "body", QStringLiteral("takeToVisitText"));
    addLabel(box, tr("You can also save your answers as a file, to bring on a USB stick."), "body");
    // One above the other: at the largest text size two side by side would
    // not fit a small window.
    auto* print = new QPushButton(tr("Print or save the page with the code"), m_content);
    print->setObjectName(QStringLiteral("printWithCodeButton"));
    print->setProperty("role", QStringLiteral("secondary"));
    print->setMinimumHeight(52);
    auto* save = new QPushButton(tr("Save my answers as a file"), m_content);
    save->setObjectName(QStringLiteral("saveAnswersButton"));
    save->setProperty("role", QStringLiteral("secondary"));
    save->setMinimumHeight(52);
    connect(print, &QPushButton::clicked, this, &ResultsPage::printRequested);
    connect(save, &QPushButton::clicked, this, &ResultsPage::saveAnswersRequested);
    box->addWidget(print, 0, Qt::AlignLeft);
    box->addWidget(save, 0, Qt::AlignLeft);
}

void ResultsPage::addArticles(const spinepath::report::PatientResult& result)
{
    if (result.articles.empty())
        return;
    addLabel(spinepath::report::ReportStrings::current().toRead, "subheading");
    for (const auto& article : result.articles) {
        auto* link = new QPushButton(article.title, m_content);
        link->setObjectName(QStringLiteral("article_") + text(article.id));
        link->setProperty("role", QStringLiteral("link"));
        link->setCursor(Qt::PointingHandCursor);
        link->setAccessibleName(tr("Read: %1").arg(article.title));
        link->setAccessibleDescription(article.summary);
        // "id#Heading" opens the article at that section.
        connect(link, &QPushButton::clicked, this,
                [this, target = text(article.target)] { emit articleRequested(target); });
        m_layout->addWidget(link, 0, Qt::AlignLeft);
    }
}

void ResultsPage::addButtons()
{
    auto* buttons = new QHBoxLayout();
    auto* print = new QPushButton(tr("Print or save my copy"), m_content);
    print->setObjectName(QStringLiteral("printButton"));
    print->setProperty("role", QStringLiteral("secondary"));
    print->setMinimumHeight(52);
    auto* finish = new QPushButton(tr("Finish"), m_content);
    finish->setObjectName(QStringLiteral("finishButton"));
    finish->setProperty("role", QStringLiteral("primary"));
    finish->setMinimumSize(180, 52);
    connect(print, &QPushButton::clicked, this, &ResultsPage::printRequested);
    connect(finish, &QPushButton::clicked, this, &ResultsPage::finished);
    buttons->addWidget(print);
    buttons->addStretch();
    buttons->addWidget(finish);
    m_layout->addLayout(buttons);
}

} // namespace spinepath::ui
