#include "ResultsPage.h"

#include "core/content/ArticleLibrary.h"
#include "core/content/ClinicInfo.h"
#include "core/scoring/Ruleset.h"
#include "core/scoring/ScreeningResult.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

ResultsPage::ResultsPage(QWidget* parent)
    : QScrollArea(parent)
    , m_content(new QWidget(this))
    , m_layout(new QVBoxLayout(m_content))
{
    setObjectName(QStringLiteral("resultsPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_content->setObjectName(QStringLiteral("resultsContent"));
    m_layout->setContentsMargins(32, 24, 32, 24);
    m_layout->setSpacing(12);
    setWidget(m_content);
}

ResultsPage::~ResultsPage() = default;

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

QLabel* ResultsPage::addLabel(const QString& value, const char* role, const QString& objectName)
{
    auto* label = new QLabel(value, m_content);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setProperty("role", QString::fromLatin1(role));
    label->setAccessibleName(value);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    m_layout->addWidget(label);
    return label;
}

void ResultsPage::addHeading(const QString& value)
{
    addLabel(value, "subheading");
}

void ResultsPage::addScore(const QString& name, int value, const QString& objectName)
{
    auto* row = new QWidget(m_content);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(name, row);
    label->setTextFormat(Qt::PlainText);
    label->setMinimumWidth(260);
    label->setWordWrap(true);
    auto* bar = new QProgressBar(row);
    bar->setObjectName(objectName);
    bar->setRange(0, 100);
    bar->setValue(value);
    bar->setTextVisible(false); // the number sits beside the bar, readable on any fill
    bar->setMinimumHeight(24);
    bar->setAccessibleName(tr("%1: %2 of 100").arg(name).arg(value));
    auto* number = new QLabel(tr("%1 of 100").arg(value), row);
    number->setMinimumWidth(110);
    number->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(label);
    layout->addWidget(bar, 1);
    layout->addWidget(number);
    m_layout->addWidget(row);
}

void ResultsPage::showResult(const spinepath::scoring::ScreeningResult& result,
                             const spinepath::scoring::Ruleset& ruleset, const spinepath::ClinicInfo& clinic,
                             const spinepath::ArticleLibrary& articles)
{
    clear();
    addLabel(tr("Your results"), "pageHeading", QStringLiteral("resultsHeading"));

    // Red flags come first, before anything about treatment.
    if (!result.flags.empty()) {
        auto* box = new QFrame(m_content);
        box->setObjectName(QStringLiteral("flagBox"));
        box->setProperty("role", QStringLiteral("alert"));
        auto* boxLayout = new QVBoxLayout(box);
        auto* title = new QLabel(tr("Please read this first"), box);
        title->setProperty("role", QStringLiteral("alertTitle"));
        boxLayout->addWidget(title);
        for (const std::string& id : result.flags) {
            if (const auto* flag = ruleset.findFlag(id)) {
                auto* line = new QLabel(text(flag->patient), box);
                line->setTextFormat(Qt::PlainText);
                line->setWordWrap(true);
                line->setObjectName(QStringLiteral("flag_") + text(id));
                line->setAccessibleName(text(flag->patient));
                boxLayout->addWidget(line);
            }
        }
        auto* action =
            new QLabel(text(clinic.message(result.hasEmergency() ? "emergencyKiosk" : "urgentNotice")), box);
        action->setTextFormat(Qt::PlainText);
        action->setWordWrap(true);
        action->setProperty("role", QStringLiteral("alertAction"));
        boxLayout->addWidget(action);
        m_layout->addWidget(box);
    }

    if (const auto* category = ruleset.findCategory(result.category)) {
        addLabel(text(category->title), "categoryTitle", QStringLiteral("categoryTitle"));
        addLabel(text(category->patient), "body", QStringLiteral("categoryText"));
    }

    addHeading(tr("How your answers match each path"));
    addScore(tr("Disc injection that keeps motion (regenerative)"), result.regenerativeScore,
             QStringLiteral("regenerativeScore"));
    addScore(tr("Spinal fusion surgery"), result.fusionScore, QStringLiteral("fusionScore"));
    addLabel(text(clinic.message("scoresExplained")), "hint");

    std::set<std::string> articleIds;
    if (!result.factors.empty()) {
        addHeading(tr("The reasons behind these results"));
        for (const auto& factor : result.factors) {
            const QString direction = factor.weight < 0            ? tr("Counts against a disc injection")
                                      : factor.pathway == "fusion" ? tr("Points toward fusion")
                                                                   : tr("Points toward a disc injection");
            addLabel(QStringLiteral("• ") + text(factor.reason) + QStringLiteral(" (") + direction + u')',
                     "body", QStringLiteral("factor_") + text(factor.id));
            if (const auto* rule = ruleset.findFactor(factor.id))
                articleIds.insert(rule->articles.begin(), rule->articles.end());
        }
    }
    if (!result.notes.empty()) {
        addHeading(tr("Possible next steps"));
        for (const std::string& id : result.notes) {
            if (const auto* note = ruleset.findNote(id)) {
                addLabel(QStringLiteral("• ") + text(note->text), "body", QStringLiteral("note_") + text(id));
                articleIds.insert(note->articles.begin(), note->articles.end());
            }
        }
    }

    // Both paths are always offered to read about, whatever the result.
    articleIds.insert({"spinal-fusion", "regenerative-treatment"});
    // One link per article; a link to a section beats one to the top.
    std::map<std::string, std::string> byArticle;
    for (const std::string& target : articleIds) {
        std::string& chosen = byArticle[target.substr(0, target.find('#'))];
        if (chosen.empty() || target.find('#') != std::string::npos)
            chosen = target;
    }
    articleIds.clear();
    for (const auto& [id, target] : byArticle)
        articleIds.insert(target);
    addHeading(tr("Read more"));
    for (const std::string& target : articleIds) {
        // "id#Heading" opens the article at that section.
        const std::string id = target.substr(0, target.find('#'));
        const auto* article = articles.find(id);
        if (!article)
            continue;
        auto* link = new QPushButton(text(article->title), m_content);
        link->setObjectName(QStringLiteral("article_") + text(id));
        link->setProperty("role", QStringLiteral("link"));
        link->setCursor(Qt::PointingHandCursor);
        link->setAccessibleName(tr("Read: %1").arg(text(article->title)));
        link->setAccessibleDescription(text(article->summary));
        connect(link, &QPushButton::clicked, this,
                [this, target] { emit articleRequested(QString::fromStdString(target)); });
        m_layout->addWidget(link, 0, Qt::AlignLeft);
    }

    addLabel(text(clinic.message("resultsDisclaimer")), "disclaimer", QStringLiteral("disclaimer"));

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
    m_layout->addStretch();
}
