#include "staff/ImportAnswersDialog.h"

#include "core/handoff/HandoffImport.h"
#include "core/scoring/ScreeningContent.h"
#include "core/storage/AssessmentLifecycle.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace spinepath::ui {

using Kind = spinepath::handoff::HandoffError::Kind;

namespace {

// Staff read why in their own language; the core's English names the details.
QString reasonFor(Kind kind)
{
    switch (kind) {
    case Kind::NotAPayload:
        return ImportAnswersDialog::tr("This is not a SpinePath answer code or answers file.");
    case Kind::UnsupportedFormat:
        return ImportAnswersDialog::tr(
            "This code was made by a newer SpinePath. Update SpinePath to read it.");
    case Kind::Damaged:
        return ImportAnswersDialog::tr(
            "The code is damaged or incomplete. Scan it again, flat and in good light.");
    case Kind::UnknownQuestionnaire:
        return ImportAnswersDialog::tr(
            "These answers are for a questionnaire version this clinic does not have. "
            "Ask the patient to answer here.");
    case Kind::InvalidAnswers:
        return ImportAnswersDialog::tr("The answers do not fit this clinic's questionnaire.");
    }
    return {};
}

} // namespace

ImportAnswersDialog::ImportAnswersDialog(const spinepath::scoring::ScreeningContent& content,
                                         spinepath::storage::AssessmentLifecycle& lifecycle, QWidget* parent)
    : QDialog(parent)
    , m_content(content)
    , m_lifecycle(lifecycle)
    , m_code(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("importAnswersDialog"));
    setWindowTitle(tr("Import answers from home"));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Scan the code on the patient's page, or type it and press Enter. "
                               "Or open a scan, a photo or an answers file."),
                            this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("importHint"));
    layout->addWidget(hint);

    m_code->setObjectName(QStringLiteral("importCodeField"));
    m_code->setAccessibleName(tr("Answer code"));
    m_code->setPlaceholderText(tr("Scan or type the code"));
    // A scanner types fast; nothing may be lost to autocompletion or a mask.
    m_code->setMaxLength(4096);
    hint->setBuddy(m_code);
    layout->addWidget(m_code);

    auto* row = new QHBoxLayout();
    auto* fileButton = new QPushButton(tr("Open a file…"), this);
    fileButton->setObjectName(QStringLiteral("importFileButton"));
    fileButton->setAccessibleName(tr("Open a file"));
    fileButton->setAutoDefault(false);
    row->addWidget(fileButton);
    row->addStretch(1);
    layout->addLayout(row);

    m_message->setObjectName(QStringLiteral("importMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("importButtons"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    layout->addWidget(buttons);

    connect(m_code, &QLineEdit::returnPressed, this, &ImportAnswersDialog::importCode);
    connect(fileButton, &QPushButton::clicked, this, &ImportAnswersDialog::importFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
    m_code->setFocus();
}

ImportAnswersDialog::~ImportAnswersDialog() = default;

void ImportAnswersDialog::setFileProviderForTesting(FileProvider provider)
{
    m_fileProvider = std::move(provider);
}

void ImportAnswersDialog::importCode()
{
    const QString text = m_code->text();
    if (text.trimmed().isEmpty())
        return;
    importWith([this, text] {
        return spinepath::handoff::readHandoffText(text.toStdString(), m_content.questionnaire());
    });
    // Ready for the next patient's page.
    m_code->clear();
    m_code->setFocus();
}

void ImportAnswersDialog::importFile()
{
    const QString path = m_fileProvider
                             ? m_fileProvider()
                             : QFileDialog::getOpenFileName(
                                   this, tr("Open answers from home"), QString(),
                                   tr("Scans, photos and answer files (*.png *.jpg *.jpeg *.pdf *.json "
                                      "*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    importWith([this, path] { return spinepath::handoff::readHandoffFile(path, m_content.questionnaire()); });
    m_code->setFocus();
}

template <typename Read> void ImportAnswersDialog::importWith(Read read)
{
    spinepath::storage::HomeImport import;
    try {
        import = spinepath::handoff::prepareImport(m_content, read());
    } catch (const spinepath::handoff::HandoffError& error) {
        showMessage(tr("Nothing was imported. %1\n(%2)")
                        .arg(reasonFor(error.kind()), QString::fromUtf8(error.what())),
                    "error");
        return;
    } catch (const std::exception& error) {
        showMessage(tr("Nothing was imported: %1").arg(QString::fromUtf8(error.what())), "error");
        return;
    }
    auto done = m_lifecycle.importFromHome(import);
    if (!done) {
        showMessage(
            tr("The answers could not be stored: %1").arg(QString::fromStdString(done.error().message)),
            "error");
        return;
    }
    const QString id = QString::fromStdString(done->id);
    if (done->duplicate)
        showMessage(tr("These answers were already imported. Nothing new was stored; they are in the list."),
                    "warning");
    else
        showMessage(tr("Imported. The answers from home are in today's queue."), "ok");
    emit imported(id, done->duplicate);
}

void ImportAnswersDialog::showMessage(const QString& message, const char* state)
{
    m_message->setText(message);
    m_message->setProperty("state", QString::fromLatin1(state));
    m_message->setAccessibleName(message);
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
}

} // namespace spinepath::ui
