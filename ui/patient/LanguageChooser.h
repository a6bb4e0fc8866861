#pragma once

#include <QWidget>

class QButtonGroup;

namespace spinepath::ui {

// Big "English" / "Español" buttons at the top of the welcome page. Each is
// labelled in its own language (and so named to a screen reader), never
// translated: a patient who cannot read the screen's language still finds
// theirs. The button of the language in use is checked.
class LanguageChooser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageChooser)

public:
    explicit LanguageChooser(QWidget* parent = nullptr);
    ~LanguageChooser() override;

    // Checks the button of `code` (after a switch made elsewhere).
    void showLanguage(const QString& code);

signals:
    // A patient pressed the button of `code` ("en", "es").
    void languageChosen(const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    QButtonGroup* m_buttons;
    QStringList m_codes;
};

} // namespace spinepath::ui
