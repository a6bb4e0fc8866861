# `cmake --install`: the layout an installed SpinePath finds itself in.
#   bin/spinepath, bin/spinepath-cli
#   lib/spinepath/plugins/     the emergency chime plugin (AlertSoundLoader.h)
#   share/spinepath/content/   the clinical content (ContentPaths.h)
#   share/spinepath/kiosk/     the OS-level kiosk session (docs/kiosk-setup.md)
#   share/applications, share/metainfo, share/icons/hicolor, share/man/man1
# The programs find content and plugin relative to their own folder
# (bin/../share/spinepath, bin/../lib/spinepath), so any prefix works.
# The files for the desktop live in resources/dist/unix.

set(SPINEPATH_APP_ID org.spinepath.SpinePath)
set(spinepath_dist ${PROJECT_SOURCE_DIR}/resources/dist/unix)

install(TARGETS spinepath spinepath-cli RUNTIME DESTINATION bin COMPONENT spinepath)
# Fixed, not CMAKE_INSTALL_LIBDIR: the loader looks in bin/../lib/spinepath/plugins.
install(TARGETS spinepath_alertsound LIBRARY DESTINATION lib/spinepath/plugins COMPONENT spinepath)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION share/spinepath/content COMPONENT spinepath)
install(DIRECTORY ${spinepath_dist}/kiosk/ DESTINATION share/spinepath/kiosk COMPONENT spinepath
    PATTERN "*.sh" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                               WORLD_READ WORLD_EXECUTE)

install(FILES ${spinepath_dist}/${SPINEPATH_APP_ID}.desktop ${spinepath_dist}/${SPINEPATH_APP_ID}.Kiosk.desktop
    DESTINATION share/applications COMPONENT spinepath)
install(FILES ${spinepath_dist}/${SPINEPATH_APP_ID}.metainfo.xml DESTINATION share/metainfo COMPONENT spinepath)

# Icons: the SVG as is, and PNGs rendered from it at build time by a small Qt
# program (Qt Svg is already needed), so no PNG can drift from the SVG.
add_executable(spinepath-render-icon ${PROJECT_SOURCE_DIR}/src/tools/RenderIcon.cpp)
target_link_libraries(spinepath-render-icon PRIVATE spinepath_options Qt6::Gui Qt6::Svg)
set(spinepath_icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/spinepath.svg)
set(spinepath_icon_pngs)
foreach(size 16 22 24 32 48 64 128 256 512)
    set(png ${CMAKE_BINARY_DIR}/icons/${size}x${size}/${SPINEPATH_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/${size}x${size}
        # detect_leaks=0: in `make asan` a leak report from Qt's exit must not fail the build.
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0
                $<TARGET_FILE:spinepath-render-icon> ${spinepath_icon_svg} ${size} ${png}
        DEPENDS spinepath-render-icon ${spinepath_icon_svg}
        COMMENT "Rendering the ${size}x${size} application icon" VERBATIM)
    list(APPEND spinepath_icon_pngs ${png})
    install(FILES ${png} DESTINATION share/icons/hicolor/${size}x${size}/apps COMPONENT spinepath)
endforeach()
install(FILES ${spinepath_icon_svg} DESTINATION share/icons/hicolor/scalable/apps
    RENAME ${SPINEPATH_APP_ID}.svg COMPONENT spinepath)

# Man pages, written by hand in troff; installed compressed, as Debian wants.
find_program(SPINEPATH_GZIP gzip REQUIRED)
set(spinepath_man_pages)
foreach(page spinepath.1 spinepath-cli.1)
    set(gz ${CMAKE_BINARY_DIR}/man/${page}.gz)
    add_custom_command(OUTPUT ${gz}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
        COMMAND sh -c "${SPINEPATH_GZIP} -9 -n -c '${spinepath_dist}/man/${page}' > '${gz}'"
        DEPENDS ${spinepath_dist}/man/${page}
        COMMENT "Compressing the man page ${page}" VERBATIM)
    list(APPEND spinepath_man_pages ${gz})
endforeach()
install(FILES ${spinepath_man_pages} DESTINATION share/man/man1 COMPONENT spinepath)

# Debian's copyright and changelog, for the package (lintian wants both).
install(FILES ${spinepath_dist}/debian/copyright DESTINATION share/doc/spinepath COMPONENT spinepath)
# The kiosk's set-up guide, beside the files it explains (share/spinepath/kiosk).
install(FILES ${PROJECT_SOURCE_DIR}/docs/kiosk-setup.md DESTINATION share/doc/spinepath COMPONENT spinepath)
set(spinepath_changelog ${CMAKE_BINARY_DIR}/debian/changelog.gz)
add_custom_command(OUTPUT ${spinepath_changelog}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/debian
    COMMAND sh -c "${SPINEPATH_GZIP} -9 -n -c '${spinepath_dist}/debian/changelog' > '${spinepath_changelog}'"
    DEPENDS ${spinepath_dist}/debian/changelog
    COMMENT "Compressing the Debian changelog" VERBATIM)
install(FILES ${spinepath_changelog} DESTINATION share/doc/spinepath COMPONENT spinepath)

# Part of `all`, so `cmake --install` after a plain build has every file.
add_custom_target(spinepath_dist_files ALL DEPENDS ${spinepath_icon_pngs} ${spinepath_man_pages} ${spinepath_changelog})
