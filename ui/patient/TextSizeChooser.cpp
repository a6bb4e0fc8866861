#include "TextSizeChooser.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QPushButton>

namespace spinepath::ui {

TextSizeChooser::TextSizeChooser(QWidget* parent)
    : QWidget(parent)
    , m_buttons(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("textSizeChooser"));
    setAccessibleName(tr("Text size"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addStretch();

    struct Choice
    {
        TextSize size;
        const char* objectName;
        QString name;
    };
    const Choice choices[] = {
        {TextSize::Normal, "textSizeNormal", tr("Normal text size")},
        {TextSize::Large, "textSizeLarge", tr("Large text")},
        {TextSize::Larger, "textSizeLarger", tr("Larger text")},
    };
    for (const Choice& choice : choices) {
        auto* button = new QPushButton(QStringLiteral("A"), this);
        button->setObjectName(QLatin1String(choice.objectName));
        button->setCheckable(true);
        button->setAccessibleName(choice.name);
        button->setToolTip(choice.name);
        button->setProperty("role", QStringLiteral("textSize"));
        m_buttons->addButton(button, static_cast<int>(choice.size));
        layout->addWidget(button);
    }
    m_buttons->button(static_cast<int>(TextSize::Normal))->setChecked(true);
    connect(m_buttons, &QButtonGroup::idClicked, this, [this](int id) { choose(static_cast<TextSize>(id)); });
}

TextSizeChooser::~TextSizeChooser() = default;

void TextSizeChooser::reset()
{
    m_buttons->button(static_cast<int>(TextSize::Normal))->setChecked(true);
    choose(TextSize::Normal);
}

void TextSizeChooser::choose(TextSize size)
{
    applyTextSize(size);
    emit textSizeChosen(size);
}

} // namespace spinepath::ui
