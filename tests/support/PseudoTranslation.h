#pragma once

// A pseudo-localisation for the GUI tests: every text of the translation
// files (the texts lupdate finds in the sources; test_Translator keeps the
// Spanish file equal to them) comes back marked and about 40 % longer, as
// "[!! Ŝéçţîöñ %1 öƒ %2 ~~~~ !!]", with its %1, %n and & accelerators kept.
// A text on screen without the marks was never translated (a string built in
// code, or a tr() that lupdate cannot see); a marked text that does not fit
// shows where a longer language will clip.
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>

namespace spinepath::test {

inline const QString kPseudoOpen = QStringLiteral("[!! ");
inline const QString kPseudoClose = QStringLiteral(" !!]");

// `text` with its letters accented, placeholders and accelerators kept, and
// padded to about 140 % of its length.
inline QString pseudoText(const QString& text)
{
    static const QHash<QChar, QChar> accented = [] {
        const QString plain = QStringLiteral("aceinostuyACEINOSTUY");
        const QString marked = QStringLiteral("àçéîñöşţüýÀÇÉÎÑÖŞŢÜÝ");
        QHash<QChar, QChar> map;
        for (qsizetype i = 0; i < plain.size(); ++i)
            map.insert(plain[i], marked[i]);
        return map;
    }();
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        // %1, %n, %L1, %Ln and the letter after & stay as they are.
        if ((c == u'%' || c == u'&') && i + 1 < text.size()) {
            out += c;
            if (c == u'%' && text[i + 1] == u'L' && i + 2 < text.size()) {
                out += text[++i];
            }
            out += text[++i];
            continue;
        }
        out += accented.value(c, c);
    }
    // The padding comes as words of up to 8 characters, as a longer language
    // adds words: one unbreakable run would stop any text from wrapping.
    const qsizetype pad = std::max<qsizetype>(2, text.size() * 4 / 10 - 8);
    QString padding;
    for (qsizetype done = 0; done < pad; done += 9)
        padding += (padding.isEmpty() ? QString() : QStringLiteral(" ")) +
                   QString(std::min<qsizetype>(8, pad - done), u'~');
    return kPseudoOpen + out + u' ' + padding + kPseudoClose;
}

// Marks exactly the texts of a translation file, and Qt's own (their
// contexts begin with "Q", as qtbase's translations do).
class PseudoTranslator final : public QTranslator
{
public:
    explicit PseudoTranslator(const QString& tsFile, QObject* parent = nullptr)
        : QTranslator(parent)
    {
        QFile file(tsFile);
        if (!file.open(QIODevice::ReadOnly))
            return;
        QXmlStreamReader xml(&file);
        QString context;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                m_texts.insert(context + u'|' + xml.readElementText());
        }
    }

    [[nodiscard]] bool isEmpty() const override { return m_texts.isEmpty(); }
    [[nodiscard]] qsizetype size() const { return m_texts.size(); }

    QString translate(const char* context, const char* sourceText, const char* disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        const QString ctx = QString::fromUtf8(context);
        const QString source = QString::fromUtf8(sourceText);
        if (m_texts.contains(ctx + u'|' + source) || (ctx.startsWith(u'Q') && !source.isEmpty()))
            return pseudoText(source);
        return {};
    }

private:
    QSet<QString> m_texts;
};

// Whether `text` shown on screen carries the marks (alone or around content).
inline bool isPseudoMarked(const QString& text)
{
    return text.contains(kPseudoOpen.trimmed()) && text.contains(kPseudoClose.trimmed());
}

} // namespace spinepath::test
