// zlib: Pagefind's index files are gzip, and okrug puts some of them in order after it
// (see OkrugSystem/Gzip.swift and OkrugSite/Build/SearchIndexOrder.swift).
#include <zlib.h>
