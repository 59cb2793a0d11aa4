// Test support: an LD_PRELOAD library that appends the path of every file the process opens
// (open, openat, fopen and their 64-bit names) to the file named by $PLANGEN_OPEN_LOG, one per
// line. A unit test runs the plangen binary under it to count how often each input is opened.
// Built without large-file renaming, so that open and open64 are two symbols, both wrapped.
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int log_fd = -2;

static void log_path(const char* path) {
  if (log_fd == -2) {
    const char* name = getenv("PLANGEN_OPEN_LOG");
    int (*real_open)(const char*, int, ...) = (int (*)(const char*, int, ...))dlsym(RTLD_NEXT, "open");
    log_fd = name && real_open ? real_open(name, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600) : -1;
  }
  if (log_fd < 0 || !path) return;
  // One write per line: O_APPEND keeps lines whole.
  size_t n = strlen(path);
  char* line = malloc(n + 1);
  if (!line) return;
  memcpy(line, path, n);
  line[n] = '\n';
  ssize_t ignored = write(log_fd, line, n + 1);
  (void)ignored;
  free(line);
}

#define MODE_ARG(flags) \
  mode_t mode = 0; \
  if ((flags) & (O_CREAT | O_TMPFILE)) { \
    va_list ap; \
    va_start(ap, flags); \
    mode = va_arg(ap, mode_t); \
    va_end(ap); \
  }

#define WRAP_OPEN(name) \
  int name(const char* path, int flags, ...) { \
    static int (*real)(const char*, int, ...); \
    if (!real) real = (int (*)(const char*, int, ...))dlsym(RTLD_NEXT, #name); \
    MODE_ARG(flags); \
    log_path(path); \
    return real(path, flags, mode); \
  }

#define WRAP_OPENAT(name) \
  int name(int dir, const char* path, int flags, ...) { \
    static int (*real)(int, const char*, int, ...); \
    if (!real) real = (int (*)(int, const char*, int, ...))dlsym(RTLD_NEXT, #name); \
    MODE_ARG(flags); \
    log_path(path); \
    return real(dir, path, flags, mode); \
  }

#define WRAP_FOPEN(name) \
  FILE* name(const char* path, const char* how) { \
    static FILE* (*real)(const char*, const char*); \
    if (!real) real = (FILE * (*)(const char*, const char*)) dlsym(RTLD_NEXT, #name); \
    log_path(path); \
    return real(path, how); \
  }

WRAP_OPEN(open)
WRAP_OPEN(open64)
WRAP_OPENAT(openat)
WRAP_OPENAT(openat64)
WRAP_FOPEN(fopen)
WRAP_FOPEN(fopen64)
