#pragma once

#include <QObject>
#include <QString>

#include <vector>

class QAbstractItemView;

namespace spinepath::ui {

// Keeps a view's selected and current rows, found by an id in `idRole`,
// across its model's resets: the staff lists are re-read whenever the
// database changes, and staff must not lose the row they were working on.
// The selection model stays quiet meanwhile, so nothing opens anew.
class SelectionKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionKeeper)

public:
    // Set the view's model first: the view's selection model must hear of
    // a reset before the keeper restores what it saved.
    SelectionKeeper(QAbstractItemView& view, int idRole);
    ~SelectionKeeper() override;

private:
    void save();
    void restore();

    QAbstractItemView& m_view;
    int m_idRole;
    std::vector<QString> m_selected;
    QString m_current;
    bool m_wasBlocked = false;
};

} // namespace spinepath::ui
