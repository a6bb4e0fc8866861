// The kiosk's on-screen keyboard, drawn inside SpinePath's own window by
// OnScreenKeyboard (a QQuickWidget at the bottom of the main window). Qt
// allows one InputPanel per program. It keeps the style's aspect ratio, so it
// is as wide as the window, but no wider than `maxWidth` (set from the window's
// height so that it never takes more than about two fifths of a short screen).
import QtQuick
import QtQuick.VirtualKeyboard

Rectangle {
    id: root
    property real maxWidth: width
    color: "#263238" // the default style's own background, either side of the panel
    implicitHeight: panel.height

    InputPanel {
        id: panel
        objectName: "inputPanel"
        width: Math.min(root.width, root.maxWidth)
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
    }
}
