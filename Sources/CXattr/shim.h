// What the Glibc module does not bring:
// - extended attributes (fgetxattr/fsetxattr): okrug marks the files it writes with what it
//   wrote (see WrittenMark.swift);
// - renameat2 with RENAME_EXCHANGE: the new site and the old one trade places in one step
//   (see OutputGeneration.swift). Called through syscall(2), which needs no _GNU_SOURCE.
#include <sys/xattr.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

static inline int okrug_rename_exchange(const char *first, const char *second) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#else
    return -1;
#endif
}
