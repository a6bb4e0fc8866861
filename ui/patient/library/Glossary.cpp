#include "Glossary.h"

#include "core/content/ArticleLibrary.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace spinepath::ui {

Glossary::Glossary(const spinepath::Article& glossaryArticle)
{
    static const QRegularExpression entry(QStringLiteral("^\\*\\*([^*]+)\\*\\*:\\s*(.+)$"));
    for (const QString& line : QString::fromStdString(glossaryArticle.body).split(u'\n')) {
        const auto match = entry.match(line.trimmed());
        if (match.hasMatch())
            m_terms[match.captured(1).trimmed().toLower()] =
                match.captured(1).trimmed() + QStringLiteral(": ") + match.captured(2).trimmed();
    }
}

QString Glossary::meaning(const QString& term) const
{
    const auto found = m_terms.find(term.toLower());
    return found == m_terms.end() ? QString() : found->second;
}

QString Glossary::linkTerms(const QString& markdown) const
{
    // Longest terms first, so "annular tear" wins over "tear".
    std::vector<QString> terms;
    for (const auto& [term, unused] : m_terms)
        if (!term.contains(u'(') && term.size() > 2)
            terms.push_back(term);
    std::sort(terms.begin(), terms.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });

    QStringList lines = markdown.split(u'\n');
    for (const QString& term : terms) {
        const QRegularExpression word(QStringLiteral("\\b(") + QRegularExpression::escape(term) +
                                          QStringLiteral(")\\b"),
                                      QRegularExpression::CaseInsensitiveOption);
        for (QString& line : lines) {
            const QString trimmed = line.trimmed();
            if (trimmed.startsWith(u'#') || trimmed.startsWith(QStringLiteral("![")) ||
                trimmed.contains(QStringLiteral("](")))
                continue; // headings, images and lines that already hold links stay as written
            const auto match = word.match(line);
            if (!match.hasMatch())
                continue;
            const QString link = QStringLiteral("[") + match.captured(1) + QStringLiteral("](glossary:") +
                                 QString::fromLatin1(QUrl::toPercentEncoding(term)) + u')';
            line.replace(match.capturedStart(1), match.capturedLength(1), link);
            break; // the first mention only
        }
    }
    return lines.join(u'\n');
}

} // namespace spinepath::ui
