#include "Languages.h"

#include "Translator.h"

#include <QCoreApplication>
#include <QDir>

namespace spinepath::languages {

QStringList available()
{
    // The compiled translations (Sources.cmake puts them under :/i18n).
    QStringList codes{QStringLiteral("en")};
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("spinepath_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(10, file.size() - 13); // "spinepath_" LANG ".qm"
        if (!codes.contains(code))
            codes << code;
    }
    return codes;
}

bool isAvailable(const QString& code)
{
    return !code.isEmpty() && available().contains(code);
}

QString nativeName(const QString& code)
{
    // Qt names a language by its main country ("American English", "español
    // de España"); a language button names only the language.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("es"))
        return QStringLiteral("Español");
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return code;
    // Qt gives "español" and "English": a button's label starts with a capital.
    return name.left(1).toUpper() + name.mid(1);
}

QLocale localeFor(const QString& code, const QLocale& system)
{
    const QLocale::Language language = QLocale::codeToLanguage(code);
    if (system.language() == language)
        return system;
    // Qt picks the language's main country when it has no locale for the pair.
    return QLocale(language, system.territory());
}

QString use(QCoreApplication& application, const QString& code)
{
    const QLocale locale = localeFor(code);
    QLocale::setDefault(locale);
    return Translator::install(application, locale);
}

} // namespace spinepath::languages
