#pragma once

#include <QScrollArea>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace spinepath {
struct ClinicInfo;
class ArticleLibrary;
namespace scoring {
class Ruleset;
struct ScreeningResult;
} // namespace scoring
} // namespace spinepath

// What the patient sees at the end: red flags first, the category in plain
// words, the two suitability scores as labelled bars that are not a verdict,
// every reason, the next steps, articles to read, and that the doctor decides.
// All clinical wording comes from content; this class only lays it out.
class ResultsPage final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPage)

public:
    explicit ResultsPage(QWidget* parent = nullptr);
    ~ResultsPage() override;

    void showResult(const spinepath::scoring::ScreeningResult& result,
                    const spinepath::scoring::Ruleset& ruleset, const spinepath::ClinicInfo& clinic,
                    const spinepath::ArticleLibrary& articles);
    // Empties the page, so nothing of one patient stays for the next.
    void clear();

signals:
    void articleRequested(const QString& articleId);
    void printRequested();
    void finished();

private:
    QLabel* addLabel(const QString& text, const char* role, const QString& objectName = {});
    void addHeading(const QString& text);
    void addScore(const QString& name, int value, const QString& objectName);

    QWidget* m_content;
    QVBoxLayout* m_layout;
};
