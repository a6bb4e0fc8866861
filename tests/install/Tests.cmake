# The installed program, away from the build and source trees (issue 23):
# cmake --install into a temporary prefix, moved elsewhere, then run.
add_test(NAME test_Install
    COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
            -DAPP_ID=${SPINEPATH_APP_ID} -P ${CMAKE_CURRENT_SOURCE_DIR}/install/InstallTest.cmake)
set_tests_properties(test_Install PROPERTIES TIMEOUT 60)

# The desktop entries and AppStream metadata pass their validators.
add_test(NAME test_DistFiles
    COMMAND ${CMAKE_COMMAND} -DDIST_DIR=${PROJECT_SOURCE_DIR}/resources/dist/unix -DAPP_ID=${SPINEPATH_APP_ID}
            -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_SOURCE_DIR}/install/DistFilesTest.cmake)

# make package as CI checks it: the .deb built by CPack, unpacked into a
# scratch root, its file list, owners, modes and Depends.
add_test(NAME test_Package
    COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DAPP_ID=${SPINEPATH_APP_ID}
            -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_SOURCE_DIR}/install/PackageTest.cmake)
set_tests_properties(test_Package PROPERTIES TIMEOUT 300)

# The kiosk under cage, the packaged kiosk session's compositor, on its
# headless back end: full screen at the output's size, no title bar.
add_test(NAME test_Cage
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/install/CageTest.sh ${CMAKE_BINARY_DIR} ${SPINEPATH_APP_ID})
set_tests_properties(test_Cage PROPERTIES TIMEOUT 120)
