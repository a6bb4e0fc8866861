# The desktop entries and the AppStream metadata as the validators see them:
# desktop-file-validate (desktop-file-utils) and appstreamcli (appstream)
# must report no error. --no-net: the screenshot URLs are not fetched.
#   cmake -DDIST_DIR=resources/dist/unix -DAPP_ID=... -P DistFilesTest.cmake
cmake_minimum_required(VERSION 3.25)

find_program(DESKTOP_FILE_VALIDATE desktop-file-validate REQUIRED)
find_program(APPSTREAMCLI appstreamcli REQUIRED)

foreach(desktop ${APP_ID}.desktop ${APP_ID}.Kiosk.desktop)
    execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} ${DIST_DIR}/${desktop}
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    # Hints are advice, not problems; anything else fails.
    string(REGEX REPLACE "[^\n]*: hint: [^\n]*\n?" "" problems "${out}")
    if(NOT rc EQUAL 0 OR NOT problems STREQUAL "")
        message(FATAL_ERROR "desktop-file-validate ${desktop}: exit ${rc}\n${out}")
    endif()
    message(STATUS "desktop-file-validate ${desktop}: no problems")
endforeach()

execute_process(COMMAND ${APPSTREAMCLI} validate --no-net --pedantic ${DIST_DIR}/${APP_ID}.metainfo.xml
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0 OR out MATCHES "(^|\n)[EW]: ")
    message(FATAL_ERROR "appstreamcli validate: exit ${rc}\n${out}")
endif()
message(STATUS "appstreamcli validate: ${out}")

# The metainfo's newest release is this version, so the release notes are
# not forgotten when the version changes.
file(READ ${DIST_DIR}/${APP_ID}.metainfo.xml metainfo)
if(NOT metainfo MATCHES "<release version=\"${VERSION}\"")
    message(FATAL_ERROR "${APP_ID}.metainfo.xml has no <release version=\"${VERSION}\">: "
                        "add the release notes of ${VERSION}")
endif()
