#ifndef HEGUI_CLIBXML2_SHIM_H
#define HEGUI_CLIBXML2_SHIM_H
// libxml2 is built with ICU on Debian; its ICU types clash with Foundation's
// (UErrorCode), so xmlversion.h goes first and the ICU switch is turned off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>

// Swift cannot write a C variadic function, which xmlGenericErrorFunc is,
// so the no-op handler that keeps libxml2 off stderr lives here.
static inline void hegui_xml_ignore_generic_error(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/// Routes libxml2's unstructured messages to nowhere (per thread).
static inline void hegui_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, hegui_xml_ignore_generic_error);
}

/// Restores libxml2's default unstructured message handler (per thread).
static inline void hegui_xml_restore_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, NULL);
}

/// Frees a libxml2-allocated string; xmlFree is a mutable global that Swift 6 will not read.
static inline void hegui_xml_free(void *pointer) {
    xmlFree(pointer);
}
#endif
