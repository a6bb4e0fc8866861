#include "TextSizeChooser.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>

namespace spinepath::ui {

TextSizeChooser::TextSizeChooser(QWidget* parent)
    : QWidget(parent)
    , m_buttons(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("textSizeChooser"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addStretch();

    struct Choice
    {
        TextSize size;
        const char* objectName;
    };
    const Choice choices[] = {
        {TextSize::Normal, "textSizeNormal"},
        {TextSize::Large, "textSizeLarge"},
        {TextSize::Larger, "textSizeLarger"},
    };
    for (const Choice& choice : choices) {
        auto* button = new QPushButton(QStringLiteral("A"), this);
        button->setObjectName(QLatin1String(choice.objectName));
        button->setCheckable(true);
        button->setProperty("role", QStringLiteral("textSize"));
        m_buttons->addButton(button, static_cast<int>(choice.size));
        layout->addWidget(button);
    }
    m_buttons->button(static_cast<int>(TextSize::Normal))->setChecked(true);
    retranslate();
    connect(m_buttons, &QButtonGroup::idClicked, this, [this](int id) { choose(static_cast<TextSize>(id)); });
}

TextSizeChooser::~TextSizeChooser() = default;

void TextSizeChooser::retranslate()
{
    setAccessibleName(tr("Text size"));
    const std::pair<TextSize, QString> names[] = {
        {TextSize::Normal, tr("Normal text size")},
        {TextSize::Large, tr("Large text")},
        {TextSize::Larger, tr("Larger text")},
    };
    for (const auto& [size, name] : names) {
        QAbstractButton* button = m_buttons->button(static_cast<int>(size));
        button->setAccessibleName(name);
        button->setToolTip(name);
    }
}

void TextSizeChooser::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

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
