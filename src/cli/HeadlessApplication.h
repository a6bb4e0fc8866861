#pragma once

#include <QGuiApplication>

#include <string>

namespace spinepath::cli {

// The application object of a command that needs fonts, images, QPdfWriter,
// QtPdf or the database: a command line has no screen, so Qt's offscreen
// platform unless the caller chose one. It carries the GUI's names, so the
// default database is the same file, and the program's translations.
class HeadlessApplication final
{
public:
    HeadlessApplication();
    Q_DISABLE_COPY_MOVE(HeadlessApplication)

    // The program's own texts (of a patient copy, say) in `language`.
    void useLanguage(const std::string& language);

private:
    // Set before QGuiApplication exists, which reads it in its constructor.
    struct OffscreenUnlessChosen
    {
        OffscreenUnlessChosen();
    };

    OffscreenUnlessChosen m_platform;
    char m_name[14] = "spinepath-cli";
    char* m_argv[2] = {m_name, nullptr};
    int m_argc = 1;
    QGuiApplication m_application;
};

} // namespace spinepath::cli
