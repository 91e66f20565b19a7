#include "memory.h"

#include <cstdint>

#if defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace tierdesk {

void adviseHugePages(const void *data, std::size_t bytes)
{
#if defined(__linux__)
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    if (page == 0 || (page & (page - 1)) != 0)
        return;
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = (start + page - 1) & ~(page - 1);
    const std::uintptr_t end = (start + bytes) & ~(page - 1);
    // Only advice: memory the kernel cannot back with huge pages keeps its small ones.
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

void releaseFreeMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void returnFreedMemoryPromptly()
{
#if defined(__GLIBC__)
    // Smaller blocks stay in the heaps (SQLite's pages, a page of rows, a search's words);
    // a heap keeps at most that much free at its end. A fixed threshold turns glibc's sliding
    // ones off.
    constexpr int kThreshold = 4 << 20;
    mallopt(M_MMAP_THRESHOLD, kThreshold);
    mallopt(M_TRIM_THRESHOLD, kThreshold);
#endif
}

} // namespace tierdesk
