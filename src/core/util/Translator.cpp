#include "Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
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
    for (const QPointer<QTranslator>& translator : std::as_const(installed()))
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    installed().clear();

    QString language = QLocale::languageToCode(locale.language());
    if (!load(application, QStringLiteral("spinepath_") + language, kProgramTranslations)) {
        language = kEnglish;
        load(application, QStringLiteral("spinepath_") + language, kProgramTranslations);
    }
    load(application, QStringLiteral("qtbase_") + language,
         QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    currentLanguage() = language;
    return language;
}

QString Translator::language()
{
    return currentLanguage();
}

} // namespace spinepath
