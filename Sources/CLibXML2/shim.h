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
#endif
