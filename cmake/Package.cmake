# `make package` (or `cpack` in the build folder): a Debian package of what
# cmake/Install.cmake installs, for Debian 12, installed under /usr.
#
# Depends: the shared libraries the programs and the plugin link are found by
# dpkg-shlibdeps (exact package names and versions); the rest below are
# loaded at run time, so no linker sees them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME spinepath)
set(CPACK_PACKAGE_VENDOR "The SpinePath developers")
set(CPACK_PACKAGE_CONTACT "SpinePath developers <spinepath@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "spine care questionnaire and patient education for clinics")
set(CPACK_PACKAGE_INSTALL_DIRECTORY spinepath)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_PACKAGE_NAME spinepath)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # spinepath_VERSION_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://spinepath.example.org/")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines
# and turns the empty one into " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Patients with chronic back pain answer a plain-language questionnaire, on a
kiosk in the waiting room or at home, and read short articles about their
options. A rules engine, whose rules are data rather than code, sorts each
set of answers into one of five paths for the clinician, with the reasons.

The package holds the desktop program (spinepath), the command-line tool
(spinepath-cli), the clinical content, and a locked-down kiosk session
that runs SpinePath alone under the cage compositor.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded by name at run time:
#   libqt6sql6-sqlite            the QSQLITE driver (the database)
#   libqt6sql6-psql              the QPSQL driver (a clinic network's PostgreSQL server)
#   qt6-wayland                  the Wayland platform (the kiosk under cage)
#   qt6-virtualkeyboard-plugin   the kiosk's on-screen keyboard, and the QML
#   qml6-module-*                modules it loads (as in the Makefile's RUN_PACKAGES):
#                                QtQuick.VirtualKeyboard is the InputPanel that
#                                OnScreenKeyboard draws in the kiosk's window
#   fonts-dejavu-core            a font, so text is drawn on a bare system
#   qt6-translations-l10n        Qt's own texts (standard buttons) in the patient's language
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, qt6-wayland, qt6-virtualkeyboard-plugin, qml6-module-qtquick-virtualkeyboard, qml6-module-qtquick, qml6-module-qtquick-window, qml6-module-qtquick-layouts, qml6-module-qtqml-workerscript, qml6-module-qt-labs-folderlistmodel, fonts-dejavu-core, qt6-translations-l10n")
# The OS-level kiosk (share/spinepath/kiosk) runs under cage.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage")

include(CPack)
