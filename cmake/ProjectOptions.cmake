# One INTERFACE target carries the language level, the warnings and the strict
# Qt defines, so every target of ours is built the same way by linking it.
add_library(spinepath_options INTERFACE)
add_library(SpinePath::options ALIAS spinepath_options)

target_compile_features(spinepath_options INTERFACE cxx_std_20)
target_compile_options(spinepath_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
target_compile_definitions(spinepath_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SPINEPATH_VERSION="${PROJECT_VERSION}")

# Only our own targets link spinepath_options, and Qt and the other packages
# come in as system headers, so -Werror stops on warnings in our code only.
if(SPINEPATH_WERROR)
    target_compile_options(spinepath_options INTERFACE -Werror)
endif()

if(SPINEPATH_ASAN)
    target_compile_options(spinepath_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(spinepath_options INTERFACE -fsanitize=address,undefined)
endif()
