#pragma once

#include "core/storage/Database.h"

#include <QFrame>

#include <vector>

class QLabel;

namespace spinepath::ui {

// What opening the database did that staff must know about: a damaged file
// set aside (the queue is then empty for a reason), a backup made, the
// schema migrated. Shown at the top of the console until someone marks it
// as noted; hidden when there is nothing to say.
class DatabaseNoticeBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseNoticeBanner)

public:
    explicit DatabaseNoticeBanner(QWidget* parent = nullptr);
    ~DatabaseNoticeBanner() override;

    void showNotices(const std::vector<spinepath::storage::Notice>& notices);

private:
    QLabel* m_text;
};

} // namespace spinepath::ui
