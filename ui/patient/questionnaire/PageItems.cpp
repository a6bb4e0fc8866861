#include "PageItems.h"

#include "core/questionnaire/Item.h"

#include <QWidget>

#include <algorithm>

namespace spinepath::ui {

namespace q = spinepath::questionnaire;

bool describesQuestion(const q::Item& item)
{
    return item.isHelp() ||
           (item.type() == q::ItemType::Display && item.parent() && item.parent()->isQuestion() &&
            (item.itemControl() == "lower" || item.itemControl() == "upper"));
}

void PageItems::applyEnablement(const std::set<std::string>& enabled) const
{
    for (const auto& [widget, linkId] : conditional)
        widget->setVisible(enabled.contains(linkId));
    for (const auto& [widget, question] : nested)
        widget->setVisible(
            std::any_of(question->children().begin(), question->children().end(), [&](const q::Item* child) {
                return !describesQuestion(*child) && !child->hidden() && enabled.contains(child->linkId());
            }));
}

} // namespace spinepath::ui
