# Build speed (docs/performance.md, "CI time"): a faster linker, precompiled Qt headers and ccache
# for developers' rebuilds. Nothing here changes what is built, with which warnings or sanitizers,
# or how the code behaves.

# --- Linker -----------------------------------------------------------------------------------
# mold (Debian package mold) links a test executable in a fraction of GNU ld's time; lld is the
# fallback. `default` keeps the compiler's own choice.
set(FEEDWATCH_LINKER "auto" CACHE STRING "Linker: auto (mold, then lld, then default), mold, lld, default")
set_property(CACHE FEEDWATCH_LINKER PROPERTY STRINGS auto mold lld default)
include(CheckCXXSourceCompiles)
function(_feedwatch_linker_works linker result)
    set(CMAKE_REQUIRED_LINK_OPTIONS -fuse-ld=${linker})
    set(CMAKE_REQUIRED_QUIET ON)
    check_cxx_source_compiles("int main() { return 0; }" ${result})
endfunction()
set(_fw_linker "")
if(FEEDWATCH_LINKER STREQUAL "auto")
    foreach(_fw_candidate mold lld)
        _feedwatch_linker_works(${_fw_candidate} FEEDWATCH_HAVE_LD_${_fw_candidate})
        if(FEEDWATCH_HAVE_LD_${_fw_candidate})
            set(_fw_linker ${_fw_candidate})
            break()
        endif()
    endforeach()
elseif(NOT FEEDWATCH_LINKER STREQUAL "default")
    _feedwatch_linker_works(${FEEDWATCH_LINKER} FEEDWATCH_HAVE_LD_${FEEDWATCH_LINKER})
    if(NOT FEEDWATCH_HAVE_LD_${FEEDWATCH_LINKER})
        message(FATAL_ERROR "FEEDWATCH_LINKER=${FEEDWATCH_LINKER}: the compiler cannot link with it")
    endif()
    set(_fw_linker ${FEEDWATCH_LINKER})
endif()
if(_fw_linker)
    add_link_options(-fuse-ld=${_fw_linker})
    message(STATUS "Linker: ${_fw_linker}")
else()
    message(STATUS "Linker: the compiler's default")
endif()

# --- ccache -----------------------------------------------------------------------------------
# For a developer's rebuilds (another branch, a clean tree): the cache lives in the build tree
# (<build>/ccache) unless CCACHE_DIR says otherwise. A fresh clone's cache is empty, so CI gains
# nothing from it and pays its misses: scripts/build.sh turns it off when CI=true.
option(FEEDWATCH_CCACHE "Compile through ccache when it is installed" ON)
find_program(FEEDWATCH_CCACHE_PROGRAM ccache)
if(FEEDWATCH_CCACHE AND FEEDWATCH_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(_fw_launcher ${PROJECT_BINARY_DIR}/ccache-launcher.sh)
    # sloppiness: the precompiled header's macros and mtimes (ccache's manual, "Precompiled headers").
    file(CONFIGURE OUTPUT ${_fw_launcher} CONTENT [[#!/bin/sh
: "${CCACHE_DIR:=@PROJECT_BINARY_DIR@/ccache}"
: "${CCACHE_SLOPPINESS:=pch_defines,time_macros,include_file_mtime,include_file_ctime}"
export CCACHE_DIR CCACHE_SLOPPINESS
exec "@FEEDWATCH_CCACHE_PROGRAM@" "$@"
]] @ONLY)
    file(CHMOD ${_fw_launcher} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
         GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${_fw_launcher})
    message(STATUS "ccache: on (cache: \$CCACHE_DIR, else ${PROJECT_BINARY_DIR}/ccache)")
endif()

# --- Precompiled headers ----------------------------------------------------------------------
# Half of a source's compile time is parsing Qt's headers. Each group below precompiles the Qt
# headers its sources include most, once per build tree, and every target of the group reuses
# that one header (REUSE_FROM). GCC only takes a precompiled header made with the same macros
# (every macro defined when it was made must be defined alike; QTest's headers also look at
# QT_GUI_LIB/QT_WIDGETS_LIB/QT_TESTCASE_BUILDDIR), so the groups follow the Qt modules a target
# links and, for tests, their directory. A mismatch is a -Winvalid-pch warning (an error with
# FEEDWATCH_WERROR), never a silent slow build.
# A precompiled header hides a missing #include: configure with -DFEEDWATCH_PCH=OFF to see them.
option(FEEDWATCH_PCH "Precompile the Qt headers most sources include" ON)
set(FEEDWATCH_TEST_CXX_FLAGS "" CACHE STRING "Extra compile flags for the tests' own sources")
set(_fw_pch_core
    <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QElapsedTimer> <QFile> <QFileInfo>
    <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue> <QList> <QLoggingCategory>
    <QMetaType> <QObject> <QPointer> <QRegularExpression> <QSet> <QString> <QStringList>
    <QTimer> <QUrl> <QTcpSocket> <QWebSocket>
    <algorithm> <functional> <memory> <optional>)
set(_fw_pch_widgets ${_fw_pch_core}
    <QApplication> <QCheckBox> <QComboBox> <QDialog> <QDialogButtonBox> <QHBoxLayout>
    <QHeaderView> <QLabel> <QLineEdit> <QMenu> <QPainter> <QPushButton> <QStyledItemDelegate>
    <QTableView> <QVBoxLayout> <QWidget>)
set(_fw_pch_test_extra <QTest> <QSignalSpy> <QTemporaryDir>)
set(_fw_pch_test ${_fw_pch_core} ${_fw_pch_test_extra})
set(_fw_pch_test_widgets ${_fw_pch_widgets} ${_fw_pch_test_extra})
# The Qt modules of each group's header: the fewest any of its targets links (a target may define
# more Qt macros than the header was made with, never fewer).
set(_fw_pch_core_libs Qt::Core Qt::Network Qt::WebSockets)
set(_fw_pch_widgets_libs ${_fw_pch_core_libs} Qt::Widgets)
set(_fw_pch_test_libs ${_fw_pch_core_libs} Qt::Test)
set(_fw_pch_test_widgets_libs ${_fw_pch_widgets_libs} Qt::Test)

# feedwatch_pch(<target> core|widgets|test|test_widgets): <target>'s sources use the group's
# precompiled header. The first call of a group (per directory for the test groups, whose macros
# name the directory) adds the target that builds it, feedwatch_pch_<group>.
function(feedwatch_pch target group)
    if(NOT FEEDWATCH_PCH)
        return()
    endif()
    if(NOT DEFINED _fw_pch_${group})
        message(FATAL_ERROR "feedwatch_pch(${target} ${group}): unknown group")
    endif()
    set(donor feedwatch_pch_${group})
    if(NOT TARGET ${donor})
        set(empty ${PROJECT_BINARY_DIR}/generated/pch_empty.cpp)
        file(CONFIGURE OUTPUT ${empty} CONTENT "// The precompiled header's own translation unit.\n")
        add_library(${donor} OBJECT ${empty})
        set_target_properties(${donor} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        target_link_libraries(${donor} PRIVATE ${_fw_pch_${group}_libs})
        target_precompile_headers(${donor} PRIVATE ${_fw_pch_${group}})
        if(group MATCHES "^test" AND FEEDWATCH_TEST_CXX_FLAGS)
            # Made with the flags of the tests that take it (feedwatch_test_target_speed).
            separate_arguments(test_flags UNIX_COMMAND "${FEEDWATCH_TEST_CXX_FLAGS}")
            target_compile_options(${donor} PRIVATE ${test_flags})
        endif()
    else()
        get_target_property(donor_dir ${donor} BINARY_DIR)
        if(group MATCHES "^test" AND NOT donor_dir STREQUAL CMAKE_CURRENT_BINARY_DIR)
            message(FATAL_ERROR "feedwatch_pch(${target} ${group}): the test groups' header "
                                "belongs to ${donor_dir}")
        endif()
    endif()
    target_precompile_headers(${target} REUSE_FROM ${donor})
endfunction()

# feedwatch_test_target_speed(<target>): for a test executable's own sources.
# - Its mocs_compilation.cpp is empty (every test includes its own "tst_x.moc"), yet with the
#   precompiled header it cost 1.1-1.2 s of CPU to compile (loading the 170 MB header), a test
#   target at a time: ~110 s per tree. Without the header it is nothing; should a test ever list
#   a Q_OBJECT header, that file just parses the Qt headers it includes.
# - FEEDWATCH_TEST_CXX_FLAGS (e.g. -O0, what scripts/test.sh uses for the plain and ASan trees):
#   extra flags for the test's own code and its group's precompiled header, never for the
#   code under test (feedwatch_core, _ui, _sim stay at the build type's flags) nor for the
#   test helpers (servers, proxies). -O0 halved a large test source (6.7 -> 3.1 s).
function(feedwatch_test_target_speed target)
    set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/${target}_autogen/mocs_compilation.cpp
        TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    if(FEEDWATCH_TEST_CXX_FLAGS)
        separate_arguments(flags UNIX_COMMAND "${FEEDWATCH_TEST_CXX_FLAGS}")
        target_compile_options(${target} PRIVATE ${flags})
    endif()
endfunction()

# --- Unity builds -------------------------------------------------------------------------------
# A library's sources compiled sixteen to a translation unit. With the precompiled header every
# source still paid ~1.1 s of CPU to load it (mostly system time: 170 MB mapped per compile),
# and inline Qt code was compiled once per source. feedwatch_core + _ui + _sim, -O2 -g1, fresh:
# 374 s of CPU one source at a time, 139 s in batches of 16. The cost: names at file scope
# (anonymous namespaces included) must be unique across a library, and touching one source
# recompiles its batch; configure with -DFEEDWATCH_UNITY=OFF for a long editing session (and to
# see that every source still compiles alone). Test executables have one source each: no gain.
option(FEEDWATCH_UNITY "Compile the libraries' sources in batches (CMake unity builds)" ON)
function(feedwatch_unity target)
    if(FEEDWATCH_UNITY)
        set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 16)
    endif()
endfunction()
