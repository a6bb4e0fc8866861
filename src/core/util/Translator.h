#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace spinepath {

// Installs the program's translations into the application. English is a
// translation too: the source texts say "%n minute(s)" and only the English
// file turns that into "1 minute" and "2 minutes". Qt's own translations
// (standard dialogs and buttons) are added when the system has them.
class Translator final
{
public:
    Translator() = delete;

    // Replaces whatever this installed before; English is the fallback for
    // any language without a file of its own. Returns the language used.
    static QString install(QCoreApplication& application, const QLocale& locale = QLocale());

    // The language install() chose last ("en", "es"), "en" before any install.
    // The one place content (questionnaire, rules' texts, articles, the
    // patient copy) asks which language the patient reads; widgets showing
    // content reload it on QEvent::LanguageChange.
    static QString language();
};

} // namespace spinepath
