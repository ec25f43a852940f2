// libFuzzer's driver entry point, from libclang_rt.fuzzer_no_main (linked into hegui-fuzz only when
// scripts/fuzz.sh builds it). Declared here so Swift calls it with the C calling convention.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
