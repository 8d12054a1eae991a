# Writes OUTPUT, a C++ file holding every resources/presets/*.json as a string, so that the
# engine has its presets wherever it is installed. Run by CMake at build time:
#   cmake -DPRESET_DIR=... -DOUTPUT=... -P embedpresets.cmake
file(GLOB presets "${PRESET_DIR}/*.json")
list(SORT presets)
set(text "// Generated from resources/presets/*.json by training/embedpresets.cmake; do not edit.\n")
string(APPEND text "namespace ganvas {\nextern const char *const kPresetFiles[];\nextern const int kPresetFileCount;\n")
string(APPEND text "const char *const kPresetFiles[] = {\n")
set(count 0)
foreach(preset IN LISTS presets)
  file(READ "${preset}" body)
  string(APPEND text "R\"ganvas_preset(${body})ganvas_preset\",\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND text "};\nconst int kPresetFileCount = ${count};\n} // namespace ganvas\n")
file(WRITE "${OUTPUT}" "${text}")
