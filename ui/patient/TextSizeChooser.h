#pragma once

#include "common/Appearance.h"

#include <QWidget>

class QButtonGroup;

namespace spinepath::ui {

// Three big "A" buttons, each larger than the last, at the top of the welcome
// page: a patient who cannot read small print finds the choice by its shape,
// not by reading a label. The buttons keep their own size whatever is chosen.
class TextSizeChooser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextSizeChooser)

public:
    explicit TextSizeChooser(QWidget* parent = nullptr);
    ~TextSizeChooser() override;

    // Back to normal text: the next patient at the kiosk starts there.
    void reset();

signals:
    void textSizeChosen(spinepath::ui::TextSize size);

protected:
    void changeEvent(QEvent* event) override;

private:
    void choose(TextSize size);
    void retranslate();

    QButtonGroup* m_buttons;
};

} // namespace spinepath::ui
