#pragma once

// Store-internal: every customer's search text in memory, for search as you type at a big database.

#include "model/error.h"
#include "model/types.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace tierdesk::store {

/// The texts of the search index (customer_search) and the customers' order by name, read once
/// and kept in memory while the index does not change. A search of the trigram index that finds
/// a few per cent of a million customers ("wang", "明", "gmail.com") had to read each match's row
/// to sort it by name, or walk the name index to where the names containing it sort (past every
/// Latin name for a Chinese character): 60–190 ms. Here the texts are scanned (for two bytes of
/// the term that the texts hold least often, at their distance, then the whole term compared),
/// and the matches sorted by their place in the name order: about 10 ms for any term.
///
/// Immutable once read, so threads share it. A snapshot stands for the database while the index's
/// structure record (customer_search_data, id 10) is the one it was read with: FTS5 rewrites that
/// record at every change of the index, and every write of a customer's name, company, phone or
/// e-mail rewrites the customer's row of the index (repositories, imports, merges, undo). While
/// the texts are pending (searchindex.h), they are read from customer_search_pending, and each
/// such write raises the count of pending writes, which the snapshot compares as well. Archiving
/// does not; who is archived is read at each search.
class SearchSnapshot final {
public:
    /// The texts and the name order, read through `db` in one read transaction. An error when the
    /// database has no search index; a snapshot of nothing for an empty one.
    static Result<std::shared_ptr<const SearchSnapshot>> read(sqlite3 *db);

    /// The snapshot kept for `db`'s file (keep()), when it still stands for what `db` reads (to be
    /// asked inside the caller's read transaction); null otherwise.
    static std::shared_ptr<const SearchSnapshot> current(sqlite3 *db);
    /// Forgets the snapshot kept for `db`'s file when it no longer stands for what `db` reads (to
    /// be asked inside the caller's read transaction, before a new one is read): kept until the new
    /// one replaced it, it was held twice over while that one was read (about 100 MB more at a
    /// million customers), for nothing, as no search could use it any more.
    static void forgetStale(sqlite3 *db);
    /// True when a snapshot of `db` can be kept: its database is a file.
    static bool canKeep(sqlite3 *db);
    /// Keeps `snapshot` as the one of `db`'s file, in place of any other (of this file or another
    /// one), unless forgetAll() was called since generation() was `since` (the snapshot was read
    /// meanwhile: it would come back); not for a database in memory. True when kept.
    static bool keep(sqlite3 *db, std::shared_ptr<const SearchSnapshot> snapshot, std::uint64_t since);
    /// Counts the calls of forgetAll().
    static std::uint64_t generation();
    /// Forgets every kept snapshot: its memory is freed once no search holds it (a search holds
    /// it only while it runs).
    static void forgetAll();

    /// Rows whose text contains `needle` (UTF-8, already lower-cased as the texts are), in id
    /// order. With `within` (rows in id order), only those are tested: the matches of a shorter
    /// term the needle contains. Once `stop` is true (looked at first, then every megabyte of
    /// text or 4,096 rows of `within`) it returns at once what it found so far, which is not all:
    /// the caller asks `stop` again. Without `within`, the texts are scanned in `parts` runs of
    /// about the same length at once, each but the first by a thread of its own: for a search the
    /// window waits for, on a machine with cores to spare.
    std::vector<std::uint32_t> find(QByteArrayView needle, const std::vector<std::uint32_t> *within = nullptr,
                                    const std::atomic<bool> *stop = nullptr, int parts = 1) const;

    std::size_t size() const { return m_ids.size(); }
    CustomerId id(std::uint32_t row) const { return m_ids[row]; }
    /// The row's place in the order of (name, id) among all customers, archived ones too.
    std::uint32_t nameRank(std::uint32_t row) const { return m_rank[row]; }
    /// A rank no customer has: a row of the index without a customer (never shown).
    static constexpr std::uint32_t kNoRank = UINT32_MAX;
    /// How many places the name order has: one per customer, archived ones too.
    std::size_t ranks() const { return m_byRank.size(); }
    /// The row of the customer at a place in the name order; kNoRank for a customer without a
    /// row in the index.
    std::uint32_t rowAtRank(std::uint32_t rank) const { return m_byRank[rank]; }
    /// True when the row's text contains `needle` (UTF-8, lower-cased).
    bool contains(std::uint32_t row, QByteArrayView needle) const;

private:
    SearchSnapshot() = default;
    static Result<std::shared_ptr<const SearchSnapshot>> readTexts(sqlite3 *db);
    static Result<QByteArray> token(sqlite3 *db);
    /// The rows of [firstRow, endRow) whose text has `needle`, found by its bytes at `a` and `b`.
    std::vector<std::uint32_t> scan(QByteArrayView needle, std::size_t a, std::size_t b,
                                    std::uint32_t firstRow, std::uint32_t endRow,
                                    const std::atomic<bool> *stop) const;

    QByteArray m_token;
    std::string m_text;                            ///< every row's text, each followed by a NUL
    std::vector<std::uint32_t> m_offsets;          ///< where each row's text starts; one more at the end
    std::vector<std::uint32_t> m_ids;              ///< customer ids, ascending
    std::vector<std::uint32_t> m_rank;             ///< each row's place in the name order
    std::vector<std::uint32_t> m_byRank;           ///< the row at each place in the name order
    std::array<std::uint64_t, 256> m_byteCounts{}; ///< how often each byte occurs in the texts
};

} // namespace tierdesk::store
