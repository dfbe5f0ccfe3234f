/*
 * What fresh memory costs on this machine, outside any JVM: maps MB of anonymous memory, writes one
 * byte in each 4 KB page, and prints the time. With "huge", asks for transparent huge pages first
 * (madvise; the JVM does the same only with -XX:+UseTransparentHugePages).
 *
 *   cc -O2 -o /tmp/touch_memory touch_memory.c && /tmp/touch_memory 400 && /tmp/touch_memory 400 huge
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: touch_memory MB [huge]\n");
        return 2;
    }
    size_t bytes = (size_t) atol(argv[1]) << 20;
    struct timespec from, to;
    clock_gettime(CLOCK_MONOTONIC, &from);
    char *memory = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    if (argc > 2) {
        madvise(memory, bytes, MADV_HUGEPAGE);
    }
    for (size_t i = 0; i < bytes; i += 4096) {
        memory[i] = 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &to);
    double ms = (to.tv_sec - from.tv_sec) * 1e3 + (to.tv_nsec - from.tv_nsec) / 1e6;
    printf("%s MB%s in %.1f ms: %.2f ms per MB\n", argv[1], argc > 2 ? " (huge pages)" : "", ms, ms / atol(argv[1]));
    return 0;
}
