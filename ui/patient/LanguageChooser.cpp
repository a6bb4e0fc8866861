#include "LanguageChooser.h"

#include "core/util/Languages.h"
#include "core/util/Translator.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>

namespace spinepath::ui {

LanguageChooser::LanguageChooser(QWidget* parent)
    : QWidget(parent)
    , m_buttons(new QButtonGroup(this))
    , m_codes(spinepath::languages::available())
{
    setObjectName(QStringLiteral("languageChooser"));
    // "Language / Idioma": the group's name in every language it offers, as
    // the buttons are, so it is not a text of the translations.
    QStringList groupNames;
    for (const QString& code : std::as_const(m_codes))
        groupNames << spinepath::languages::nativeName(code);
    setAccessibleName(groupNames.join(QStringLiteral(" / ")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    for (int i = 0; i < m_codes.size(); ++i) {
        const QString& code = m_codes[i];
        const QString name = spinepath::languages::nativeName(code);
        auto* button = new QPushButton(name, this);
        button->setObjectName(QStringLiteral("language_") + code);
        button->setCheckable(true);
        button->setAccessibleName(name);
        button->setProperty("role", QStringLiteral("language"));
        // The buttons' names are in their own language: a screen reader reads
        // each with its own voice when it knows the language.
        button->setLocale(QLocale(code));
        m_buttons->addButton(button, i);
        layout->addWidget(button);
    }
    layout->addStretch();
    showLanguage(spinepath::Translator::language());
    connect(m_buttons, &QButtonGroup::idClicked, this,
            [this](int id) { emit languageChosen(m_codes.value(id)); });
}

LanguageChooser::~LanguageChooser() = default;

void LanguageChooser::showLanguage(const QString& code)
{
    const auto index = m_codes.indexOf(code);
    if (QAbstractButton* button = m_buttons->button(static_cast<int>(index)))
        button->setChecked(true);
}

void LanguageChooser::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // The labels stay as they are; only which one is checked follows.
    if (event->type() == QEvent::LanguageChange)
        showLanguage(spinepath::Translator::language());
}

} // namespace spinepath::ui
