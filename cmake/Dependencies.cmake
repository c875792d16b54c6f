# Third-party libraries, all from Debian packages installed by scripts/install-deps.
find_package(PkgConfig REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(fmt REQUIRED)
find_package(tl-expected REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(CLI11 CONFIG REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CURL REQUIRED)

pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET gmime-3.0)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET libarchive)
pkg_check_modules(ZBAR REQUIRED IMPORTED_TARGET zbar)
pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(GEOIP REQUIRED IMPORTED_TARGET geoip)
# Live protection (apps/cli serve, milter): libmilter (libmilter-dev, static) and
# cpp-httplib 0.11 (libcpp-httplib-dev: split header + shared library).
pkg_check_modules(MILTER REQUIRED IMPORTED_TARGET milter)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# The program's allocator (decision 0014): tcmalloc_minimal from gperftools
# (libgoogle-perftools-dev). Sanitizer builds keep their own allocator.
if(ET_TCMALLOC AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  pkg_check_modules(TCMALLOC REQUIRED IMPORTED_TARGET libtcmalloc_minimal)
endif()

# CLD2 ships no pkg-config file or CMake config.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h)
find_library(CLD2_LIBRARY NAMES cld2)
if(NOT CLD2_INCLUDE_DIR OR NOT CLD2_LIBRARY)
  message(FATAL_ERROR "CLD2 not found: run scripts/install-deps")
endif()
add_library(cld2 UNKNOWN IMPORTED)
set_target_properties(cld2 PROPERTIES IMPORTED_LOCATION ${CLD2_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${CLD2_INCLUDE_DIR})

if(ET_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(ET_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
