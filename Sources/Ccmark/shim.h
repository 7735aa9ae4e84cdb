// libcmark's public header, from the system (Debian: libcmark-dev).
#include <cmark.h>
