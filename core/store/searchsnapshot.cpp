#include "searchsnapshot.h"

#include "searchindex.h"
#include "sqlite.h"

#include <QScopeGuard>

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <numeric>
#include <system_error>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tierdesk::store {
namespace {

struct Kept {
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const SearchSnapshot>> byFile;
    std::uint64_t generation = 0;
};

Kept &kept()
{
    static Kept k;
    return k;
}

/// The file of `db`'s main database; empty for one in memory or a temporary one.
std::string fileOf(sqlite3 *db)
{
    const char *name = sqlite3_db_filename(db, "main");
    return name ? std::string(name) : std::string();
}

/// SQLite's BINARY collation of two UTF-8 texts: bytes, then the shorter first.
int compareBinary(std::string_view a, std::string_view b)
{
    const int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    if (c != 0)
        return c;
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

} // namespace

Result<QByteArray> SearchSnapshot::token(sqlite3 *db)
{
    // FTS5's structure record: rewritten, with its counter raised, at every change of the index;
    // and the count of writes to the pending texts (searchindex.h), raised at each while they
    // are pending.
    auto s = Statement::prepare(db, "SELECT (SELECT block FROM customer_search_data WHERE id = 10), "
                                    "(SELECT changes FROM customer_search_pending_state)");
    if (!s)
        return std::unexpected(s.error());
    const int rc = s->step();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc, {}));
    return s->bytes(0).toByteArray() + '\0' + QByteArray::number(s->int64(1));
}

Result<std::shared_ptr<const SearchSnapshot>> SearchSnapshot::read(sqlite3 *db)
{
    // Out of memory, there is no snapshot: the search index answers as before.
    try {
        return readTexts(db);
    } catch (const std::bad_alloc &) {
        return std::shared_ptr<const SearchSnapshot>();
    }
}

Result<std::shared_ptr<const SearchSnapshot>> SearchSnapshot::readTexts(sqlite3 *db)
{
    // Every page of the texts and of the name index is read once: through a cache of 32 MiB they
    // would stay in it (and resident), and push out what the lists read again.
    const SmallPageCache smallCache(db);
    ReadTransaction transaction(db);
    std::shared_ptr<SearchSnapshot> out(new SearchSnapshot);
    auto t = token(db);
    if (!t)
        return std::unexpected(t.error());
    out->m_token = *t;

    // Room for texts far longer than the usual 80 bytes, reserved, not used: the pages never
    // written are not in memory, and the text is not copied as it grows (which held it twice).
    auto rowsAbout = selectInt(db, "SELECT count(*) FROM customers");
    if (!rowsAbout)
        return std::unexpected(rowsAbout.error());
    const auto expected = std::size_t(std::max<qint64>(*rowsAbout, 0));
    constexpr std::size_t kMostReserved = std::size_t(1) << 30;
    out->m_text.reserve(std::min(expected * 256, kMostReserved));
    out->m_offsets.reserve(expected + 1);
    out->m_ids.reserve(expected);
    {
        auto pending = searchindex::isPending(db);
        if (!pending)
            return std::unexpected(pending.error());
        auto s =
            Statement::prepare(db, *pending ? "SELECT id, text FROM customer_search_pending WHERE text IS "
                                              "NOT NULL ORDER BY id"
                                            : "SELECT rowid, text FROM customer_search ORDER BY rowid");
        if (!s)
            return std::unexpected(s.error());
        int rc;
        while ((rc = s->step()) == SQLITE_ROW) {
            const std::int64_t id = s->int64(0);
            if (id < 1 || id > std::int64_t(UINT32_MAX) || out->m_text.size() > UINT32_MAX / 2)
                return std::shared_ptr<const SearchSnapshot>(); // ids or texts too big to hold this way
            const QByteArrayView text = s->bytes(1);
            out->m_ids.push_back(std::uint32_t(id));
            out->m_offsets.push_back(std::uint32_t(out->m_text.size()));
            out->m_text.append(text.data(), std::size_t(text.size()));
            out->m_text.push_back('\0');
        }
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(db, rc, {}));
        out->m_offsets.push_back(std::uint32_t(out->m_text.size()));
    }
    for (const char c : out->m_text)
        ++out->m_byteCounts[std::uint8_t(c)];

    // The name order: the index on (archived, name) read as its two runs, customers not archived
    // and archived ones, each in the order of (name, id), merged as they are read, so that the rank
    // holds whoever is archived later. Copying the names and sorting them held 25 MB more at a
    // million customers, at the snapshot's peak.
    {
        auto live = Statement::prepare(db, "SELECT id, name FROM customers INDEXED BY customers_by_name "
                                           "WHERE archived = 0 ORDER BY name, id");
        if (!live)
            return std::unexpected(live.error());
        auto gone = Statement::prepare(db, "SELECT id, name FROM customers INDEXED BY customers_by_name "
                                           "WHERE archived = 1 ORDER BY name, id");
        if (!gone)
            return std::unexpected(gone.error());
        out->m_rank.assign(out->m_ids.size(), kNoRank);
        out->m_byRank.reserve(out->m_ids.size());
        int rcLive = live->step();
        int rcGone = gone->step();
        while (rcLive == SQLITE_ROW || rcGone == SQLITE_ROW) {
            bool fromLive = rcGone != SQLITE_ROW;
            if (rcLive == SQLITE_ROW && rcGone == SQLITE_ROW) {
                const QByteArrayView a = live->bytes(1);
                const QByteArrayView b = gone->bytes(1);
                const int c = compareBinary(std::string_view(a.data(), std::size_t(a.size())),
                                            std::string_view(b.data(), std::size_t(b.size())));
                fromLive = c != 0 ? c < 0 : live->int64(0) < gone->int64(0);
            }
            Statement &next = fromLive ? *live : *gone;
            const std::int64_t id = next.int64(0);
            if (id < 1 || id > std::int64_t(UINT32_MAX))
                return std::shared_ptr<const SearchSnapshot>();
            const auto rank = std::uint32_t(out->m_byRank.size());
            const auto it = std::lower_bound(out->m_ids.begin(), out->m_ids.end(), std::uint32_t(id));
            if (it != out->m_ids.end() && *it == std::uint32_t(id)) {
                const auto row = std::uint32_t(it - out->m_ids.begin());
                out->m_rank[row] = rank;
                out->m_byRank.push_back(row);
            } else {
                out->m_byRank.push_back(kNoRank);
            }
            (fromLive ? rcLive : rcGone) = next.step();
        }
        for (const int rc : {rcLive, rcGone}) {
            if (rc != SQLITE_DONE)
                return std::unexpected(sqliteError(db, rc, {}));
        }
    }
    return std::shared_ptr<const SearchSnapshot>(std::move(out));
}

std::shared_ptr<const SearchSnapshot> SearchSnapshot::current(sqlite3 *db)
{
    const std::string file = fileOf(db);
    if (file.empty())
        return {};
    std::shared_ptr<const SearchSnapshot> snapshot;
    {
        Kept &k = kept();
        std::lock_guard lock(k.mutex);
        const auto it = k.byFile.find(file);
        if (it == k.byFile.end())
            return {};
        snapshot = it->second;
    }
    auto now = token(db);
    if (!now || *now != snapshot->m_token)
        return {};
    return snapshot;
}

void SearchSnapshot::forgetStale(sqlite3 *db)
{
    const std::string file = fileOf(db);
    if (file.empty())
        return;
    auto now = token(db);
    if (!now)
        return;
    std::shared_ptr<const SearchSnapshot> stale;
    {
        Kept &k = kept();
        std::lock_guard lock(k.mutex);
        const auto it = k.byFile.find(file);
        if (it == k.byFile.end() || it->second->m_token == *now)
            return;
        stale = std::move(it->second);
        k.byFile.erase(it);
    }
    // Freed here, outside the lock (unless a search still holds it: then when that search ends).
}

bool SearchSnapshot::canKeep(sqlite3 *db)
{
    return !fileOf(db).empty();
}

bool SearchSnapshot::keep(sqlite3 *db, std::shared_ptr<const SearchSnapshot> snapshot, std::uint64_t since)
{
    const std::string file = fileOf(db);
    if (file.empty() || !snapshot)
        return false;
    // One database at a time: the snapshot of a file opened before goes (about 100 MB at a million
    // customers).
    Kept &k = kept();
    std::lock_guard lock(k.mutex);
    if (k.generation != since)
        return false;
    k.byFile.clear();
    k.byFile[file] = std::move(snapshot);
    return true;
}

std::uint64_t SearchSnapshot::generation()
{
    Kept &k = kept();
    std::lock_guard lock(k.mutex);
    return k.generation;
}

void SearchSnapshot::forgetAll()
{
    Kept &k = kept();
    std::lock_guard lock(k.mutex);
    k.byFile.clear();
    ++k.generation;
}

bool SearchSnapshot::contains(std::uint32_t row, QByteArrayView needle) const
{
    const std::string_view text(m_text.data() + m_offsets[row], m_offsets[row + 1] - m_offsets[row] - 1);
    return text.find(std::string_view(needle.data(), std::size_t(needle.size()))) != std::string_view::npos;
}

std::vector<std::uint32_t> SearchSnapshot::find(QByteArrayView needle,
                                                const std::vector<std::uint32_t> *within,
                                                const std::atomic<bool> *stop, int parts) const
{
    std::vector<std::uint32_t> rows;
    if (needle.isEmpty() || m_ids.empty())
        return rows;
    if (within) {
        std::size_t tested = 0;
        for (const std::uint32_t row : *within) {
            if (tested++ % 4096 == 0 && stop && stop->load(std::memory_order_relaxed))
                return rows;
            if (contains(row, needle))
                rows.push_back(row);
        }
        return rows;
    }
    // Two bytes of the needle at their distance, tested at 16 places at once (SSE2, which every
    // x86-64 processor has): the two the texts hold least often, so that few places need the whole
    // needle compared ("1380013": the texts are full of 1s and 3s, but seldom 6 apart; 明: the
    // last two of its three bytes, not the first, shared by thousands of characters).
    const auto length = std::size_t(needle.size());
    std::size_t a = 0;
    for (std::size_t i = 1; i < length; ++i) {
        if (m_byteCounts[std::uint8_t(needle[qsizetype(i)])] <
            m_byteCounts[std::uint8_t(needle[qsizetype(a)])])
            a = i;
    }
    std::size_t b = a;
    for (std::size_t i = 0; i < length; ++i) {
        if (i != a && (b == a || m_byteCounts[std::uint8_t(needle[qsizetype(i)])] <
                                     m_byteCounts[std::uint8_t(needle[qsizetype(b)])]))
            b = i;
    }
    // The rows in `parts` runs of about the same length of text, each scanned by a thread of its
    // own (the first by this one): the matches of each run follow those of the runs before it.
    const auto count = std::uint32_t(m_ids.size());
    parts = int(std::clamp<std::size_t>(std::size_t(std::max(1, parts)), 1, count));
    if (parts == 1)
        return scan(needle, a, b, 0, count, stop);
    std::vector<std::uint32_t> firstRows(std::size_t(parts) + 1, count);
    firstRows[0] = 0;
    for (int p = 1; p < parts; ++p) {
        const std::size_t at = m_text.size() * std::size_t(p) / std::size_t(parts);
        // The first row that starts at or after `at`.
        firstRows[std::size_t(p)] = std::uint32_t(
            std::lower_bound(m_offsets.begin(), m_offsets.end() - 1, std::uint32_t(at)) - m_offsets.begin());
    }
    std::vector<std::vector<std::uint32_t>> found(static_cast<std::size_t>(parts));
    std::atomic<bool> outOfMemory = false;
    std::vector<std::thread> helpers;
    helpers.reserve(std::size_t(parts) - 1);
    // The helpers are joined however this thread leaves (its own scan may run out of memory).
    const auto joinHelpers = qScopeGuard([&helpers] {
        for (std::thread &t : helpers)
            t.join();
    });
    try {
        for (std::size_t p = 1; p < std::size_t(parts); ++p)
            helpers.emplace_back([&, p] {
                try {
                    found[p] = scan(needle, a, b, firstRows[p], firstRows[p + 1], stop);
                } catch (const std::bad_alloc &) {
                    outOfMemory = true;
                }
            });
    } catch (const std::system_error &) {
        // No thread to be had: the runs without one are scanned here.
    }
    const std::size_t helped = helpers.size();
    for (std::size_t p = helped + 1; p < std::size_t(parts); ++p)
        found[p] = scan(needle, a, b, firstRows[p], firstRows[p + 1], stop);
    found[0] = scan(needle, a, b, firstRows[0], firstRows[1], stop);
    for (std::thread &t : helpers)
        t.join();
    helpers.clear();
    if (outOfMemory)
        throw std::bad_alloc();
    std::size_t total = 0;
    for (const auto &f : found)
        total += f.size();
    rows = std::move(found[0]);
    rows.reserve(total);
    for (std::size_t p = 1; p < found.size(); ++p)
        rows.insert(rows.end(), found[p].begin(), found[p].end());
    return rows;
}

std::vector<std::uint32_t> SearchSnapshot::scan(QByteArrayView needle, std::size_t a, std::size_t b,
                                                std::uint32_t firstRow, std::uint32_t endRow,
                                                const std::atomic<bool> *stop) const
{
    std::vector<std::uint32_t> rows;
    if (firstRow >= endRow)
        return rows;
    auto stopped = [stop] { return stop && stop->load(std::memory_order_relaxed); };
    const auto length = std::size_t(needle.size());
    const char *const base = m_text.data();
    // The texts of rows [firstRow, endRow): a match that would run past them is none (a text ends
    // with a NUL, which no needle holds).
    const std::size_t size = m_offsets[endRow];
    std::uint32_t row = firstRow;
    // A match of the needle at `at`: its row is found, and the search goes on at the next row.
    auto matchAt = [&](std::size_t at) -> bool {
        if (at + length > size || std::memcmp(base + at, needle.data(), length) != 0)
            return false;
        while (m_offsets[row + 1] <= at)
            ++row;
        rows.push_back(row);
        return true;
    };
    std::size_t at = m_offsets[firstRow]; // where the needle may start
    // A search that nobody waits for any more (the next keystroke's replaced it) stops within a
    // megabyte of text: a tenth of a millisecond, where the whole scan takes ten.
    constexpr std::size_t kStopCheckBytes = std::size_t(1) << 20;
    std::size_t nextCheck = 0;
#if defined(__SSE2__)
    const __m128i byteA = _mm_set1_epi8(needle[qsizetype(a)]);
    const __m128i byteB = _mm_set1_epi8(needle[qsizetype(b)]);
    const std::size_t last = std::max(a, b);
    while (at + last + 16 <= size) {
        if (at >= nextCheck) {
            if (stopped())
                return rows;
            nextCheck = at + kStopCheckBytes;
        }
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(base + at + a));
        const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i *>(base + at + b));
        auto mask =
            unsigned(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, byteA), _mm_cmpeq_epi8(y, byteB))));
        bool found = false;
        while (mask != 0) {
            const auto bit = std::size_t(std::countr_zero(mask));
            if (matchAt(at + bit)) {
                found = true;
                break;
            }
            mask &= mask - 1;
        }
        at = found ? m_offsets[row + 1] : at + 16;
    }
#endif
    // The last few places, one at a time.
    for (; at + length <= size; ++at) {
        if (base[at + a] == needle[qsizetype(a)] && matchAt(at))
            at = m_offsets[row + 1] - 1;
    }
    return rows;
}

} // namespace tierdesk::store
