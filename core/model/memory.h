#pragma once

#include <cstddef>

namespace tierdesk {

/// Asks the kernel to back the whole pages of [data, data + bytes) with transparent huge pages
/// (Linux; elsewhere nothing). For an array of a million records that is written right after it
/// is allocated: with 4 KiB pages, its first write faults once every 4 KiB, which took two thirds
/// of classify::run() at a million customers. Call it before the first write.
void adviseHugePages(const void *data, std::size_t bytes);

/// Returns the memory the allocator holds free to the system (glibc: malloc_trim(0), which also
/// gives back the free pages in the middle of each heap). Freed blocks smaller than the mapping
/// threshold stay resident otherwise: a page cache of 16 KiB pages freed, or the memory of a
/// thread that has finished. Elsewhere nothing.
void releaseFreeMemory();

} // namespace tierdesk
