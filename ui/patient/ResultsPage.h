#pragma once

#include <QScrollArea>

class QLabel;
class QVBoxLayout;

namespace spinepath::report {
struct PatientResult;
}

namespace spinepath::ui {

// What the patient sees at the end: the core's PatientResult, laid out in the
// order of the patient copy: the flags that alert with what to do now, the
// category in plain words, what the doctor will also ask about, the reasons,
// the next steps, articles to read, and that the doctor decides. Never a
// score: the result it is given holds none. All wording comes from content
// and the report's shared headings; this class only lays it out.
class ResultsPage final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPage)

public:
    explicit ResultsPage(QWidget* parent = nullptr);
    ~ResultsPage() override;

    // `fromHome`: the page also offers to take the answers to the visit
    // (the patient copy with its code, or an answers file).
    void showResult(const spinepath::report::PatientResult& result, bool fromHome = false);
    // Empties the page, so nothing of one patient stays for the next.
    void clear();

signals:
    void articleRequested(const QString& articleId);
    void printRequested();
    void saveAnswersRequested();
    void finished();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // A plain-text label (content is never read as markup) added to `layout`.
    QLabel* addLabel(QVBoxLayout* layout, const QString& text, const char* role,
                     const QString& objectName = {});
    QLabel* addLabel(const QString& text, const char* role, const QString& objectName = {});
    // A framed group of labels in the page, styled by its role.
    QVBoxLayout* addBox(const char* role, const QString& objectName);
    void addArticles(const spinepath::report::PatientResult& result);
    void addButtons();
    void addTakeToVisit();

    QWidget* m_content;
    QVBoxLayout* m_layout;
};

} // namespace spinepath::ui
