// The one file dialog of the program (staff, and home mode's "Save as PDF"):
// what Qt's dialog remembers must not leave a patient's folder in a file
// other users can read.
#include "common/StaffFileChooser.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <sys/stat.h>

using namespace spinepath::ui;

class TestStaffFileChooser final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    [[nodiscard]] static mode_t modeOf(const QString& path)
    {
        struct stat info
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            return 0;
        return info.st_mode & 0777;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // QtProject.conf goes to the test's own folder, not the real one.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("config")));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("config")));
    }

    void theDialogForgetsWhereItSavedAndItsStateFileIsPrivate()
    {
        const mode_t previous = ::umask(022); // the usual umask: a new file would be 0644
        QDir().mkpath(m_home.filePath(QStringLiteral("Quentin-Zeblowski")));
        const QString chosen = m_home.filePath(QStringLiteral("Quentin-Zeblowski/patient-copy.pdf"));
        // Choose the file in the real dialog as staff would, then accept it.
        QTimer::singleShot(0, this, [chosen] {
            for (QWidget* window : QApplication::topLevelWidgets())
                if (auto* dialog = qobject_cast<QFileDialog*>(window); dialog && dialog->isVisible()) {
                    dialog->selectFile(chosen);
                    static_cast<QDialog*>(dialog)->accept(); // QFileDialog makes accept() protected
                }
        });
        const QString path = StaffFileChooser::saveFileName(nullptr, QStringLiteral("Save"),
                                                            QStringLiteral("patient-copy.pdf"),
                                                            QStringLiteral("PDF files (*.pdf)"));
        ::umask(previous);
        QCOMPARE(QFileInfo(path).absoluteFilePath(), QFileInfo(chosen).absoluteFilePath());

        const QString state = QSettings(QSettings::UserScope, QStringLiteral("QtProject")).fileName();
        QVERIFY2(QFile::exists(state), qPrintable(state));
        QCOMPARE(modeOf(state), mode_t(0600));
        QFile file(state);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(!text.contains("Zeblowski"), text.constData());
    }
};

QTEST_MAIN(TestStaffFileChooser)
#include "test_StaffFileChooser.moc"
