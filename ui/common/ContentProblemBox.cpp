#include "ContentProblemBox.h"

#include "core/util/ContentProblem.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QTextEdit>

namespace spinepath::ui {

namespace {

// A problem's file from the content folder ("questionnaire/intake.json"), so
// that the folder, already named above, is not printed again on every line.
QString describe(const spinepath::ContentProblem& problem, const QDir& folder)
{
    QString file = QString::fromStdString(problem.file);
    const QString relative = folder.relativeFilePath(file);
    if (!relative.startsWith(QStringLiteral("..")))
        file = relative;
    QString line = file;
    if (!problem.pointer.empty())
        line += QStringLiteral(" at ") + QString::fromStdString(problem.pointer);
    return line + QStringLiteral(": ") + QString::fromStdString(problem.message);
}

} // namespace

std::unique_ptr<QMessageBox> contentProblemBox(QWidget* parent, const QString& contentFolder,
                                               const std::exception& error)
{
    QStringList lines;
    const QDir folder(contentFolder);
    if (const auto* content = dynamic_cast<const spinepath::ContentError*>(&error)) {
        for (const auto& problem : content->problems())
            lines << describe(problem, folder);
    } else {
        QString text = QString::fromUtf8(error.what());
        // Paths inside the folder are written from it, as above.
        text.replace(folder.absolutePath() + QLatin1Char('/'), QString());
        lines << text;
    }

    auto box = std::make_unique<QMessageBox>(
        QMessageBox::Critical, QCoreApplication::translate("CommandLine", "SpinePath cannot start"),
        QCoreApplication::translate("CommandLine", "The questionnaire or rules in %1 "
                                                   "have problems. SpinePath cannot start "
                                                   "until they are fixed.")
            .arg(QDir::toNativeSeparators(folder.absolutePath())),
        QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("contentProblemBox"));
    box->setInformativeText(
        QCoreApplication::translate("CommandLine", "The details list every problem found."));
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    // The details open at once: they are what the author needs.
    for (QAbstractButton* button : box->buttons())
        if (box->buttonRole(button) == QMessageBox::ActionRole)
            button->click();
    if (auto* details = box->findChild<QTextEdit*>())
        details->setObjectName(QStringLiteral("contentProblemDetails"));
    return box;
}

} // namespace spinepath::ui
