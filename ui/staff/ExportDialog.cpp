#include "staff/ExportDialog.h"
#include "ui_ExportDialog.h"

#include "common/LabelledControls.h"

#include <QPushButton>

namespace spinepath::ui {

using spinepath::storage::ExportFormat;

ExportDialog::ExportDialog(int selected, QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::ExportDialog)
{
    m_ui->setupUi(this);
    nameControlsByTheirLabels(*this);
    m_ui->exportIntro->setText(
        tr("Export %n selected assessment(s). The file holds health information: keep it "
           "on a protected drive, and delete it when it is no longer needed.",
           nullptr, selected));
    m_ui->exportFormat->addItem(tr("FHIR Bundle of QuestionnaireResponses (.json)"),
                                static_cast<int>(ExportFormat::Fhir));
    m_ui->exportFormat->addItem(tr("CSV: one row per assessment, results only (.csv)"),
                                static_cast<int>(ExportFormat::Csv));
    m_ui->exportFormat->addItem(tr("JSON Lines: answers and results (.jsonl)"),
                                static_cast<int>(ExportFormat::Jsonl));
    QPushButton* accept = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    accept->setText(tr("Choose file…"));
    accept->setObjectName(QStringLiteral("exportAccept"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("exportCancel"));
    resize(640, sizeHint().height());
}

ExportDialog::~ExportDialog() = default;

ExportFormat ExportDialog::format() const
{
    return static_cast<ExportFormat>(m_ui->exportFormat->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_ui->exportFormat->setCurrentIndex(m_ui->exportFormat->findData(static_cast<int>(format)));
}

QString ExportDialog::suffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Jsonl:
        return QStringLiteral("jsonl");
    case ExportFormat::Fhir:
        break;
    }
    return QStringLiteral("json");
}

QString ExportDialog::fileFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return tr("CSV files (*.csv)");
    case ExportFormat::Jsonl:
        return tr("JSON Lines files (*.jsonl)");
    case ExportFormat::Fhir:
        break;
    }
    return tr("FHIR JSON files (*.json)");
}

} // namespace spinepath::ui
