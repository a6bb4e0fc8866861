#include "core/content/ReadingLevel.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>

namespace spinepath {

std::string ReadingLevel::plainText(const std::string& markdown)
{
    // Compiled once: building them for every line made long texts slow
    // (found by fuzzing, at 50 inputs a second).
    static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression marker(QStringLiteral("^(#+|[-*+]|\\d+[.)])\\s+"));
    static const QRegularExpression emphasis(QStringLiteral("[*_`>]"));
    QString text = QString::fromStdString(markdown);
    // Images: keep the alt text, which a patient's screen reader reads too.
    text.replace(image, QStringLiteral("\\1."));
    text.replace(link, QStringLiteral("\\1"));
    QStringList lines;
    for (QString line : text.split(u'\n')) {
        line = line.trimmed();
        line.remove(marker);
        line.remove(emphasis);
        if (line.isEmpty())
            continue;
        // A heading or list item without a full stop would run into the next sentence.
        if (!line.endsWith(u'.') && !line.endsWith(u'?') && !line.endsWith(u'!') && !line.endsWith(u':'))
            line += u'.';
        lines << line;
    }
    return lines.join(u'\n').toStdString();
}

std::optional<double> ReadingLevel::fleschKincaid(const std::string& plainText, std::string& error)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("style"));
    if (program.isEmpty()) {
        error =
            "GNU style is not installed (Debian package diction), so the reading grade cannot be measured";
        return std::nullopt;
    }
    QProcess style;
    style.start(program, {QStringLiteral("-L"), QStringLiteral("en_US")});
    if (!style.waitForStarted(5000)) {
        error = "GNU style could not be started";
        return std::nullopt;
    }
    style.write(QByteArray::fromStdString(plainText));
    style.closeWriteChannel();
    if (!style.waitForFinished(20000) || style.exitCode() != 0) {
        error = "GNU style failed: " + style.readAllStandardError().toStdString();
        return std::nullopt;
    }
    const QString report = QString::fromUtf8(style.readAllStandardOutput());
    const auto match = QRegularExpression(QStringLiteral("Kincaid:\\s*(-?[0-9.]+)")).match(report);
    if (!match.hasMatch()) {
        error = "GNU style gave no Kincaid grade";
        return std::nullopt;
    }
    return match.captured(1).toDouble();
}

} // namespace spinepath
