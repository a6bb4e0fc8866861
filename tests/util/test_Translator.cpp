// The translations: English turns "%n minute(s)" into proper singular and
// plural forms, an unknown language falls back to English, and every "%n"
// text in the sources has its finished English forms (checked against what
// lupdate finds now, so a new plural text cannot be forgotten). Spanish
// translates every text of the sources, checked the same way, and brings Qt's
// own texts (standard buttons) with it.
#include "core/util/Translator.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

const QString kEnglishFile = QStringLiteral(SPINEPATH_SOURCE_DIR "/resources/translations/spinepath_en.ts");
const QString kSpanishFile = QStringLiteral(SPINEPATH_SOURCE_DIR "/resources/translations/spinepath_es.ts");

struct Application
{
    int argc = 1;
    char name[16] = "test_Translator";
    char* argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
};

QString minutes(int n)
{
    return QCoreApplication::translate("spinepath::ui::ArticleView", "%n minute(s) to read", nullptr, n);
}

struct PluralText
{
    QString source;
    QStringList forms; // the one translation of a text without %n
    bool unfinished = false;
    bool plural = false;
};

// The messages of a .ts file (only the plural ones unless `all`), as "context|source".
QHash<QString, PluralText> pluralTexts(const QString& path, bool all = false)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QHash<QString, PluralText> texts;
    QString context;
    PluralText current;
    bool inPlural = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                current = {},
                current.plural = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                inPlural = all || current.plural;
            else if (inPlural && xml.name() == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (inPlural && xml.name() == QLatin1String("translation")) {
                current.unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
                if (!current.plural)
                    current.forms << xml.readElementText();
            } else if (inPlural && xml.name() == QLatin1String("numerusform"))
                current.forms << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && inPlural) {
            texts.insert(context + u'|' + current.source, current);
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return texts;
}

} // namespace

TEST_CASE("English shows one minute and two minutes", "[translator]")
{
    Application application;
    CHECK(minutes(2) == QStringLiteral("2 minute(s) to read")); // nothing installed yet

    CHECK(spinepath::Translator::install(application.app, QLocale(QLocale::English)) == QStringLiteral("en"));
    CHECK(minutes(1) == QStringLiteral("1 minute to read"));
    CHECK(minutes(2) == QStringLiteral("2 minutes to read"));
    CHECK(minutes(0) == QStringLiteral("0 minutes to read"));
}

TEST_CASE("A language without a translation falls back to English, installed once", "[translator]")
{
    Application application;
    CHECK(spinepath::Translator::install(application.app, QLocale(QLocale::Swahili)) == QStringLiteral("en"));
    // The program's texts are English, yet the patient still reads content in Swahili where it has any.
    CHECK(spinepath::Translator::language() == QStringLiteral("sw"));
    CHECK(spinepath::Translator::install(application.app, QLocale::c()) == QStringLiteral("en"));
    CHECK(spinepath::Translator::language() == QStringLiteral("en"));
    CHECK(minutes(1) == QStringLiteral("1 minute to read"));
}

TEST_CASE("Every plural text of the sources has finished English forms", "[translator]")
{
    const QHash<QString, PluralText> committed = pluralTexts(kEnglishFile);
    for (const PluralText& text : committed) {
        INFO(text.source.toStdString());
        CHECK_FALSE(text.unfinished);
        REQUIRE(text.forms.size() == 2);
        CHECK_FALSE(text.forms[0].isEmpty());
        CHECK(text.forms[0].contains(QStringLiteral("%n")) == text.source.contains(QStringLiteral("%n")));
        CHECK_FALSE(text.forms[1].contains(QStringLiteral("(s)")));
    }

    // What lupdate finds in the sources today: none may be missing.
    QTemporaryDir scratch;
    REQUIRE(scratch.isValid());
    const QString fresh = scratch.filePath(QStringLiteral("now.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(SPINEPATH_SOURCE_DIR));
    lupdate.start(QStringLiteral(SPINEPATH_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-pluralonly"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("src"), QStringLiteral("ui"), QStringLiteral("-ts"),
                   fresh});
    REQUIRE(lupdate.waitForFinished(120000));
    REQUIRE(lupdate.exitCode() == 0);
    const QHash<QString, PluralText> now = pluralTexts(fresh);
    REQUIRE_FALSE(now.isEmpty());
    for (auto text = now.cbegin(); text != now.cend(); ++text) {
        INFO("run resources/translations/english-plurals.py for: " << text.key().toStdString());
        CHECK(committed.contains(text.key()));
    }
}

namespace {

// Every text lupdate finds in the sources now, as "context|source".
QHash<QString, PluralText> sourceTexts(const QTemporaryDir& scratch)
{
    const QString fresh = scratch.filePath(QStringLiteral("all.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(SPINEPATH_SOURCE_DIR));
    lupdate.start(QStringLiteral(SPINEPATH_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("src"), QStringLiteral("ui"), QStringLiteral("-ts"), fresh});
    REQUIRE(lupdate.waitForFinished(120000));
    REQUIRE(lupdate.exitCode() == 0);
    return pluralTexts(fresh, true);
}

// The %1, %n and & of a text, which a translation must keep.
QStringList markers(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("%L?[0-9n]|&(?=[^& ])"));
    QStringList found;
    for (auto match = marker.globalMatch(text); match.hasNext();)
        found << match.next().captured().replace(QStringLiteral("%Ln"), QStringLiteral("%n"));
    found.removeDuplicates();
    found.sort();
    return found;
}

} // namespace

TEST_CASE("Every text of the sources has a finished Spanish translation", "[translator]")
{
    const QHash<QString, PluralText> spanish = pluralTexts(kSpanishFile, true);
    QTemporaryDir scratch;
    REQUIRE(scratch.isValid());
    const QHash<QString, PluralText> now = sourceTexts(scratch);
    REQUIRE(now.size() > 400);
    for (auto text = now.cbegin(); text != now.cend(); ++text) {
        INFO("run resources/translations/update-translations.py and translate: " << text.key().toStdString());
        REQUIRE(spanish.contains(text.key()));
        const PluralText& translated = spanish[text.key()];
        CHECK_FALSE(translated.unfinished);
        REQUIRE(translated.forms.size() == (text->plural ? 2 : 1)); // Spanish: singular and plural
        for (const QString& form : translated.forms) {
            INFO("translation: " << form.toStdString());
            CHECK_FALSE(form.isEmpty());
            // The plural's singular may say "one" in words rather than %n.
            if (text->plural && &form == &translated.forms.first())
                continue;
            CHECK(markers(form) == markers(text->source));
        }
    }
}

TEST_CASE("Spanish translates the program's texts, its plurals and Qt's buttons", "[translator]")
{
    Application application;
    REQUIRE(spinepath::Translator::install(
                application.app, QLocale(QLocale::Spanish, QLocale::UnitedStates)) == QStringLiteral("es"));
    CHECK(spinepath::Translator::language() == QStringLiteral("es"));
    CHECK(QCoreApplication::translate("spinepath::ui::YesNoQuestion", "Yes") == QStringLiteral("Sí"));
    CHECK(minutes(1) == QStringLiteral("1 minuto de lectura"));
    CHECK(minutes(5) == QStringLiteral("5 minutos de lectura"));
    // qtbase_es from qt6-translations-l10n: the standard dialog buttons.
    CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == QStringLiteral("Cancelar"));

    // Back to English: nothing of the Spanish stays installed.
    CHECK(spinepath::Translator::install(application.app, QLocale(QLocale::English)) == QStringLiteral("en"));
    CHECK(QCoreApplication::translate("spinepath::ui::YesNoQuestion", "Yes") == QStringLiteral("Yes"));
    CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == QStringLiteral("Cancel"));
}
