#include "staff/SelectionKeeper.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

#include <algorithm>

namespace spinepath::ui {

SelectionKeeper::SelectionKeeper(QAbstractItemView& view, int idRole)
    : QObject(&view)
    , m_view(view)
    , m_idRole(idRole)
{
    QAbstractItemModel* model = view.model();
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &SelectionKeeper::save);
    connect(model, &QAbstractItemModel::modelReset, this, &SelectionKeeper::restore);
}

SelectionKeeper::~SelectionKeeper() = default;

void SelectionKeeper::save()
{
    QItemSelectionModel* selection = m_view.selectionModel();
    m_selected.clear();
    for (const QModelIndex& index : selection->selectedRows())
        m_selected.push_back(index.data(m_idRole).toString());
    m_current = selection->currentIndex().data(m_idRole).toString();
    m_wasBlocked = selection->blockSignals(true);
}

void SelectionKeeper::restore()
{
    QItemSelectionModel* selection = m_view.selectionModel();
    const QAbstractItemModel* model = m_view.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const QString id = index.data(m_idRole).toString();
        if (std::find(m_selected.begin(), m_selected.end(), id) != m_selected.end())
            selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        if (!m_current.isEmpty() && id == m_current)
            selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
    selection->blockSignals(m_wasBlocked);
    m_selected.clear();
    m_current.clear();
}

} // namespace spinepath::ui
