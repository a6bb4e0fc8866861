#include "Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QTranslator>

namespace spinepath {

namespace {

const QString kProgramTranslations = QStringLiteral(":/i18n");
const QString kEnglish = QStringLiteral("en");

// The installed translators are children of the application, so they live as
// long as it does; a later install() removes them first.
QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

QString& currentLanguage()
{
    static QString language = kEnglish;
    return language;
}

bool load(QCoreApplication& application, const QString& file, const QString& folder)
{
    auto* translator = new QTranslator(&application);
    if (!translator->load(file, folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed() << translator;
    return true;
}

} // namespace

QString Translator::install(QCoreApplication& application, const QLocale& locale)
{
    // The patient reads content in the language asked for even where the
    // program's own texts fall back to English: content has its own fallback,
    // text by text (a language code of letters only; "C" and the like are
    // English). Set first: each translator (un)installed sends LanguageChange,
    // and widgets showing content reload it in language() then.
    static const QRegularExpression code(QStringLiteral("^[a-z]{2,3}$"));
    const QString asked = QLocale::languageToCode(locale.language());
    currentLanguage() = code.match(asked).hasMatch() ? asked : kEnglish;
    for (const QPointer<QTranslator>& translator : std::as_const(installed()))
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    installed().clear();

    QString language = asked;
    if (!load(application, QStringLiteral("spinepath_") + language, kProgramTranslations)) {
        language = kEnglish;
        load(application, QStringLiteral("spinepath_") + language, kProgramTranslations);
    }
    load(application, QStringLiteral("qtbase_") + language,
         QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return language;
}

// The language install() was asked for last, even when the program's own texts
// fell back to English for want of a translation file: the patient still reads
// content in it, where the content has it.
QString Translator::language()
{
    return currentLanguage();
}

} // namespace spinepath
