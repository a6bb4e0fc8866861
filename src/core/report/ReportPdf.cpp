#include "core/report/ReportPdf.h"

#include "core/report/PatientCopy.h"
#include "core/report/PhysicianSummary.h"
#include "core/report/ReportStrings.h"
#include "core/util/Version.h"

#include <QBuffer>
#include <QFileInfo>
#include <QMarginsF>
#include <QPageSize>
#include <QPdfWriter>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spinepath::report {

namespace {

std::string describe(const QString& path, const std::string& what)
{
    return "cannot write " + path.toStdString() + ": " + what;
}

// Closes and removes the temporary file unless it was renamed into place.
class TemporaryFile final
{
public:
    explicit TemporaryFile(std::string pattern)
        : m_path(std::move(pattern))
    {
        // mkstemp creates the file with mode 0600: private from the first byte.
        m_fd = ::mkstemp(m_path.data());
        m_created = m_fd >= 0;
    }
    Q_DISABLE_COPY_MOVE(TemporaryFile)
    ~TemporaryFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (m_created && !m_kept)
            ::unlink(m_path.c_str());
    }

    [[nodiscard]] int fd() const noexcept { return m_fd; }
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }
    // Closes the descriptor; false (errno set) if the data did not reach the disk.
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }
    void keep() noexcept { m_kept = true; }

private:
    std::string m_path;
    int m_fd = -1;
    bool m_created = false;
    bool m_kept = false;
};

void writePrivateFile(const QString& path, const QByteArray& bytes)
{
    const QFileInfo target(path);
    if (target.isDir())
        throw ReportError(describe(path, "it is a folder"));
    const QString folder = target.absolutePath();
    if (!QFileInfo(folder).isDir())
        throw ReportError(describe(path, "the folder " + folder.toStdString() + " does not exist"));

    // Written beside the target and renamed over it: a reader never sees half
    // a document, and a failure leaves an earlier file untouched.
    const QString pattern = folder + QStringLiteral("/.") + target.fileName() + QStringLiteral(".XXXXXX");
    TemporaryFile temporary(pattern.toStdString());
    if (temporary.fd() < 0)
        throw ReportError(describe(path, std::strerror(errno)));
    const char* data = bytes.constData();
    auto left = static_cast<std::size_t>(bytes.size());
    while (left > 0) {
        const ssize_t written = ::write(temporary.fd(), data, left);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            throw ReportError(describe(path, std::strerror(errno)));
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::fsync(temporary.fd()) != 0 || !temporary.close())
        throw ReportError(describe(path, std::strerror(errno)));
    if (::rename(temporary.path().c_str(), target.absoluteFilePath().toStdString().c_str()) != 0)
        throw ReportError(describe(path, std::strerror(errno)));
    temporary.keep();
}

} // namespace

QPageLayout reportPageLayout(Paper paper)
{
    // 14 mm all round: inside every office printer's unprintable edge, and
    // leaves room for a hole punch.
    return QPageLayout(QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4),
                       QPageLayout::Portrait, QMarginsF(14, 10, 14, 10), QPageLayout::Millimeter);
}

int render(DocumentKind kind, const ReportData& data, QPagedPaintDevice& device)
{
    return kind == DocumentKind::PhysicianSummary ? renderPhysicianSummary(data, device)
                                                  : renderPatientCopy(data, device);
}

PdfDocument pdf(DocumentKind kind, const ReportData& data, Paper paper)
{
    const ReportStrings strings = ReportStrings::current();
    PdfDocument document;
    QBuffer buffer(&document.bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageLayout(reportPageLayout(paper));
    // Metadata names the document, never the patient: file browsers and
    // search indexes show it.
    writer.setTitle(kind == DocumentKind::PhysicianSummary ? strings.physicianTitle : strings.patientTitle);
    writer.setCreator(QStringLiteral("SpinePath ") +
                      QString::fromUtf8(version().data(), static_cast<qsizetype>(version().size())));
    document.pages = render(kind, data, writer);
    return document;
}

int writePdf(DocumentKind kind, const ReportData& data, Paper paper, const QString& path)
{
    const PdfDocument document = pdf(kind, data, paper);
    writePrivateFile(path, document.bytes);
    return document.pages;
}

} // namespace spinepath::report
