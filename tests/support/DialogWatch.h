#pragma once

// Records every file, print, print preview and page setup dialog the
// application makes while it lives, whoever makes it and however (a static
// QFileDialog::getSaveFileName, a QPrintDialog on the stack), and rejects it
// at once, so a modal one cannot block the test that must fail on it.

#include <QAbstractPrintDialog>
#include <QApplication>
#include <QFileDialog>
#include <QPageSetupDialog>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QSet>
#include <QStringList>
#include <QTimer>

class DialogWatch final : public QObject
{
public:
    DialogWatch() { QCoreApplication::instance()->installEventFilter(this); }
    ~DialogWatch() override { QCoreApplication::instance()->removeEventFilter(this); }
    Q_DISABLE_COPY_MOVE(DialogWatch)

    // "QFileDialog", "QPrintDialog" ... of each dialog seen, in order.
    [[nodiscard]] QStringList seen() const { return m_seen; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // Every event of every object passes here: the dialog's first event
        // (its polish, its creation as a window) is enough to catch it.
        if (!isFileOrPrintDialog(watched))
            return QObject::eventFilter(watched, event);
        if (!m_caught.contains(watched)) {
            m_caught.insert(watched);
            m_seen << QString::fromLatin1(watched->metaObject()->className());
            // A static QFileDialog::getSaveFileName makes its dialog at the
            // same address each time: forget it when it goes.
            connect(watched, &QObject::destroyed, this, [this, watched] { m_caught.remove(watched); });
            rejectSoon(watched);
        } else if (event->type() == QEvent::Show) {
            rejectSoon(watched);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void rejectSoon(QObject* watched)
    {
        QPointer<QDialog> dialog = static_cast<QDialog*>(watched);
        QTimer::singleShot(0, this, [dialog] {
            if (dialog)
                dialog->reject();
        });
    }

    static bool isFileOrPrintDialog(const QObject* object)
    {
        return qobject_cast<const QFileDialog*>(object) ||
               qobject_cast<const QAbstractPrintDialog*>(object) ||
               qobject_cast<const QPrintPreviewDialog*>(object) ||
               qobject_cast<const QPageSetupDialog*>(object);
    }

    QSet<const QObject*> m_caught;
    QStringList m_seen;
};
