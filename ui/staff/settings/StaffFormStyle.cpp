#include "staff/settings/StaffFormStyle.h"

namespace spinepath::ui {

// The arrows are in resources/resources.qrc, which applyAppearance() loads.
QString staffFormStyleSheet()
{
    return QStringLiteral(R"(
QSpinBox, QComboBox, QDateEdit {
    background-color: #ffffff;
    border: 1px solid #7f99a8;
    border-radius: 6px;
    padding: 5px 34px 5px 8px;
    min-height: 24px;
}
QSpinBox:focus, QComboBox:focus, QDateEdit:focus { border: 2px solid #0b2a45; }
QSpinBox:disabled, QComboBox:disabled, QDateEdit:disabled { color: #6b7f8a; background-color: #f1f4f6; }
QSpinBox[invalid="true"] { border: 2px solid #a3261b; }
QSpinBox::up-button, QSpinBox::down-button {
    subcontrol-origin: border;
    width: 26px;
    background-color: #eef4f8;
    border-left: 1px solid #c7d6de;
}
QSpinBox::up-button { subcontrol-position: top right; border-top-right-radius: 5px; }
QSpinBox::down-button { subcontrol-position: bottom right; border-bottom-right-radius: 5px; }
QSpinBox::up-button:hover, QSpinBox::down-button:hover { background-color: #dcebf5; }
QSpinBox::up-arrow { image: url(:/icons/chevron-up.svg); width: 12px; height: 12px; }
QSpinBox::down-arrow, QComboBox::down-arrow, QDateEdit::down-arrow {
    image: url(:/icons/chevron-down.svg);
    width: 12px;
    height: 12px;
}
QComboBox::drop-down, QDateEdit::drop-down {
    subcontrol-origin: padding;
    subcontrol-position: center right;
    width: 30px;
    border: none;
}
QComboBox QAbstractItemView {
    background-color: #ffffff;
    selection-background-color: #dcebf5;
    selection-color: #1b2b34;
}
)");
}

} // namespace spinepath::ui
