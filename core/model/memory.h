#pragma once

#include <cstddef>
#include <vector>

namespace tierdesk {

/// Asks the kernel to back the whole pages of [data, data + bytes) with transparent huge pages
/// (Linux; elsewhere nothing). For an array of a million records that is written right after it
/// is allocated: with 4 KiB pages, its first write faults once every 4 KiB, which took two thirds
/// of classify::run() at a million customers. Call it before the first write.
void adviseHugePages(const void *data, std::size_t bytes);

/// Makes `v` `n` copies of `value`, on huge pages where the kernel can (adviseHugePages()
/// between reserving and filling): for the arrays of a row per customer that are filled right
/// away, such as a day's call list.
template<typename T>
void assignOnHugePages(std::vector<T> &v, std::size_t n, const T &value = T())
{
    v.clear();
    v.reserve(n);
    adviseHugePages(v.data(), n * sizeof(T));
    v.assign(n, value);
}

/// Returns the memory the allocator holds free to the system (glibc: malloc_trim(0), which also
/// gives back the free pages in the middle of each heap). Freed blocks smaller than the mapping
/// threshold stay resident otherwise: a page cache of 16 KiB pages freed, or the memory of a
/// thread that has finished. Elsewhere nothing.
void releaseFreeMemory();

/// Has every heap give back what is freed at its end once that passes 4 MiB, as it is freed, and
/// puts each block of 4 MiB or more in a mapping of its own (glibc: fixed trim and mapping
/// thresholds). glibc otherwise raises both as big blocks are freed (up to 32 MiB and 64 MiB), and
/// releaseFreeMemory() does not shrink the end of a thread's own heap: at a million customers the
/// desktop's workers kept some 50 MiB freed that way resident, under the next classification's
/// peak. Call it first in main(), before the threads start. Elsewhere nothing.
void returnFreedMemoryPromptly();

} // namespace tierdesk
