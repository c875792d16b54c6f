# et_module(NAME DEPS dep1 dep2 ... LIBS lib1 ...)
# Builds src/NAME/*.cpp into the static library et_NAME (alias et::NAME).
# DEPS are other extortrace modules (linked PUBLIC: their headers appear in ours;
# they must match the module's row in docs/architecture.md, scripts/check-layering);
# LIBS are third-party targets, linked PRIVATE unless listed in PUBLIC_LIBS.
function(et_module name)
  cmake_parse_arguments(M "" "" "DEPS;LIBS;PUBLIC_LIBS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp
                                   ${CMAKE_CURRENT_SOURCE_DIR}/detail/*.cpp)
  if(NOT srcs)
    message(STATUS "module ${name}: no sources yet, skipped")
    return()
  endif()
  add_library(et_${name} STATIC ${srcs})
  add_library(et::${name} ALIAS et_${name})
  # Include root (docs/architecture.md): a directory holding one link NAME ->
  # src/NAME, so that "NAME/x.h" resolves and no other module's headers do.
  # PUBLIC, and DEPS are linked PUBLIC, so a library sees its own headers and
  # those of the modules it links, and an undeclared dependency fails to compile.
  set(root ${PROJECT_BINARY_DIR}/include/${name})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${name} SYMBOLIC)
  target_include_directories(et_${name} PUBLIC ${root})
  foreach(d ${M_DEPS})
    target_link_libraries(et_${name} PUBLIC et_${d})
  endforeach()
  if(M_LIBS)
    target_link_libraries(et_${name} PRIVATE ${M_LIBS})
  endif()
  if(M_PUBLIC_LIBS)
    target_link_libraries(et_${name} PUBLIC ${M_PUBLIC_LIBS})
  endif()
endfunction()

# et_module_tests(NAME) builds tests/NAME/*_test.cpp into NAME_tests, one binary per module.
function(et_module_tests name)
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*_test.cpp)
  if(NOT srcs)
    return()
  endif()
  add_executable(${name}_tests ${srcs})
  target_link_libraries(${name}_tests PRIVATE et_${name} GTest::gtest_main ${ARGN})
  target_compile_definitions(${name}_tests PRIVATE
    ET_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ET_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(${name}_tests DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS ${name})
endfunction()
