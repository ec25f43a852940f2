#ifndef HEGUI_CLIBXLSXWRITER_SHIM_H
#define HEGUI_CLIBXLSXWRITER_SHIM_H
// libxlsxwriter (Debian libxlsxwriter-dev); only HeguiXLSX imports it.
#include <xlsxwriter.h>
#endif
