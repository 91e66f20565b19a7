// ClassificationStore: the stored results of the latest classification (see schema.cpp for the
// table), written so that a daily run at a million customers costs what changed, not a million
// rows.

#include "database.h"
#include "model/dates.h"
#include "model/memory.h"
#include "repositories.h"
#include "schema.h"
#include "sqlite.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace tierdesk::store {
namespace {

/// One classification row as stored: small integers and Julian days (0 = NULL), so that a row can
/// be fingerprinted and bound without a QString per value.
struct StoredRow {
    std::int64_t id = 0;
    int archived = 0;
    std::int64_t lastOrder = 0;
    std::int64_t valueRank = -1; ///< -1: NULL, the rank worked out from the stored spend on read
    int frequency = 0;
    std::int64_t monetary = 0;
    int r = 0, f = 0, m = 0; ///< 0: NULL (scores are 1–5)
    int valueTier = 0;
    int freqTier = -1, loyalty = -1; ///< -1: NULL
    int lifecycle = 0, engagement = 0;
    int segment = -1, matrix = -1, grade = -1, demoteTo = -1, lastOutcome = -1;
    int gradeSuggested = 0;
    std::int64_t due = 0, lastContact = 0, reasonDate = 0;
    int reasonKind = 0;
    int reasonCadence = 0;
    int priority = 0;
    QString dynamicTags;
};

template<typename E>
int code(const std::optional<E> &v)
{
    return v ? int(*v) : -1;
}

std::int64_t day(QDate d)
{
    return d.isValid() ? d.toJulianDay() : 0;
}

/// `derivedRank`: the rank find() works out from the stored spend and tiers; the row keeps its own
/// only when that differs (never for a run of classify::run).
StoredRow storedRow(const classify::Classification &c, const classify::CustomerFacts *f, QDate asOf,
                    std::int64_t derivedRank)
{
    StoredRow s;
    s.id = c.id;
    // The day of the last order, from which find() works out the recency as of the latest run.
    if (c.recencyDays && asOf.isValid())
        s.lastOrder = asOf.addDays(-*c.recencyDays).toJulianDay();
    if (c.valueRank != derivedRank)
        s.valueRank = c.valueRank;
    if (f) {
        s.archived = f->archived ? 1 : 0;
        s.lastContact = day(f->lastContact);
        s.lastOutcome = code(f->lastOutcome);
    }
    s.frequency = c.frequency;
    s.monetary = c.monetary;
    s.r = c.r.value_or(0);
    s.f = c.f.value_or(0);
    s.m = c.m.value_or(0);
    s.valueTier = int(c.valueTier);
    s.freqTier = code(c.freqTier);
    s.loyalty = code(c.loyalty);
    s.lifecycle = int(c.lifecycle);
    s.engagement = int(c.engagement);
    s.segment = code(c.segment);
    s.matrix = code(c.matrix);
    s.grade = code(c.grade);
    s.gradeSuggested = c.gradeSuggested ? 1 : 0;
    s.demoteTo = code(c.demoteTo);
    s.due = day(c.due);
    s.reasonKind = int(c.reason.kind);
    s.reasonDate = day(c.reason.date);
    s.reasonCadence = c.reason.cadenceDays;
    s.priority = c.priorityClass;
    s.dynamicTags = c.dynamicTags.join(u';');
    return s;
}

/// One step of the digest: the value folded in, then mixed by splitmix64's finaliser (a bijection
/// of 64 bits), so that a change in any value changes the whole state.
constexpr std::uint64_t mixIn(std::uint64_t h, std::uint64_t v)
{
    h ^= v;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

/// The small codes of a row (each in -1 … 127) packed one byte each into a word.
constexpr std::uint64_t packCodes(std::initializer_list<int> codes)
{
    std::uint64_t out = 0;
    for (int c : codes)
        out = (out << 8) | std::uint64_t(std::uint8_t(std::int8_t(c)));
    return out;
}

/// A fingerprint of the stored values: about fifteen 64-bit steps a row, where byte-wise FNV-1a
/// took 216 (a tenth of a daily run's store at a million rows). Never 0: that marks a row to be
/// rewritten. Stored digests of an older build never match (a different function): the first run
/// after an upgrade rewrites the rows once.
std::int64_t digest(const StoredRow &s)
{
    std::uint64_t h = 0x6a09e667f3bcc909ull;
    for (std::int64_t v : {s.id, s.lastOrder, s.valueRank, std::int64_t(s.frequency), s.monetary, s.due,
                           s.lastContact, s.reasonDate, std::int64_t(s.reasonCadence),
                           std::int64_t(s.priority), std::int64_t(s.dynamicTags.size())})
        h = mixIn(h, std::uint64_t(v));
    h = mixIn(h, packCodes({s.archived, s.r, s.f, s.m, s.valueTier, s.freqTier, s.loyalty, s.lifecycle}));
    h = mixIn(h, packCodes({s.engagement, s.segment, s.matrix, s.grade, s.gradeSuggested, s.demoteTo,
                            s.lastOutcome, s.reasonKind}));
    // The tags' UTF-16 units, four to a step.
    const QChar *text = s.dynamicTags.constData();
    const qsizetype n = s.dynamicTags.size();
    for (qsizetype i = 0; i < n; i += 4) {
        std::uint64_t word = 0;
        for (qsizetype k = i; k < std::min(n, i + 4); ++k)
            word = (word << 16) | text[k].unicode();
        h = mixIn(h, word);
    }
    const auto out = std::int64_t(h & 0x7fffffffffffffffull);
    return out == 0 ? 1 : out;
}

template<typename E>
void bindCode(Statement &s, int i, int v)
{
    if (v < 0)
        s.bindNull(i);
    else
        s.bindStatic(i, schema::storedText(E(v)));
}

void bindDay(Statement &s, int i, std::int64_t jd)
{
    if (jd > 0)
        s.bindDate(i, QDate::fromJulianDay(jd));
    else
        s.bindNull(i);
}

void bindScore(Statement &s, int i, int v)
{
    if (v > 0)
        s.bind(i, v);
    else
        s.bindNull(i);
}

// The columns in the order of ?1 … ?27; UPDATE sets ?2 … ?27 where customer_id = ?1.
constexpr int kColumnCount = 27;
constexpr const char *kColumnNames[kColumnCount] = {"customer_id",
                                                    "archived",
                                                    "last_order",
                                                    "frequency",
                                                    "monetary",
                                                    "r",
                                                    "f",
                                                    "m",
                                                    "value_tier",
                                                    "freq_tier",
                                                    "loyalty",
                                                    "lifecycle",
                                                    "engagement",
                                                    "segment",
                                                    "matrix",
                                                    "grade",
                                                    "grade_suggested",
                                                    "demote_to",
                                                    "due_date",
                                                    "last_contact",
                                                    "last_outcome",
                                                    "reason_kind",
                                                    "reason_date",
                                                    "reason_cadence",
                                                    "priority",
                                                    "dynamic_tags",
                                                    "value_rank"};
constexpr const char *kInsertRow = "INSERT INTO classification (customer_id, archived, last_order, "
                                   "frequency, monetary, r, f, m, value_tier, "
                                   "freq_tier, loyalty, lifecycle, engagement, segment, matrix, grade, "
                                   "grade_suggested, demote_to, due_date, "
                                   "last_contact, last_outcome, reason_kind, reason_date, reason_cadence, "
                                   "priority, dynamic_tags, value_rank) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                   "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
                                   "?23, ?24, ?25, ?26, ?27)";
void bindRow(Statement &s, const StoredRow &r)
{
    s.bind(1, r.id);
    s.bind(2, r.archived);
    bindDay(s, 3, r.lastOrder);
    s.bind(4, r.frequency);
    s.bind(5, r.monetary);
    bindScore(s, 6, r.r);
    bindScore(s, 7, r.f);
    bindScore(s, 8, r.m);
    bindCode<ValueTier>(s, 9, r.valueTier);
    bindCode<Level>(s, 10, r.freqTier);
    bindCode<Level>(s, 11, r.loyalty);
    bindCode<Lifecycle>(s, 12, r.lifecycle);
    bindCode<Engagement>(s, 13, r.engagement);
    bindCode<Segment>(s, 14, r.segment);
    bindCode<Matrix>(s, 15, r.matrix);
    bindCode<Grade>(s, 16, r.grade);
    s.bind(17, r.gradeSuggested);
    bindCode<Grade>(s, 18, r.demoteTo);
    bindDay(s, 19, r.due);
    bindDay(s, 20, r.lastContact);
    bindCode<Outcome>(s, 21, r.lastOutcome);
    s.bindStatic(22, schema::reasonKindText(classify::DueReason::Kind(r.reasonKind)));
    bindDay(s, 23, r.reasonDate);
    s.bind(24, r.reasonCadence);
    s.bind(25, r.priority);
    s.bindText(26, r.dynamicTags);
    if (r.valueRank >= 0)
        s.bind(27, r.valueRank);
    else
        s.bindNull(27);
}

/// The rank find() works out for a row from the stored spend and tiers, as its statement does:
/// one more than the rows of the better tiers and those of the same tier who spent more; 0 for no
/// spend. Keeps only the spend of the rows that spent, sorted by tier, and the counts per tier.
class DerivedRanks {
public:
    template<typename Rows>
    explicit DerivedRanks(const Rows &rows)
    {
        // Counted first, so that each vector is allocated once (in a helper thread, memory freed
        // by growing would stay in that thread's heap).
        std::array<std::int64_t, 4> count{};
        std::array<std::size_t, 4> spent{};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto tier = std::size_t(rows.valueTier(i));
            ++count[tier];
            if (rows.monetary(i) > 0)
                ++spent[tier];
        }
        for (std::size_t t = 0; t < 4; ++t)
            m_spend[t].reserve(spent[t]);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (const Cents monetary = rows.monetary(i); monetary > 0)
                m_spend[std::size_t(rows.valueTier(i))].push_back(monetary);
        }
        for (std::size_t t = 0; t < 4; ++t) {
            std::sort(m_spend[t].begin(), m_spend[t].end());
            m_better[t + 1] = m_better[t] + count[t];
        }
    }
    std::int64_t of(const classify::Classification &c) const
    {
        if (c.monetary <= 0)
            return 0;
        // Rows of the same tier without spend never spent more than a row with spend.
        const auto &tier = m_spend[std::size_t(c.valueTier)];
        const std::int64_t better = m_better[std::size_t(c.valueTier)];
        // The run's own rank is nearly always the one worked out: then the spend at its place
        // (counted from the top) is the row's, and the one above it more. Two reads instead of a
        // binary search over hundreds of thousands (a cache miss each) for a million rows.
        const std::int64_t place = std::int64_t(c.valueRank) - better - 1;
        if (place >= 0 && place < std::int64_t(tier.size())) {
            const auto at = tier.end() - 1 - place;
            if (*at == c.monetary && (place == 0 || *(at + 1) > c.monetary))
                return c.valueRank;
        }
        const auto above = tier.end() - std::upper_bound(tier.begin(), tier.end(), c.monetary);
        return better + std::int64_t(above) + 1;
    }

private:
    std::array<std::vector<Cents>, 4> m_spend;
    std::array<std::int64_t, 5> m_better{};
};

/// From this many rows on, a helper thread works out the fingerprints of a run while its
/// results are compared (a thread costs a millisecond or less; 65,536 rows about 5 ms).
constexpr std::size_t kFingerprintHelperRows = 65536;

/// ClassificationStore::setWriteStartedHook() (tests).
std::function<void(const std::atomic<bool> *)> g_writeStarted;

QString monthOf(QDate d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

Result<std::optional<QDate>> lastRunAsOf(sqlite3 *db)
{
    auto s = Statement::prepare(db, "SELECT as_of FROM classification_runs ORDER BY id DESC LIMIT 1");
    if (!s)
        return std::unexpected(s.error());
    const int rc = s->step();
    if (rc == SQLITE_DONE)
        return std::optional<QDate>();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc, {}));
    return std::optional<QDate>(s->date(0));
}

/// The rows of a run held in memory, as replace() reads them.
struct RunRows {
    std::span<const classify::CustomerFacts> facts;
    const classify::Run &run;
    std::size_t size() const { return run.rows.size(); }
    const classify::Summary &summary() const { return run.summary; }
    const classify::Classification &row(std::size_t i) const { return run.rows[i]; }
    CustomerId id(std::size_t i) const { return run.rows[i].id; }
    const classify::CustomerFacts *factsOf(std::size_t i) const
    {
        return i < facts.size() ? &facts[i] : nullptr;
    }
    ValueTier valueTier(std::size_t i) const { return run.rows[i].valueTier; }
    Cents monetary(std::size_t i) const { return run.rows[i].monetary; }
};

/// The rows of a run worked out one at a time (by two threads at once) as replace() reads them.
struct ClassifierRows {
    const classify::Classifier &classifier;
    std::size_t size() const { return classifier.size(); }
    const classify::Summary &summary() const { return classifier.summary(); }
    classify::Classification row(std::size_t i) const { return classifier.at(i); }
    CustomerId id(std::size_t i) const { return classifier.facts()[i].id; }
    const classify::CustomerFacts *factsOf(std::size_t i) const { return &classifier.facts()[i]; }
    ValueTier valueTier(std::size_t i) const { return classifier.valueTier(i); }
    Cents monetary(std::size_t i) const { return classifier.facts()[i].monetary; }
};

/// ClassificationStore::replace() for either kind of rows.
template<typename Rows>
Result<void> replaceRows(Database &database, const Rows &rows, qint64 durationMs,
                         std::optional<std::int64_t> factsGeneration)
{
    sqlite3 *db = database.handle();
    const QString what = QCoreApplication::translate("tierdesk::store", "The classification was not saved.");
    auto tx = database.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    // The run holds the file's write lock from here to its commit: seconds at a million
    // customers. When its connection's stop flag is set (Database::stopWhen(): a write of the
    // window waits for the lock), it rolls back within milliseconds. SQLite's progress handler
    // stops long statements; the loops below look at the flag themselves, since each of their
    // statements is short, and roll back before the helper thread is joined (it may still be
    // ranking everyone).
    const std::atomic<bool> *stopFlag = database.stopFlag();
    auto stopped = [stopFlag] { return stopFlag && stopFlag->load(std::memory_order_relaxed); };
    auto interrupted = [&] {
        tx->rollback();
        return std::unexpected(sqliteError(nullptr, SQLITE_INTERRUPT, what));
    };
    if (g_writeStarted)
        g_writeStarted(stopFlag);

    // The fingerprint of every row of this run. From kFingerprintHelperRows rows on, a helper
    // thread works them out while this one reads what is stored (the stored digests, a million
    // rows at a million customers: each took about a third of a daily run's store). They are
    // passed through a ring of kRing: `ready` counts those written, `consumed` those read.
    const QDate asOf = rows.summary().asOf;
    std::optional<DerivedRanks> ranks;
    auto fingerprintOf = [&](std::size_t i) {
        const auto &c = rows.row(i);
        return digest(storedRow(c, rows.factsOf(i), asOf, ranks->of(c)));
    };
    constexpr std::size_t kRing = 65536, kBatch = 4096;
    std::vector<std::int64_t> ring;
    std::atomic<std::size_t> ready = 0, consumed = 0;
    // Told to stop and joined when it goes out of scope (an error return too): it may be waiting
    // for room in the ring that will not come.
    std::jthread helper;
    if (rows.size() >= kFingerprintHelperRows) {
        ring.resize(kRing);
        helper = std::jthread([&](std::stop_token stop) {
            ranks.emplace(rows);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                while (i - consumed.load(std::memory_order_acquire) >= kRing) {
                    if (stop.stop_requested())
                        return;
                    std::this_thread::yield();
                }
                ring[i % kRing] = fingerprintOf(i);
                if (i % kBatch == kBatch - 1)
                    ready.store(i + 1, std::memory_order_release);
            }
            ready.store(rows.size(), std::memory_order_release);
        });
    } else {
        ranks.emplace(rows);
    }
    // The fingerprint of row i; nullopt when the run was stopped while it waited for it.
    auto fresh = [&](std::size_t i) -> std::optional<std::int64_t> {
        if (!helper.joinable())
            return fingerprintOf(i);
        while (ready.load(std::memory_order_acquire) <= i) {
            if (stopped())
                return std::nullopt;
            std::this_thread::yield();
        }
        const std::int64_t d = ring[i % kRing];
        if (i % kBatch == kBatch - 1)
            consumed.store(i + 1, std::memory_order_release);
        return d;
    };

    // The month's tier snapshot, for the migration chart: the stored tiers are those of the latest
    // run, so they are the snapshot of that run's month. When this run starts another month, they
    // are kept under the old month first (once a month, one INSERT … SELECT); within a month
    // nothing needs writing.
    auto previous = lastRunAsOf(db);
    if (!previous)
        return std::unexpected(previous.error());
    if (*previous && (*previous)->isValid() && monthOf(**previous) != monthOf(rows.summary().asOf)) {
        const QString month = monthOf(**previous);
        for (const char *sql : {"DELETE FROM tier_snapshots WHERE month = ?1",
                                "INSERT INTO tier_snapshots (month, customer_id, value_tier, lifecycle) "
                                "SELECT ?1, customer_id, value_tier, lifecycle FROM classification "
                                // A customer deleted with the foreign keys off (the sqlite3
                                // shell's default) left a row here: no snapshot for it.
                                "WHERE customer_id IN (SELECT id FROM customers)"}) {
            auto s = Statement::prepare(db, sql);
            if (!s)
                return std::unexpected(s.error());
            s->bindText(1, month);
            if (auto ok = s->run(what); !ok)
                return ok;
        }
    }

    const auto rowsBefore = selectInt(db, "SELECT count(*) FROM classification");
    if (!rowsBefore)
        return std::unexpected(rowsBefore.error());

    // The rows of this run that differ from the stored ones (by id: facts and rows are by id),
    // found by reading the stored digests in id order beside them.
    struct Change {
        std::size_t index;
        std::int64_t digest;
        bool exists;
    };
    std::vector<Change> changes;
    std::vector<std::int64_t> gone;
    std::int64_t storedCount = 0;
    bool ordered = true;
    {
        auto stored =
            Statement::prepare(db, "SELECT customer_id, digest FROM classification_digests ORDER BY "
                                   "customer_id");
        if (!stored)
            return std::unexpected(stored.error());
        int rc = SQLITE_DONE;
        auto next = [&] {
            rc = stored->step();
            if (rc == SQLITE_ROW)
                ++storedCount;
            return rc == SQLITE_ROW;
        };
        bool more = next();
        std::int64_t lastId = std::numeric_limits<std::int64_t>::min();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i % 4096 == 0 && stopped())
                return interrupted();
            const CustomerId id = rows.id(i);
            ordered = ordered && id > lastId;
            lastId = id;
            const std::optional<std::int64_t> fingerprint = fresh(i);
            if (!fingerprint)
                return interrupted();
            const std::int64_t d = *fingerprint;
            while (ordered && more && stored->int64(0) < id) {
                gone.push_back(stored->int64(0));
                more = next();
            }
            if (ordered && more && stored->int64(0) == id) {
                if (stored->int64(1) != d)
                    changes.push_back({i, d, true});
                more = next();
            } else {
                changes.push_back({i, d, false});
            }
        }
        while (more) {
            if (ordered)
                gone.push_back(stored->int64(0));
            more = next();
        }
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(db, rc, what));
    }
    if (helper.joinable())
        helper.join();
    ring = {};

    // The indexes of before, if the database still has them: a day's run cost a second and more
    // to keep them at a million customers. Their pages go to the file's free list.
    for (const char *name : schema::retiredClassificationIndexes()) {
        const QByteArray sql = QByteArray("DROP INDEX IF EXISTS ") + name;
        if (auto ok = database.exec(sql.constData()); !ok)
            return ok;
    }

    // Rewrite everything when most rows changed, the table was empty, or it is out of step with
    // its digests: one pass in id order without the indexes, then one sort per index.
    const bool rewrite =
        !ordered || *rowsBefore != storedCount || changes.size() * 2 > rows.size() || storedCount == 0;
    if (rewrite) {
        for (const char *sql : {"DELETE FROM classification", "DELETE FROM classification_digests"}) {
            if (auto ok = database.exec(sql); !ok)
                return ok;
        }
        for (const schema::Index &index : schema::classificationIndexes()) {
            const QByteArray sql = QByteArray("DROP INDEX IF EXISTS ") + index.name;
            if (auto ok = database.exec(sql.constData()); !ok)
                return ok;
        }
        changes.clear();
        gone.clear();
        for (std::size_t i = 0; i < rows.size(); ++i)
            changes.push_back({i, 0, false});
    }

    auto insert = Statement::prepare(db, kInsertRow);
    auto setDigest = Statement::prepare(db, "INSERT INTO classification_digests (customer_id, digest) VALUES "
                                            "(?1, ?2) ON CONFLICT (customer_id) DO UPDATE SET digest = "
                                            "excluded.digest");
    auto remove = Statement::prepare(db, "DELETE FROM classification WHERE customer_id = ?1");
    auto removeDigest = Statement::prepare(db, "DELETE FROM classification_digests WHERE customer_id = ?1");
    for (auto *s : {&insert, &setDigest, &remove, &removeDigest}) {
        if (!*s)
            return std::unexpected(s->error());
    }
    // A changed row is rewritten whole. SQLite writes the whole record whichever columns an
    // UPDATE names, and the table lost the indexes of its columns (schema.cpp): the one left,
    // classification_archived, holds archived customers only, so only their entries are written
    // again. Reading the stored row first to name only the changed columns cost a second seek per
    // row and saved nothing.
    const QByteArray updateSql = []() -> QByteArray {
        QByteArray sql = "UPDATE classification SET ";
        for (int i = 2; i <= kColumnCount; ++i)
            sql += QByteArray(i > 2 ? ", " : "") + kColumnNames[i - 1] + " = ?" + QByteArray::number(i);
        return sql + " WHERE customer_id = ?1";
    }();
    auto update = Statement::prepare(db, updateSql.constData());
    if (!update)
        return std::unexpected(update.error());
    std::size_t written = 0;
    for (const Change &change : changes) {
        if (++written % 64 == 0 && stopped())
            return interrupted();
        const auto &c = rows.row(change.index);
        const StoredRow row = storedRow(c, rows.factsOf(change.index), asOf, ranks->of(c));
        Statement &s = change.exists ? *update : *insert;
        bindRow(s, row);
        const int rc = s.step();
        const int ext = sqlite3_extended_errcode(db);
        s.reset();
        if (rc != SQLITE_DONE) {
            // The customer was deleted since the facts were read: nothing to store for it.
            if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
                continue;
            return std::unexpected(sqliteError(db, rc, what));
        }
        setDigest->bind(1, row.id);
        setDigest->bind(2, change.digest != 0 ? change.digest : digest(row));
        if (auto ok = setDigest->run(what); !ok)
            return ok;
    }
    for (std::int64_t id : gone) {
        for (Statement *s : {&*remove, &*removeDigest}) {
            s->bind(1, id);
            if (auto ok = s->run(what); !ok)
                return ok;
        }
    }
    // After a rewrite, each index in one sort; after a day's changes, only one still missing.
    for (const schema::Index &index : schema::classificationIndexes()) {
        if (auto ok = database.exec(index.create); !ok)
            return ok;
    }

    // The write count this transaction made (beginWrite() counted it): one more than the count
    // the facts were read at when nothing else was written in between. Only then do the stored
    // results stand for the data until the next write (see currentQueue()).
    std::optional<std::int64_t> generation;
    if (factsGeneration) {
        auto now = database.writeGeneration();
        if (!now)
            return std::unexpected(now.error());
        if (*now && **now == *factsGeneration + 1)
            generation = **now;
    }
    const bool hasGeneration = database.schemaVersion() >= 3;
    auto info = Statement::prepare(
        db, hasGeneration
                ? "INSERT INTO classification_runs (as_of, finished_at, customers, buyers, "
                  "spenders, tier_a_cutoff, tier_b_cutoff, duration_ms, generation) VALUES (?1, ?2, "
                  "?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                : "INSERT INTO classification_runs (as_of, finished_at, customers, buyers, "
                  "spenders, tier_a_cutoff, tier_b_cutoff, duration_ms) VALUES (?1, ?2, ?3, "
                  "?4, ?5, ?6, ?7, ?8)");
    if (!info)
        return std::unexpected(info.error());
    if (hasGeneration) {
        if (generation)
            info->bind(9, *generation);
        else
            info->bindNull(9);
    }
    info->bindDate(1, rows.summary().asOf);
    info->bindDateTime(2, QDateTime::currentDateTime());
    info->bind(3, rows.summary().customers);
    info->bind(4, rows.summary().buyers);
    info->bind(5, rows.summary().spenders);
    info->bind(6, rows.summary().tierACutoff);
    info->bind(7, rows.summary().tierBCutoff);
    info->bind(8, std::int64_t(durationMs));
    if (auto ok = info->run(what); !ok)
        return ok;
    // Not once the commit has begun: it writes what is left of the run to the log.
    if (stopped())
        return interrupted();
    return tx->commit();
}

} // namespace

Result<void> ClassificationStore::replace(std::span<const classify::CustomerFacts> facts,
                                          const classify::Run &run, qint64 durationMs,
                                          std::optional<std::int64_t> factsGeneration)
{
    return replaceRows(m_db, RunRows{facts, run}, durationMs, factsGeneration);
}

Result<void> ClassificationStore::replace(const classify::Classifier &classifier, qint64 durationMs,
                                          std::optional<std::int64_t> factsGeneration)
{
    return replaceRows(m_db, ClassifierRows{classifier}, durationMs, factsGeneration);
}

void ClassificationStore::setWriteStartedHook(std::function<void(const std::atomic<bool> *)> hook)
{
    g_writeStarted = std::move(hook);
}

Result<void> ClassificationStore::updateFollowUp(const classify::CustomerFacts &facts, const OwnResult &own)
{
    auto tx = m_db.beginWrite();
    if (!tx)
        return std::unexpected(tx.error());
    auto s = Statement::prepare(
        m_db.handle(), "UPDATE classification SET due_date = ?2, reason_kind = ?3, reason_date = ?4, "
                       "reason_cadence = ?5, last_contact = ?6, last_outcome = ?7, grade = ?8, "
                       "grade_suggested = ?9, demote_to = ?10, priority = ?11 WHERE customer_id = ?1");
    // The row no longer matches its digest: the next full run rewrites it.
    auto stale = Statement::prepare(m_db.handle(),
                                    "UPDATE classification_digests SET digest = 0 WHERE customer_id = ?1");
    if (!s)
        return std::unexpected(s.error());
    if (!stale)
        return std::unexpected(stale.error());
    const QString what = QCoreApplication::translate("tierdesk::store", "The follow-up was not saved.");
    const classify::FollowUp &plan = own.plan;
    s->bind(1, std::int64_t(facts.id));
    s->bindDate(2, plan.due);
    s->bindStatic(3, schema::reasonKindText(plan.reason.kind));
    s->bindDate(4, plan.reason.date);
    s->bind(5, plan.reason.cadenceDays);
    s->bindDate(6, facts.lastContact);
    if (facts.lastOutcome)
        s->bindStatic(7, schema::storedText(*facts.lastOutcome));
    else
        s->bindNull(7);
    bindCode<Grade>(*s, 8, own.grade ? int(*own.grade) : -1);
    s->bind(9, own.gradeSuggested ? 1 : 0);
    bindCode<Grade>(*s, 10, own.demoteTo ? int(*own.demoteTo) : -1);
    s->bind(11, own.priority);
    if (auto ok = s->run(what); !ok)
        return ok;
    stale->bind(1, std::int64_t(facts.id));
    if (auto ok = stale->run(what); !ok)
        return ok;
    return tx->commit();
}

Result<std::optional<classify::Classification>> ClassificationStore::find(CustomerId id)
{
    sqlite3 *db = m_db.handle();
    auto s = Statement::prepare(
        db,
        "SELECT customer_id, last_order, frequency, monetary, r, f, m, value_tier, freq_tier, loyalty, "
        "lifecycle, engagement, segment, matrix, grade, grade_suggested, demote_to, due_date, reason_kind, "
        "reason_date, reason_cadence, priority, dynamic_tags, (SELECT as_of FROM classification_runs ORDER "
        "BY id DESC LIMIT 1), value_rank FROM classification WHERE customer_id = ?1");
    if (!s)
        return std::unexpected(s.error());
    s->bind(1, std::int64_t(id));
    const int rc = s->step();
    if (rc == SQLITE_DONE)
        return std::optional<classify::Classification>();
    if (rc != SQLITE_ROW)
        return std::unexpected(sqliteError(db, rc, {}));
    classify::Classification c;
    auto optInt = [&](int col) {
        return s->isNull(col) ? std::nullopt : std::optional<int>(s->integer(col));
    };
    c.id = s->int64(0);
    const QDate lastOrder = s->date(1);
    const QDate asOf = s->date(23);
    if (lastOrder.isValid() && asOf.isValid())
        c.recencyDays = int(lastOrder.daysTo(asOf));
    c.frequency = s->integer(2);
    c.monetary = s->int64(3);
    c.r = optInt(4);
    c.f = optInt(5);
    c.m = optInt(6);
    c.valueTier = schema::fromStored<ValueTier>(s->bytes(7)).value_or(ValueTier::D);
    c.freqTier = schema::fromStored<Level>(s->bytes(8));
    c.loyalty = schema::fromStored<Level>(s->bytes(9));
    c.lifecycle = schema::fromStored<Lifecycle>(s->bytes(10)).value_or(Lifecycle::Prospect);
    c.engagement = schema::fromStored<Engagement>(s->bytes(11)).value_or(Engagement::Silent);
    c.segment = schema::fromStored<Segment>(s->bytes(12));
    c.matrix = schema::fromStored<Matrix>(s->bytes(13));
    c.grade = schema::fromStored<Grade>(s->bytes(14));
    c.gradeSuggested = s->integer(15) != 0;
    c.demoteTo = schema::fromStored<Grade>(s->bytes(16));
    c.due = s->date(17);
    c.reason = schema::storedReason(s->bytes(18), s->date(19), s->integer(20), c.grade, c.valueTier,
                                    c.lifecycle != Lifecycle::Prospect);
    c.priorityClass = s->integer(21);
    const QString tags = s->text(22);
    if (!tags.isEmpty())
        c.dynamicTags = tags.split(u';');
    const std::optional<std::int64_t> storedRank = s->optionalInt(24);
    s = {};
    if (storedRank) {
        c.valueRank = int(*storedRank);
        return std::optional<classify::Classification>(std::move(c));
    }
    // The rank by spend among the customers who spent (spec §4): one more than those who spent
    // more. They are the customers of the better tiers (a tie shares the rank, so the tier too)
    // and those of this tier with more spend: one pass over the table (it has no index by tier
    // any more), about a tenth of a second at a million customers.
    if (c.monetary > 0) {
        auto rank = Statement::prepare(db, "SELECT count(*) FROM classification WHERE value_tier < ?2 OR "
                                           "(value_tier = ?2 AND monetary > ?1)");
        if (!rank)
            return std::unexpected(rank.error());
        rank->bind(1, std::int64_t(c.monetary));
        rank->bindStatic(2, schema::storedText(c.valueTier));
        if (const int rrc = rank->step(); rrc != SQLITE_ROW)
            return std::unexpected(sqliteError(db, rrc, {}));
        c.valueRank = int(rank->int64(0)) + 1;
    }
    return std::optional<classify::Classification>(std::move(c));
}

namespace {

template<typename E>
std::int8_t storedCode(QByteArrayView text)
{
    const std::optional<E> v = schema::fromStored<E>(text);
    return v ? std::int8_t(*v) : std::int8_t(-1);
}

template<typename E>
std::optional<E> fromCode(std::int8_t code)
{
    return code < 0 ? std::nullopt : std::optional<E>(E(code));
}

QDate fromDay(std::int32_t jd)
{
    return jd > 0 ? QDate::fromJulianDay(jd) : QDate();
}

std::int32_t toDay(QDate d)
{
    return d.isValid() ? std::int32_t(d.toJulianDay()) : 0;
}

} // namespace

void StoredQueue::fill(std::size_t i, CustomerRow &out) const
{
    m_contacts.fill(i, out);
    fillColumns(i, out);
}

void StoredQueue::fillColumns(std::size_t i, CustomerRow &out) const
{
    const Entry &e = m_entries[i];
    out.id = e.id;
    out.tier = fromCode<ValueTier>(e.tier);
    out.segment = fromCode<Segment>(e.segment);
    out.lifecycle = fromCode<Lifecycle>(e.lifecycle);
    out.loyalty.reset(); // not read: a call list does not show it
    out.grade = fromCode<Grade>(e.grade);
    out.gradeSuggested = e.gradeSuggested;
    out.demoteTo = fromCode<Grade>(e.demoteTo);
    out.lastContact = fromDay(e.lastContact);
    out.lastOutcome = fromCode<Outcome>(e.lastOutcome);
    out.due = fromDay(e.due);
    // As CustomerQuery's rows rebuild it (readRow()).
    out.reason = schema::storedReason(schema::reasonKindText(classify::DueReason::Kind(e.reasonKind)),
                                      fromDay(e.reasonDate), e.reasonCadence, out.grade, out.tier,
                                      out.lifecycle && *out.lifecycle != Lifecycle::Prospect);
    out.archived = false;
}

Result<std::optional<StoredQueue>> ClassificationStore::currentQueue(QDate day)
{
    sqlite3 *db = m_db.handle();
    if (!day.isValid() || m_db.schemaVersion() < 3)
        return std::optional<StoredQueue>();
    // One snapshot for the check and every row read after it.
    ReadTransaction read(db);
    {
        auto s =
            Statement::prepare(db, "SELECT r.as_of, r.generation, g.generation FROM classification_runs r, "
                                   "data_generation g WHERE g.id = 1 ORDER BY r.id DESC LIMIT 1");
        if (!s)
            return std::unexpected(s.error());
        const int rc = s->step();
        if (rc == SQLITE_DONE)
            return std::optional<StoredQueue>();
        if (rc != SQLITE_ROW)
            return std::unexpected(sqliteError(db, rc, {}));
        if (s->date(0) != day || s->isNull(1) || s->int64(1) != s->int64(2))
            return std::optional<StoredQueue>();
    }

    auto queue = readQueue(day, QString());
    if (!queue)
        return std::unexpected(queue.error());
    return std::optional<StoredQueue>(std::move(*queue));
}

Result<StoredQueue> ClassificationStore::storedQueue(QDate day, const QString &owner)
{
    if (!day.isValid())
        return StoredQueue();
    ReadTransaction read(m_db.handle());
    return readQueue(day, owner);
}

namespace {

/// From this many customers on, a helper thread reads a queue's contact texts (a thread and a
/// connection cost a millisecond or two).
constexpr std::int64_t kHelperRows = 2048;

/// The place of a row in the queue (spec §10): priority class, due date (the days overdue,
/// descending), spend descending, id.
struct QueueKey {
    std::int64_t priority = 0;
    std::int64_t monetary = 0;
    std::int32_t due = 0;  ///< Julian day
    std::uint32_t row = 0; ///< in id order: the id's place among the rows
};

bool operator<(const QueueKey &a, const QueueKey &b)
{
    if (a.priority != b.priority)
        return a.priority < b.priority;
    if (a.due != b.due)
        return a.due < b.due;
    if (a.monetary != b.monetary)
        return a.monetary > b.monetary;
    return a.row < b.row;
}

} // namespace

Result<StoredQueue> ClassificationStore::readQueue(QDate day, const QString &owner)
{
    sqlite3 *db = m_db.handle();
    SmallPageCache smallCache(db);
    // Whose customers, when the list is one owner's: their ids from customers_by_owner, in order.
    std::optional<std::vector<CustomerId>> owned;
    if (!owner.isEmpty()) {
        auto s = Statement::prepare(
            db, "SELECT id FROM customers WHERE archived IN (0, 1) AND owner = ?1 ORDER BY id");
        if (!s)
            return std::unexpected(s.error());
        s->bindText(1, owner);
        owned.emplace();
        int rc;
        while ((rc = s->step()) == SQLITE_ROW)
            owned->push_back(s->int64(0));
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(db, rc, {}));
    }
    const auto isOwned = [&](CustomerId id) {
        return !owned || std::binary_search(owned->begin(), owned->end(), id);
    };
    // About how many customers there are (ids are given in turn): memory for the rows is reserved
    // for that many, which costs nothing until they are written (up to 4 M; beyond, or with ids
    // far apart, the arrays grow as they are filled).
    std::int64_t customers = 0;
    {
        auto s = Statement::prepare(db, "SELECT max(id) FROM customers");
        if (!s)
            return std::unexpected(s.error());
        if (const int rc = s->step(); rc != SQLITE_ROW)
            return std::unexpected(sqliteError(db, rc, {}));
        customers = std::clamp<std::int64_t>(s->int64(0), 0, std::int64_t(1) << 22);
        if (owned)
            customers = std::int64_t(owned->size());
    }

    // The contact texts of the queue's customers, from the customers table in id order (each
    // one's classification row looked up by its key for the queue's filter: the same rows as the
    // pass below, which the helper cannot wait for). On a database file, in a helper thread on a
    // connection of its own while this one reads the classification: each of the two passes
    // reads a whole table, and each took a third of the export at a million customers. The
    // helper's snapshot must hold what this transaction sees (the same write count); when it does
    // not, or it fails, the contacts of the queue are read here after all.
    std::vector<CustomerId> helperIds;
    std::optional<Result<ContactBook>> helperContacts;
    // The memory of the rows in the queue's order, faulted in by the helper once it is done with
    // the contacts, while this thread still reads (see below).
    std::vector<StoredQueue::Entry> prepared;
    std::jthread helper; // joined when it goes out of scope, an error return too
    {
        auto generation = m_db.writeGeneration();
        if (!generation)
            return std::unexpected(generation.error());
        const QString path = m_db.path();
        if (*generation && customers >= kHelperRows && !path.isEmpty() && path != u":memory:") {
            helper = std::jthread(
                [&helperContacts, &helperIds, &prepared, path, owner, day, customers, seen = **generation] {
                    HelperConnection connection(path);
                    if (!connection.get())
                        return;
                    ReadTransaction read(connection.get());
                    {
                        auto s = Statement::prepare(connection.get(),
                                                    "SELECT generation FROM data_generation WHERE id = 1");
                        if (!s || s->step() != SQLITE_ROW || s->int64(0) != seen)
                            return;
                    }
                    helperContacts = ContactQuery::fetchAllPacked(connection.get(), owner, day,
                                                                  std::size_t(customers), helperIds);
                    // As many as the customers it read: the queue's rows.
                    assignOnHugePages(prepared, helperIds.size());
                });
        }
    }

    // The rows of the queue, from the table in storage (id) order, and their places in the queue:
    // the order from the queue's index (dropped since, see retiredClassificationIndexes()) was a
    // pass of its own, alone on the first core while the helper waited for its ids (a fifth of the
    // reading at a million customers).
    // Looked up row by row in queue order they would cost a random page read each (9 s for
    // 771,064 rows at a million customers, against 0.3 s for the whole table in order).
    std::vector<StoredQueue::Entry> entries; // in id order
    std::vector<QueueKey> keys;              // of entries
    // A row whose place cannot be worked out as the index orders it (a due date that is not one,
    // priority or spend that are not integers: never written so): the index gives the order.
    bool orderFromIndex = false;
    {
        const auto expected = std::size_t(customers);
        entries.reserve(expected);
        adviseHugePages(entries.data(), expected * sizeof(StoredQueue::Entry));
        keys.reserve(expected);
        adviseHugePages(keys.data(), expected * sizeof(QueueKey));
        auto s = Statement::prepare(
            db, "SELECT customer_id, grade, grade_suggested, demote_to, value_tier, lifecycle, segment, "
                "last_contact, last_outcome, due_date, reason_kind, reason_date, reason_cadence, priority, "
                "monetary FROM classification NOT INDEXED WHERE archived = 0 AND due_date <= ?1 ORDER BY "
                "customer_id");
        if (!s)
            return std::unexpected(s.error());
        s->bindDate(1, day);
        int rc;
        while ((rc = s->step()) == SQLITE_ROW) {
            const CustomerId id = s->int64(0);
            if (!isOwned(id))
                continue;
            StoredQueue::Entry &e = entries.emplace_back();
            e.id = id;
            e.grade = storedCode<Grade>(s->bytes(1));
            e.gradeSuggested = s->integer(2) != 0;
            e.demoteTo = storedCode<Grade>(s->bytes(3));
            e.tier = storedCode<ValueTier>(s->bytes(4));
            e.lifecycle = storedCode<Lifecycle>(s->bytes(5));
            e.segment = storedCode<Segment>(s->bytes(6));
            e.lastContact = toDay(s->date(7));
            e.lastOutcome = storedCode<Outcome>(s->bytes(8));
            e.due = toDay(s->date(9));
            const auto kind = schema::reasonKindFromText(s->bytes(10));
            e.reasonKind = std::int8_t(kind.value_or(classify::DueReason::Kind::NeverContacted));
            e.reasonDate = toDay(s->date(11));
            e.reasonCadence = s->integer(12);
            // ISO dates sort as text, and as their days when they are dates (parseIsoDate()
            // takes exactly YYYY-MM-DD).
            if (e.due == 0 || sqlite3_column_type(s->get(), 13) != SQLITE_INTEGER ||
                sqlite3_column_type(s->get(), 14) != SQLITE_INTEGER)
                orderFromIndex = true;
            keys.push_back({s->int64(13), s->int64(14), e.due, std::uint32_t(entries.size() - 1)});
        }
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(db, rc, {}));
    }
    if (entries.size() > std::numeric_limits<std::uint32_t>::max())
        return std::unexpected(sqliteError(db, SQLITE_TOOBIG, {}));

    // The queue's order (order[i]: the row of entries that is the queue's i-th): one sort of the
    // keys, or the index's.
    // The ids of entries, for the contacts: taken from the rows once the keys are freed (not
    // beside them at the peak of the reading), or before the index's order, which looks rows up.
    std::vector<CustomerId> ids;
    const auto takeIds = [&] {
        assignOnHugePages(ids, entries.size());
        for (std::size_t k = 0; k < entries.size(); ++k)
            ids[k] = entries[k].id;
    };
    std::vector<std::uint32_t> order;
    assignOnHugePages(order, entries.size());
    if (!orderFromIndex && keys.size() < std::size_t(kHelperRows)) {
        std::sort(keys.begin(), keys.end());
        for (std::size_t i = 0; i < keys.size(); ++i)
            order[i] = keys[i].row;
    } else if (!orderFromIndex) {
        // Each half sorted on a core of its own (one sort was 0.15 s at a million customers,
        // with the second core idle), then merged into the order. No two keys are equal.
        const auto mid = keys.begin() + std::ptrdiff_t(keys.size() / 2);
        {
            std::jthread upper([&] { std::sort(mid, keys.end()); });
            std::sort(keys.begin(), mid);
        }
        auto a = keys.cbegin(), b = std::as_const(keys).begin() + (mid - keys.begin());
        const auto aEnd = b, bEnd = keys.cend();
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = (b == bEnd || (a != aEnd && *a < *b)) ? (a++)->row : (b++)->row;
    } else {
        // The index ends in the rowid, so ties go by id as the spec says.
        takeIds();
        auto s = Statement::prepare(db, "SELECT customer_id FROM classification WHERE archived = 0 AND "
                                        "due_date <= ?1 ORDER BY priority, due_date, monetary DESC, "
                                        "customer_id");
        if (!s)
            return std::unexpected(s.error());
        s->bindDate(1, day);
        std::size_t k = 0;
        int rc;
        while ((rc = s->step()) == SQLITE_ROW) {
            const CustomerId id = s->int64(0);
            if (!isOwned(id))
                continue;
            const auto at = std::lower_bound(ids.begin(), ids.end(), id);
            if (k >= ids.size() || at == ids.end() || *at != id)
                return std::unexpected(sqliteError(db, SQLITE_CORRUPT, {})); // the index disagrees
            order[k++] = std::uint32_t(at - ids.begin());
        }
        if (rc != SQLITE_DONE)
            return std::unexpected(sqliteError(db, rc, {}));
        if (k != ids.size())
            return std::unexpected(sqliteError(db, SQLITE_CORRUPT, {}));
    }
    keys = {};
    if (ids.size() != entries.size())
        takeIds();

    if (helper.joinable())
        helper.join();
    StoredQueue out;
    if (helperContacts && *helperContacts) {
        out.m_contacts = std::move(**helperContacts);
        out.m_contacts.keepRows(helperIds, ids);
        helperIds = {};
    } else {
        auto contacts = ContactQuery(m_db).fetchPacked(ids);
        if (!contacts)
            return std::unexpected(contacts.error());
        out.m_contacts = std::move(*contacts);
    }
    // A classification row has its customer (ON DELETE CASCADE): every contact is found.
    for (std::size_t k = 0; k < ids.size(); ++k) {
        if (!out.m_contacts.found(k))
            return std::unexpected(sqliteError(db, SQLITE_CORRUPT, {}));
    }
    ids = {};
    // The rows and their contacts' offsets in the queue's order, as they are written. Taken
    // through the order, each missed the cache (the writing took twice as long, prefetched or
    // not); moved in place, cycle by cycle, they were one chain of cache misses (0.1 s at a
    // million customers). Gathered, the reads do not wait for each other, for 25 MB more
    // while both copies are held.
    out.m_contacts.reorder(order);
    if (prepared.size() >= order.size()) {
        prepared.resize(order.size());
        out.m_entries = std::move(prepared);
    } else {
        assignOnHugePages(out.m_entries, order.size());
    }
    for (std::size_t i = 0; i < order.size(); ++i)
        out.m_entries[i] = entries[order[i]];
    return out;
}

Result<std::optional<ClassificationRunInfo>> ClassificationStore::lastRun()
{
    auto s = Statement::prepare(
        m_db.handle(), "SELECT as_of, finished_at, customers, duration_ms, buyers, spenders, tier_a_cutoff, "
                       "tier_b_cutoff FROM classification_runs ORDER BY id DESC LIMIT 1");
    if (!s)
        return std::unexpected(s.error());
    if (s->step() != SQLITE_ROW)
        return std::optional<ClassificationRunInfo>();
    ClassificationRunInfo info;
    info.asOf = s->date(0);
    info.finishedAt = parseIsoDateTime(s->bytes(1));
    info.customers = s->int64(2);
    info.durationMs = s->int64(3);
    info.buyers = s->int64(4);
    info.spenders = s->int64(5);
    info.tierACutoff = s->int64(6);
    info.tierBCutoff = s->int64(7);
    return std::optional<ClassificationRunInfo>(info);
}

} // namespace tierdesk::store
