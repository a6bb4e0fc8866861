# `make package` as CI checks it: CPack builds the .deb into a temporary
# folder, dpkg-deb unpacks it into a scratch root, and the file list and the
# control fields are checked. The installed programs themselves are run by
# InstallTest.cmake; this is about the package.
#   cmake -DBUILD_DIR=... -DAPP_ID=... -DVERSION=... -P PackageTest.cmake
cmake_minimum_required(VERSION 3.25)

find_program(DPKG_DEB dpkg-deb REQUIRED)
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps REQUIRED)

string(RANDOM LENGTH 10 suffix)
set(work "${BUILD_DIR}/package-test-${suffix}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")

# Uncompressed: the test needs the contents, not a small file.
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} --config "${BUILD_DIR}/CPackConfig.cmake" -G DEB -B "${work}"
            -D CPACK_DEBIAN_COMPRESSION_TYPE=none
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out WORKING_DIRECTORY "${work}")
file(GLOB debs "${work}/spinepath_${VERSION}_*.deb")
if(NOT rc EQUAL 0 OR NOT debs)
    message(FATAL_ERROR "cpack failed (${rc}):\n${out}")
endif()
list(GET debs 0 deb)

execute_process(COMMAND ${DPKG_DEB} -x "${deb}" "${work}/root" RESULT_VARIABLE rc ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -x failed:\n${out}")
endif()
foreach(file
        usr/bin/spinepath
        usr/bin/spinepath-cli
        usr/lib/spinepath/plugins/libspinepath_alertsound.so
        usr/share/spinepath/content/clinic.json
        usr/share/spinepath/kiosk/spinepath-kiosk.service
        usr/share/applications/${APP_ID}.desktop
        usr/share/applications/${APP_ID}.Kiosk.desktop
        usr/share/metainfo/${APP_ID}.metainfo.xml
        usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
        usr/share/icons/hicolor/48x48/apps/${APP_ID}.png
        usr/share/man/man1/spinepath.1.gz
        usr/share/man/man1/spinepath-cli.1.gz
        usr/share/doc/spinepath/copyright
        usr/share/doc/spinepath/changelog.gz)
    if(NOT EXISTS "${work}/root/${file}")
        message(FATAL_ERROR "the package lacks /${file}")
    endif()
endforeach()

# Every path in the package is owned by root and nothing is group- or world-writable.
execute_process(COMMAND ${DPKG_DEB} -c "${deb}" OUTPUT_VARIABLE listing)
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
    if(line AND NOT line MATCHES "^[-dl]r[-w][-xs]r-[-xs]r-[-xt] root/root ")
        message(FATAL_ERROR "bad owner or mode in the package: ${line}")
    endif()
endforeach()

# Depends: the libraries found by dpkg-shlibdeps, and what is loaded at run time.
execute_process(COMMAND ${DPKG_DEB} -f "${deb}" Depends OUTPUT_VARIABLE depends)
foreach(package libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6svg6 libqt6printsupport6
        libqt6multimedia6 libsodium23 libspdlog1.10-fmt9 libfmt9 libqt6sql6-sqlite libqt6sql6-psql qt6-wayland
        qt6-virtualkeyboard-plugin qml6-module-qtquick fonts-dejavu-core
        libqt6quickwidgets6 qml6-module-qtquick-virtualkeyboard libqt6pdf6 libzxing2 qt6-translations-l10n)
    if(NOT depends MATCHES "(^|, )${package}( |,|$)")
        message(FATAL_ERROR "Depends lacks ${package}: ${depends}")
    endif()
endforeach()
message(STATUS "${deb}\nDepends: ${depends}")
file(REMOVE_RECURSE "${work}")
