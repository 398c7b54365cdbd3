# Third-party code, all from Debian: header-only libraries from installed packages, and sources that
# scripts/setup unpacked with `apt-get source` into third_party/src (utf8proc, libmd's SHA-2,
# Catch2's single header, SQLite's amalgamation, Dear ImGui). Built the same way for native and wasm
# so that both give the same answers.
set(HEMIS_THIRD_PARTY ${CMAKE_SOURCE_DIR}/third_party/src)
if(NOT EXISTS ${HEMIS_THIRD_PARTY}/utf8proc/utf8proc.c)
  message(FATAL_ERROR "third-party sources missing: run scripts/setup first")
endif()

# Header-only libraries from /usr/include. The wasm build must not see /usr/include itself (glibc
# headers break it), so it gets a folder holding links to just these libraries.
set(HEMIS_SYS_HEADERS ${CMAKE_BINARY_DIR}/system-headers)
foreach(lib nlohmann CLI)
  if(EXISTS /usr/include/${lib} AND NOT EXISTS ${HEMIS_SYS_HEADERS}/${lib})
    file(MAKE_DIRECTORY ${HEMIS_SYS_HEADERS})
    file(CREATE_LINK /usr/include/${lib} ${HEMIS_SYS_HEADERS}/${lib} SYMBOLIC)
  endif()
endforeach()
add_library(hemis_sys_headers INTERFACE)
target_include_directories(hemis_sys_headers SYSTEM INTERFACE ${HEMIS_SYS_HEADERS})

# utf8proc: NFC normalisation.
add_library(utf8proc STATIC ${HEMIS_THIRD_PARTY}/utf8proc/utf8proc.c)
target_compile_definitions(utf8proc PUBLIC UTF8PROC_STATIC)
target_include_directories(utf8proc SYSTEM PUBLIC ${HEMIS_THIRD_PARTY}/utf8proc)
set_target_properties(utf8proc PROPERTIES POSITION_INDEPENDENT_CODE ON)

# libmd's SHA-2 (OpenBSD code), for the browser only: natively the core uses OpenSSL's. It wants a
# config.h, which it does not need anything from; written only once, as rewriting it at each
# configure would rebuild the library every time.
if(EMSCRIPTEN)
  if(NOT EXISTS ${CMAKE_BINARY_DIR}/libmd-config/config.h)
    file(WRITE ${CMAKE_BINARY_DIR}/libmd-config/config.h "/* empty: sha2.c needs no configuration */\n")
  endif()
  add_library(libmd_sha2 STATIC ${HEMIS_THIRD_PARTY}/libmd/src/sha2.c)
  target_include_directories(libmd_sha2 SYSTEM
    PUBLIC ${HEMIS_THIRD_PARTY}/libmd/include
    PRIVATE ${HEMIS_THIRD_PARTY}/libmd/src ${CMAKE_BINARY_DIR}/libmd-config)
  set_target_properties(libmd_sha2 PROPERTIES POSITION_INDEPENDENT_CODE ON)
endif()

# Catch2 2.x single header.
add_library(catch2_single INTERFACE)
target_include_directories(catch2_single SYSTEM INTERFACE ${HEMIS_THIRD_PARTY}/catch2/single_include)

# SQLite amalgamation, for the browser client (the native server may use the same).
set(HEMIS_SQLITE_DIR ${HEMIS_THIRD_PARTY}/sqlite3-amalgamation)

# RE2: the rulebook's `format` patterns, matched in linear time (no backtracking, so no value can
# make a check slow or exhaust the stack). The same sources for native and wasm; without threads in
# the browser, RE2's lock is pthread's no-op stub there.
set(HEMIS_RE2_DIR ${HEMIS_THIRD_PARTY}/re2)
add_library(re2 STATIC
  ${HEMIS_RE2_DIR}/re2/bitstate.cc ${HEMIS_RE2_DIR}/re2/compile.cc ${HEMIS_RE2_DIR}/re2/dfa.cc
  ${HEMIS_RE2_DIR}/re2/filtered_re2.cc ${HEMIS_RE2_DIR}/re2/mimics_pcre.cc
  ${HEMIS_RE2_DIR}/re2/nfa.cc ${HEMIS_RE2_DIR}/re2/onepass.cc ${HEMIS_RE2_DIR}/re2/parse.cc
  ${HEMIS_RE2_DIR}/re2/perl_groups.cc ${HEMIS_RE2_DIR}/re2/prefilter.cc
  ${HEMIS_RE2_DIR}/re2/prefilter_tree.cc ${HEMIS_RE2_DIR}/re2/prog.cc ${HEMIS_RE2_DIR}/re2/re2.cc
  ${HEMIS_RE2_DIR}/re2/regexp.cc ${HEMIS_RE2_DIR}/re2/set.cc ${HEMIS_RE2_DIR}/re2/simplify.cc
  ${HEMIS_RE2_DIR}/re2/stringpiece.cc ${HEMIS_RE2_DIR}/re2/tostring.cc
  ${HEMIS_RE2_DIR}/re2/unicode_casefold.cc ${HEMIS_RE2_DIR}/re2/unicode_groups.cc
  ${HEMIS_RE2_DIR}/util/rune.cc ${HEMIS_RE2_DIR}/util/strutil.cc)
target_include_directories(re2 SYSTEM PUBLIC ${HEMIS_RE2_DIR})
set_target_properties(re2 PROPERTIES POSITION_INDEPENDENT_CODE ON)
if(NOT EMSCRIPTEN)
  find_package(Threads REQUIRED)
  target_link_libraries(re2 PUBLIC Threads::Threads)
endif()
