// Extended attributes (fgetxattr/fsetxattr), which the Glibc module does not bring: okrug
// marks the files it writes with what it wrote (see WrittenMark.swift).
#include <sys/xattr.h>
