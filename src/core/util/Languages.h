#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace spinepath::languages {

// The languages the program speaks, as codes ("en", "es"): English and every
// translation compiled in (resources/translations/spinepath_LANG.ts).
[[nodiscard]] QStringList available();

// Whether `code` is one of available().
[[nodiscard]] bool isAvailable(const QString& code);

// The language's own name ("English", "Español"): a language button is
// labelled in the language it switches to, so its reader can find it.
[[nodiscard]] QString nativeName(const QString& code);

// The locale dates and numbers follow in `code`: the system's country when
// the language is spoken there (Spanish in the United States: es_US), else
// the language's main country.
[[nodiscard]] QLocale localeFor(const QString& code, const QLocale& system = QLocale::system());

// Switches the program to `code`: QLocale's default (dates, numbers) and the
// translations (Translator::install, which tells every widget through
// QEvent::LanguageChange). Returns the language in use.
QString use(QCoreApplication& application, const QString& code);

} // namespace spinepath::languages
