#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

class QWidget;

namespace spinepath::questionnaire {
class Item;
}

namespace spinepath::ui {

class QuestionWidget;
class RepeatingGroupView;

// The widgets built for one set of answers of a page: the page's own, or one
// instance of a repeating group. What is shown follows the enabled linkIds of
// those answers.
struct PageItems
{
    std::vector<QuestionWidget*> questions;
    std::vector<std::pair<QWidget*, std::string>> conditional; // any widget with an item's linkId
    // The blocks of items nested under a question, with that question.
    std::vector<std::pair<QWidget*, const spinepath::questionnaire::Item*>> nested;
    std::vector<RepeatingGroupView*> repeating;

    // Shows what `enabled` holds, hides the rest; a nested block takes room
    // only while one of its items is asked.
    void applyEnablement(const std::set<std::string>& enabled) const;
};

// A display item that QuestionWidget shows as part of its question: its help
// or the words at the ends of its scale. Any other child is an item of its own.
[[nodiscard]] bool describesQuestion(const spinepath::questionnaire::Item& item);

} // namespace spinepath::ui
