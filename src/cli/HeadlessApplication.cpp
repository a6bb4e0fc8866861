#include "HeadlessApplication.h"

#include "core/util/Translator.h"

#include <QLocale>

namespace spinepath::cli {

HeadlessApplication::OffscreenUnlessChosen::OffscreenUnlessChosen()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

HeadlessApplication::HeadlessApplication()
    : m_application(m_argc, m_argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("SpinePath"));
    QCoreApplication::setApplicationName(QStringLiteral("SpinePath"));
    spinepath::Translator::install(m_application);
}

void HeadlessApplication::useLanguage(const std::string& language)
{
    spinepath::Translator::install(m_application, QLocale(QString::fromStdString(language)));
}

} // namespace spinepath::cli
