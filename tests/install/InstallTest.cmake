# The installed SpinePath on its own: `cmake --install` into a temporary
# prefix, the prefix copied to another folder outside the build tree (so
# nothing may point back at the build or the sources), then the copied
# programs run: spinepath-cli check-content and spinepath --version, and the
# GUI up to the questionnaire. Checks the installed file list too.
#
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DAPP_ID=... -P InstallTest.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR SOURCE_DIR APP_ID)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "InstallTest.cmake needs -D${var}=...")
    endif()
endforeach()

function(fail)
    string(JOIN "" text ${ARGN})
    message(FATAL_ERROR "${text}")
endfunction()

# Outside the build folder: a program there counts as a build-tree run and
# may fall back to the sources (src/core/util/ExecutableLocation.h).
if(DEFINED ENV{TMPDIR} AND IS_DIRECTORY "$ENV{TMPDIR}")
    set(tmp_root "$ENV{TMPDIR}")
else()
    set(tmp_root /tmp)
endif()
string(RANDOM LENGTH 10 suffix)
set(work "${tmp_root}/spinepath-install-test-${suffix}")
set(staged "${work}/staged")
set(prefix "${work}/elsewhere/opt/spinepath")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}/elsewhere/opt" "${work}/home")

# Only what the installed programs see: no SPINEPATH_* variable, a home of their own.
set(clean_env ${CMAKE_COMMAND} -E env
    --unset=SPINEPATH_CONTENT --unset=SPINEPATH_DB --unset=SPINEPATH_PLUGIN_DIR
    --unset=SPINEPATH_STARTUP_PROBE --unset=SPINEPATH_INTERACTIVE_PROBE
    HOME=${work}/home XDG_DATA_HOME=${work}/home/data XDG_CONFIG_HOME=${work}/home/config
    XDG_CACHE_HOME=${work}/home/cache XDG_RUNTIME_DIR=${work}/home QT_QPA_PLATFORM=offscreen)

# run(<name> <expected exit code> command...): output in <name>_out.
macro(run name expected)
    execute_process(COMMAND ${clean_env} ${ARGN}
        RESULT_VARIABLE ${name}_rc OUTPUT_VARIABLE ${name}_out ERROR_VARIABLE ${name}_out
        TIMEOUT 20 WORKING_DIRECTORY "${work}")
    if(NOT "${${name}_rc}" STREQUAL "${expected}")
        fail("${name}: exit ${${name}_rc}, expected ${expected}\ncommand: ${ARGN}\n${${name}_out}")
    endif()
    message(STATUS "${name}: exit ${${name}_rc} as expected")
endmacro()

execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${staged}"
    RESULT_VARIABLE install_rc OUTPUT_VARIABLE install_out ERROR_VARIABLE install_out)
if(NOT install_rc EQUAL 0)
    fail("cmake --install failed (${install_rc}):\n${install_out}")
endif()
file(RENAME "${staged}" "${prefix}")

# The file list: every file below, and the content exactly as in content/.
set(expected_files
    bin/spinepath
    bin/spinepath-cli
    lib/spinepath/plugins/libspinepath_alertsound.so
    share/applications/${APP_ID}.desktop
    share/applications/${APP_ID}.Kiosk.desktop
    share/metainfo/${APP_ID}.metainfo.xml
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/man/man1/spinepath.1.gz
    share/man/man1/spinepath-cli.1.gz
    share/doc/spinepath/copyright
    share/doc/spinepath/changelog.gz
    share/doc/spinepath/kiosk-setup.md
    share/spinepath/kiosk/README
    share/spinepath/kiosk/spinepath-kiosk.service
    share/spinepath/kiosk/spinepath-kiosk.pam)
foreach(size 16 22 24 32 48 64 128 256 512)
    list(APPEND expected_files share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
file(GLOB_RECURSE content_files RELATIVE "${SOURCE_DIR}/content" "${SOURCE_DIR}/content/*")
foreach(file IN LISTS content_files)
    list(APPEND expected_files share/spinepath/content/${file})
endforeach()
file(GLOB_RECURSE installed_files RELATIVE "${prefix}" "${prefix}/*")
list(SORT expected_files)
list(SORT installed_files)
set(missing ${expected_files})
list(REMOVE_ITEM missing ${installed_files})
set(extra ${installed_files})
list(REMOVE_ITEM extra ${expected_files})
if(missing OR extra)
    list(JOIN missing "\n  " missing_text)
    list(JOIN extra "\n  " extra_text)
    fail("installed file list differs\nmissing:\n  ${missing_text}\nnot expected:\n  ${extra_text}")
endif()
list(LENGTH installed_files count)
message(STATUS "installed file list as expected (${count} files)")

foreach(icon 16x16 256x256)
    file(READ "${prefix}/share/icons/hicolor/${icon}/apps/${APP_ID}.png" png_head LIMIT 8 HEX)
    if(NOT png_head STREQUAL "89504e470d0a1a0a")
        fail("the ${icon} icon is not a PNG")
    endif()
endforeach()

run(cli_version 0 "${prefix}/bin/spinepath-cli" --version)
run(gui_version 0 "${prefix}/bin/spinepath" --version)
if(NOT gui_version_out MATCHES "^spinepath [0-9]")
    fail("spinepath --version printed: ${gui_version_out}")
endif()

# The installed content, found beside the program.
run(check_content 0 "${prefix}/bin/spinepath-cli" check-content)

# The GUI from the installed prefix, offscreen, up to the questionnaire's
# first page (the clinical content loaded from the installed copy).
run(gui_interactive 0 ${CMAKE_COMMAND} -E env SPINEPATH_INTERACTIVE_PROBE=1 "${prefix}/bin/spinepath")
if(NOT gui_interactive_out MATCHES "interactive-probe ")
    fail("the installed GUI did not reach the questionnaire:\n${gui_interactive_out}")
endif()

# Proof that the installed content is what is read, not the sources: break
# the installed copy and the installed program must see it.
set(questionnaire_dir "${prefix}/share/spinepath/content/questionnaire")
file(GLOB questionnaires "${questionnaire_dir}/*.json")
list(GET questionnaires 0 first_questionnaire)
file(WRITE "${first_questionnaire}" "{ this is not JSON")
run(check_broken 1 "${prefix}/bin/spinepath-cli" check-content)
if(NOT check_broken_out MATCHES "${prefix}")
    fail("check-content of the broken installed content does not name the installed folder:\n"
         "${check_broken_out}")
endif()
# Without its content, an installed program names the missing folder and
# does not fall back to the source tree.
file(REMOVE_RECURSE "${prefix}/share/spinepath/content")
execute_process(COMMAND ${clean_env} "${prefix}/bin/spinepath-cli" check-content
    RESULT_VARIABLE no_content_rc OUTPUT_VARIABLE no_content_out ERROR_VARIABLE no_content_out TIMEOUT 20)
if(no_content_rc EQUAL 0 OR NOT no_content_out MATCHES "share/spinepath/content"
   OR no_content_out MATCHES "${SOURCE_DIR}")
    fail("without installed content check-content gave exit ${no_content_rc}:\n${no_content_out}")
endif()
message(STATUS "without installed content: exit ${no_content_rc}, the missing folder named")

file(REMOVE_RECURSE "${work}")
