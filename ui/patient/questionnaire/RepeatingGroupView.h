#pragma once

#include "PageItems.h"

#include <QWidget>

#include <functional>
#include <string>
#include <vector>

class QPushButton;
class QVBoxLayout;

namespace spinepath {
class AssessmentSession;
}

namespace spinepath::ui {

// A repeating group on a page ("type": "group", "repeats": true): one framed
// block per instance the patient gives, each with its own answers and a
// "Remove" button, and "Add another" below them. At least one instance is
// shown. The session keeps the instances apart (setInstanceAnswer), and
// enableWhen and required are read per instance.
class RepeatingGroupView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepeatingGroupView)

public:
    // Builds the items of the group into one instance's frame (SectionPage's own builder).
    using Builder =
        std::function<void(const spinepath::questionnaire::Item& group, QWidget* frame, PageItems& into)>;

    RepeatingGroupView(const spinepath::questionnaire::Item& group, spinepath::AssessmentSession& session,
                       Builder builder, QWidget* parent = nullptr);
    ~RepeatingGroupView() override;

    [[nodiscard]] const std::string& linkId() const noexcept;
    [[nodiscard]] int shownInstances() const noexcept { return static_cast<int>(m_instances.size()); }
    // The frame of one instance (0 is the first), or nullptr.
    [[nodiscard]] QWidget* instanceFrame(int index) const;
    // After the session's answers changed: as many instances as it holds,
    // each showing what its own answers enable.
    void refresh();
    // Shows the answers the session holds in every instance.
    void showAnswers();
    // Marks the required questions each instance still lacks; the first one, or nullptr.
    QuestionWidget* markMissing();

private:
    struct Instance
    {
        QWidget* frame = nullptr;
        PageItems items;
    };

    void rebuild();
    void addInstance();
    void removeInstance(int index);
    [[nodiscard]] int wantedInstances() const;

    const spinepath::questionnaire::Item& m_group;
    spinepath::AssessmentSession& m_session;
    Builder m_builder;
    QVBoxLayout* m_instancesLayout = nullptr;
    QPushButton* m_add = nullptr;
    std::vector<Instance> m_instances;
};

} // namespace spinepath::ui
