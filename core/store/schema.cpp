#include "schema.h"

#include <array>

namespace tierdesk::store::schema {
namespace {

// The secondary indexes of the tables an import fills. Named so that the migration and the bulk
// import (which drops them on an empty database and creates them again after the rows are in)
// use the very same statements.
// Version 1's customers_phone_key and customers_owner: dropped by version 5.
constexpr char kCustomersPhoneKey[] =
    "CREATE INDEX customers_phone_key ON customers (phone_key) WHERE phone_key IS NOT NULL";
constexpr char kCustomersEmailKey[] =
    "CREATE INDEX customers_email_key ON customers (email_key) WHERE email_key IS NOT NULL";
constexpr char kCustomersOwner[] = "CREATE INDEX customers_owner ON customers (owner)";
// The customer list's default order (by name, customers not archived): a page anywhere in the
// list is a walk of this index alone.
constexpr char kCustomersByName[] = "CREATE INDEX customers_by_name ON customers (archived, name)";
// The list's other orders by a customer column: company, phone, owner. The last two also find a
// customer by phone key or owner (`archived IN (0, 1)` in front).
constexpr char kCustomersByCompany[] = "CREATE INDEX customers_by_company ON customers (archived, company)";
constexpr char kCustomersByPhone[] = "CREATE INDEX customers_by_phone ON customers (archived, phone_key)";
constexpr char kCustomersByOwner[] = "CREATE INDEX customers_by_owner ON customers (archived, owner)";
// A customer's orders and calls (the card's timeline, the one-customer metrics, merges, and the
// foreign key check when a customer is deleted). The full metrics pass reads the tables in storage
// order instead, so these stay narrow: a wide covering index cost more to build on import (one
// sort of every row) than it saved.
constexpr char kOrdersByCustomer[] = "CREATE INDEX orders_by_customer ON orders (customer_id)";
constexpr char kCallsByCustomer[] = "CREATE INDEX calls_by_customer ON calls (customer_id)";
constexpr char kCustomerTagsByTag[] =
    "CREATE INDEX customer_tags_by_tag ON customer_tags (tag_id, customer_id)";

// The indexes of the classification table of version 1. A day's run rewrote some 58,000 rows
// spread over every page of each of them: two thirds of its time at a million customers. The
// lists now sort by a classification column in memory (store/customerquery.cpp), the queue and
// the charts read the table in storage order, and a run that writes drops these first
// (retiredClassificationIndexes()).
constexpr char kClassificationQueue[] =
    "CREATE INDEX classification_queue ON classification (archived, priority, due_date, monetary DESC)";
constexpr char kClassificationByDue[] =
    "CREATE INDEX classification_by_due ON classification (archived, due_date)";
constexpr char kClassificationByTier[] =
    "CREATE INDEX classification_by_tier ON classification (archived, value_tier, monetary DESC)";
constexpr char kClassificationBySegment[] =
    "CREATE INDEX classification_by_segment ON classification (archived, segment)";
constexpr char kClassificationByLifecycle[] =
    "CREATE INDEX classification_by_lifecycle ON classification (archived, lifecycle)";
constexpr char kClassificationByLoyalty[] =
    "CREATE INDEX classification_by_loyalty ON classification (archived, loyalty)";
constexpr char kClassificationByGrade[] =
    "CREATE INDEX classification_by_grade ON classification (archived, grade)";
constexpr char kClassificationByContact[] =
    "CREATE INDEX classification_by_contact ON classification (archived, last_contact)";
constexpr char kClassificationByMonetary[] =
    "CREATE INDEX classification_by_monetary ON classification (archived, monetary)";

constexpr std::array kRetiredClassificationIndexes{
    "classification_queue",      "classification_by_due",       "classification_by_tier",
    "classification_by_segment", "classification_by_lifecycle", "classification_by_loyalty",
    "classification_by_grade",   "classification_by_contact",   "classification_by_monetary",
};

// The one index of the classification table now: the archived customers, for the counts of
// everyone classified and not archived. Partial, so that a day's run writes entries only for
// the few archived customers among the rows it changes, and so that no query on
// `archived = 0` (nearly every row) is drawn to it instead of reading the table. Created by
// the first run that writes (IF NOT EXISTS).
constexpr char kClassificationArchived[] =
    "CREATE INDEX IF NOT EXISTS classification_archived ON classification (customer_id) WHERE archived = 1";

constexpr std::array kClassificationIndexes{
    Index{"classification_archived", kClassificationArchived},
};

// What keeps the customers' history digests (version 4) from going stale. The digests hold the
// rows up to customer_history_state.orders_upto and calls_upto (row ids); the pass reads the rows
// after those from the tables' ends. So a new row (a logged call, a new order) lists nothing; any
// write to a row the digests hold, by any program, lists its customer (both, when it moves to
// another one). A bulk import into an empty database drops them for its transaction and empties
// the digests.
constexpr char kOrdersHistoryInsert[] =
    "CREATE TRIGGER orders_history_insert AFTER INSERT ON orders"
    " WHEN new.id <= (SELECT orders_upto FROM customer_history_state) BEGIN"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (new.customer_id);"
    " END";
constexpr char kOrdersHistoryDelete[] =
    "CREATE TRIGGER orders_history_delete AFTER DELETE ON orders"
    " WHEN old.id <= (SELECT orders_upto FROM customer_history_state) BEGIN"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (old.customer_id);"
    " END";
constexpr char kOrdersHistoryUpdate[] =
    "CREATE TRIGGER orders_history_update AFTER UPDATE OF id, customer_id, ordered_at, amount ON orders"
    " WHEN min(old.id, new.id) <= (SELECT orders_upto FROM customer_history_state) BEGIN"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (old.customer_id);"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (new.customer_id);"
    " END";
constexpr char kCallsHistoryInsert[] =
    "CREATE TRIGGER calls_history_insert AFTER INSERT ON calls"
    " WHEN new.id <= (SELECT calls_upto FROM customer_history_state) BEGIN"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (new.customer_id);"
    " END";
constexpr char kCallsHistoryDelete[] =
    "CREATE TRIGGER calls_history_delete AFTER DELETE ON calls"
    " WHEN old.id <= (SELECT calls_upto FROM customer_history_state) BEGIN"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (old.customer_id);"
    " END";
constexpr char kCallsHistoryUpdate[] =
    "CREATE TRIGGER calls_history_update AFTER UPDATE OF id, customer_id, called_at, outcome, next_follow_up"
    " ON calls WHEN min(old.id, new.id) <= (SELECT calls_upto FROM customer_history_state) BEGIN"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (old.customer_id);"
    " INSERT OR IGNORE INTO customer_history_dirty (customer_id) VALUES (new.customer_id);"
    " END";

constexpr std::array kHistoryTriggers{
    Index{"orders_history_insert", kOrdersHistoryInsert},
    Index{"orders_history_delete", kOrdersHistoryDelete},
    Index{"orders_history_update", kOrdersHistoryUpdate},
    Index{"calls_history_insert", kCallsHistoryInsert},
    Index{"calls_history_delete", kCallsHistoryDelete},
    Index{"calls_history_update", kCallsHistoryUpdate},
};

constexpr std::array kImportIndexes{
    Index{"customers_email_key", kCustomersEmailKey},   Index{"customers_by_name", kCustomersByName},
    Index{"customers_by_company", kCustomersByCompany}, Index{"customers_by_phone", kCustomersByPhone},
    Index{"customers_by_owner", kCustomersByOwner},     Index{"orders_by_customer", kOrdersByCustomer},
    Index{"calls_by_customer", kCallsByCustomer},       Index{"customer_tags_by_tag", kCustomerTagsByTag},
};

// The list's order by company. At a million customers on two cores the import without it took
// 12.50 s against 12.84 s at the median (five rounds, 2026-11-25); built alone it takes 0.6 s, and
// the first page of that order 1 s without it.
constexpr std::array kDeferredIndexes{Index{"customers_by_company", kCustomersByCompany}};

// Version 1: customers, orders, calls, tags, settings, and the classification results.
// Dates are ISO-8601 text (YYYY-MM-DD; calls YYYY-MM-DDTHH:MM:SS local time) so that they sort
// and compare as text; money is integer cents. Enumerations are checked with `x = 'a' OR x = 'b'`
// rather than `x IN ('a', 'b')`: SQLite builds an ephemeral table for an IN list each time an
// INSERT runs, which made a row-by-row import several times slower. Orders and calls never cascade: deleting
// a customer who still has them fails, so history cannot vanish by accident (merge moves it).
constexpr std::array kVersion1{
    "CREATE TABLE customers ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " company TEXT,"
    " type TEXT CHECK (type = 'individual' OR type = 'enterprise' OR type = 'government'"
    " OR type = 'channel'),"
    " phone TEXT,"
    " email TEXT,"
    " city TEXT,"
    " owner TEXT,"
    " created_at TEXT NOT NULL,"
    " grade TEXT CHECK (grade = 'S' OR grade = 'A' OR grade = 'B' OR grade = 'C' OR grade = 'D'),"
    " grade_set_at TEXT,"
    " man_money INTEGER CHECK (man_money = 0 OR man_money = 1),"
    " man_authority INTEGER CHECK (man_authority = 0 OR man_authority = 1),"
    " man_need INTEGER CHECK (man_need = 0 OR man_need = 1),"
    " archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),"
    " phone_key TEXT,"
    " email_key TEXT)",
    kCustomersPhoneKey,
    kCustomersEmailKey,
    kCustomersOwner,
    kCustomersByName,
    kCustomersByCompany,
    kCustomersByPhone,
    kCustomersByOwner,
    "CREATE TABLE orders ("
    " id INTEGER PRIMARY KEY,"
    " customer_id INTEGER NOT NULL REFERENCES customers (id),"
    " ordered_at TEXT NOT NULL,"
    " amount INTEGER NOT NULL,"
    " profit INTEGER,"
    " note TEXT)",
    kOrdersByCustomer,
    "CREATE TABLE calls ("
    " id INTEGER PRIMARY KEY,"
    " customer_id INTEGER NOT NULL REFERENCES customers (id),"
    " called_at TEXT NOT NULL,"
    " direction TEXT NOT NULL CHECK (direction = 'out' OR direction = 'in'),"
    " outcome TEXT NOT NULL CHECK (outcome = 'reached' OR outcome = 'no_answer' OR outcome = 'voicemail'"
    " OR outcome = 'busy' OR outcome = 'wrong_number'),"
    " duration_s INTEGER CHECK (duration_s >= 0),"
    " next_follow_up TEXT,"
    " note TEXT)",
    kCallsByCustomer,
    "CREATE TABLE tags ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE)",
    "CREATE TABLE customer_tags ("
    " customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " tag_id INTEGER NOT NULL REFERENCES tags (id),"
    " PRIMARY KEY (customer_id, position)) WITHOUT ROWID",
    kCustomerTagsByTag,
    "CREATE TABLE settings ("
    " key TEXT PRIMARY KEY,"
    " value TEXT NOT NULL) WITHOUT ROWID",
    // The results of the latest classification, one row per customer classified. A full run
    // rewrites only the rows that changed (classification_digests): the recency and the rank
    // by spend change for nearly everyone every day, so they are not stored but worked out on
    // read from last_order and the latest run's as-of day, and from monetary. `archived` repeats
    // customers.archived (kept in step by a trigger) so that the queue and the sorted lists
    // filter and order from one index.
    "CREATE TABLE classification ("
    " customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
    " archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),"
    " last_order TEXT,"
    " frequency INTEGER NOT NULL,"
    " monetary INTEGER NOT NULL,"
    " r INTEGER, f INTEGER, m INTEGER,"
    " value_tier TEXT NOT NULL,"
    " freq_tier TEXT,"
    " loyalty TEXT,"
    " lifecycle TEXT NOT NULL,"
    " engagement TEXT NOT NULL,"
    " segment TEXT,"
    " matrix TEXT,"
    " grade TEXT,"
    " grade_suggested INTEGER NOT NULL DEFAULT 0,"
    " demote_to TEXT,"
    " due_date TEXT,"
    " last_contact TEXT,"
    " last_outcome TEXT,"
    " reason_kind TEXT NOT NULL,"
    " reason_date TEXT,"
    " reason_cadence INTEGER,"
    " priority INTEGER NOT NULL,"
    " dynamic_tags TEXT,"
    // NULL: the rank by spend is worked out on read; stored only where a writer gave another.
    " value_rank INTEGER)",
    // Today's calls: the queue's order, and its counts (due on or before a day). These nine are
    // dropped by the first run that writes (retiredClassificationIndexes()).
    kClassificationQueue,
    kClassificationByDue,
    // The value tier column and the pyramid (count and spend per tier).
    kClassificationByTier,
    kClassificationBySegment,
    kClassificationByLifecycle,
    kClassificationByLoyalty,
    kClassificationByGrade,
    kClassificationByContact,
    kClassificationByMonetary,
    // A fingerprint of each stored row: a full run compares and writes only what changed. Zero
    // marks a row changed since (a logged call, an archived customer): the next run rewrites it.
    "CREATE TABLE classification_digests ("
    " customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
    " digest INTEGER NOT NULL)",
    "CREATE TRIGGER customers_archived AFTER UPDATE OF archived ON customers"
    " WHEN new.archived IS NOT old.archived BEGIN"
    " UPDATE classification SET archived = new.archived WHERE customer_id = new.id;"
    " UPDATE classification_digests SET digest = 0 WHERE customer_id = new.id;"
    " END",
    // Search as you type: name, company, phone (as written and as digits) and e-mail of each
    // customer in one trigram index (rowid = customer id), kept in step by the repositories.
    "CREATE VIRTUAL TABLE customer_search USING fts5 (text, tokenize = 'trigram')",
    // The tiers at the end of each month, for the migration chart ("B → A since last month").
    "CREATE TABLE tier_snapshots ("
    " month TEXT NOT NULL,"
    " customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
    " value_tier TEXT NOT NULL,"
    " lifecycle TEXT NOT NULL,"
    " PRIMARY KEY (month, customer_id)) WITHOUT ROWID",
    "CREATE TABLE classification_runs ("
    " id INTEGER PRIMARY KEY,"
    " as_of TEXT NOT NULL,"
    " finished_at TEXT NOT NULL,"
    " customers INTEGER NOT NULL,"
    " buyers INTEGER NOT NULL,"
    " spenders INTEGER NOT NULL,"
    " tier_a_cutoff INTEGER NOT NULL,"
    " tier_b_cutoff INTEGER NOT NULL,"
    " duration_ms INTEGER NOT NULL)",
    // Customer imports, each undoable as a whole: what every imported row created or changed,
    // with the customer as it was before (JSON), kept until the batch is undone.
    "CREATE TABLE import_batches ("
    " id INTEGER PRIMARY KEY,"
    " source TEXT NOT NULL,"
    " imported_at TEXT NOT NULL,"
    " created INTEGER NOT NULL DEFAULT 0,"
    " updated INTEGER NOT NULL DEFAULT 0,"
    " skipped INTEGER NOT NULL DEFAULT 0,"
    " rejected INTEGER NOT NULL DEFAULT 0,"
    " undone_at TEXT)",
    "CREATE TABLE import_changes ("
    " batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
    " customer_id INTEGER NOT NULL,"
    " before TEXT," // NULL: created by the import
    " PRIMARY KEY (batch_id, customer_id)) WITHOUT ROWID",
};

// Version 2: order and call imports join the undo log. A batch says what it imported; the
// orders and calls it created are listed by id, so that undo deletes exactly those.
constexpr std::array kVersion2{
    "ALTER TABLE import_batches ADD COLUMN kind TEXT NOT NULL DEFAULT 'customers'"
    " CHECK (kind = 'customers' OR kind = 'orders' OR kind = 'calls')",
    "CREATE TABLE import_records ("
    " batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
    " record_id INTEGER NOT NULL,"
    " PRIMARY KEY (batch_id, record_id)) WITHOUT ROWID",
};

// Version 3: a counter of committed writes, so that a reader can tell whether the stored
// classification is still the one a fresh run would give. Every write transaction
// (Database::beginWrite) adds one; a full run records the count it saw with its facts.
constexpr std::array kVersion3{
    "CREATE TABLE data_generation ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " generation INTEGER NOT NULL)",
    "INSERT INTO data_generation (id, generation) VALUES (1, 0)",
    // NULL: the run does not know what it saw (written before version 3, or a write came in
    // between its facts and its results); it is never taken as current.
    "ALTER TABLE classification_runs ADD COLUMN generation INTEGER",
};

// Version 4: each customer's history of orders and calls, packed for the full metrics pass
// (store/metricsscan.cpp), so that a classification reads a million narrow rows in id order
// instead of 11 million orders and calls in the order they were entered. The digests are built by
// the first classification that finds `customer_history_state.built` = 0 (a new or upgraded file,
// or after a bulk import, which empties them). Rows added since are read from the tables' ends;
// the triggers below list in `customer_history_dirty` every customer whose rows in the digests
// changed since; the pass rebuilds those before it uses the digests.
constexpr std::array kVersion4{
    "CREATE TABLE customer_history ("
    " customer_id INTEGER PRIMARY KEY,"
    " orders BLOB,"
    " calls BLOB)",
    "CREATE TABLE customer_history_dirty ("
    " customer_id INTEGER PRIMARY KEY)",
    // built = 0: never built (or emptied by a bulk import); the digests hold the orders and calls
    // up to these row ids.
    "CREATE TABLE customer_history_state ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " built INTEGER NOT NULL,"
    " orders_upto INTEGER NOT NULL,"
    " calls_upto INTEGER NOT NULL)",
    "INSERT INTO customer_history_state (id, built, orders_upto, calls_upto) VALUES (1, 0, 0, 0)",
    kOrdersHistoryInsert,
    kOrdersHistoryDelete,
    kOrdersHistoryUpdate,
    kCallsHistoryInsert,
    kCallsHistoryDelete,
    kCallsHistoryUpdate,
};

// Version 5: two indexes of version 1 repeated others without `archived` in front, and each
// cost a sort of every customer on a bulk import (0.4-0.5 s at a million) and an entry on
// every write. A lookup by owner or by phone key now says `archived IN (0, 1)` (two seeks into
// customers_by_owner or customers_by_phone), or `archived = 0` where it leaves the archived out.
// Dropping them frees their pages (about 1,100 of 16 KiB each at a million customers).
constexpr std::array kVersion5{
    "DROP INDEX IF EXISTS customers_owner",
    "DROP INDEX IF EXISTS customers_phone_key",
};

// Version 6: the search texts of a big import into an empty database wait here, instead of in
// the trigram index, until it is built from them in the background (see searchindex.h): their
// tokenizing was a third of the import's CPU. While a row is here, every text is: the index is
// empty, and each later write of a text comes here too, with the value of the counter of such
// writes (`changed`), so that the build can index again what was written after it read the
// texts. A NULL text is a customer taken out meanwhile.
constexpr std::array kVersion6{
    "CREATE TABLE customer_search_pending ("
    " id INTEGER PRIMARY KEY,"
    " text TEXT,"
    " changed INTEGER NOT NULL)",
    "CREATE TABLE customer_search_pending_state ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " changes INTEGER NOT NULL)",
    "INSERT INTO customer_search_pending_state (id, changes) VALUES (1, 0)",
};

} // namespace

std::span<const char *const> migration(int version)
{
    switch (version) {
    case 1:
        return kVersion1;
    case 2:
        return kVersion2;
    case 3:
        return kVersion3;
    case 4:
        return kVersion4;
    case 5:
        return kVersion5;
    case 6:
        return kVersion6;
    default:
        return {};
    }
}

int latestVersion()
{
    return 6;
}

std::span<const Index> importIndexes()
{
    return kImportIndexes;
}

std::span<const Index> deferredIndexes()
{
    return kDeferredIndexes;
}

std::span<const Index> classificationIndexes()
{
    return kClassificationIndexes;
}

std::span<const char *const> retiredClassificationIndexes()
{
    return kRetiredClassificationIndexes;
}

std::span<const Index> historyTriggers()
{
    return kHistoryTriggers;
}

namespace {

constexpr std::array<const char *, 4> kCustomerTypeText{"individual", "enterprise", "government", "channel"};
constexpr std::array<const char *, 5> kGradeText{"S", "A", "B", "C", "D"};
constexpr std::array<const char *, 2> kDirectionText{"out", "in"};
constexpr std::array<const char *, 5> kOutcomeText{"reached", "no_answer", "voicemail", "busy",
                                                   "wrong_number"};
constexpr std::array<const char *, 4> kValueTierText{"A", "B", "C", "D"};
constexpr std::array<const char *, 3> kLevelText{"high", "mid", "low"};
constexpr std::array<const char *, 6> kLifecycleText{"prospect", "new",     "growth",
                                                     "mature",   "decline", "lost"};
constexpr std::array<const char *, 3> kEngagementText{"active", "normal", "silent"};
constexpr std::array<const char *, SegmentCount> kSegmentText{
    "champions",      "loyal_customers", "potential_loyalists", "new_customers",
    "promising",      "need_attention",  "about_to_sleep",      "at_risk",
    "cant_lose_them", "hibernating"};
constexpr std::array<const char *, MatrixCount> kMatrixText{
    "important_value", "important_develop", "important_retain", "important_win_back",
    "general_value",   "general_develop",   "general_retain",   "general_win_back"};

template<typename E, std::size_t N>
std::optional<E> find(QByteArrayView text, const std::array<const char *, N> &names)
{
    if (text.isEmpty())
        return std::nullopt;
    for (std::size_t i = 0; i < N; ++i) {
        if (text == QByteArrayView(names[i]))
            return E(i);
    }
    return std::nullopt;
}

} // namespace

const char *storedText(CustomerType v)
{
    return kCustomerTypeText.at(std::size_t(v));
}
const char *storedText(Grade v)
{
    return kGradeText.at(std::size_t(v));
}
const char *storedText(Direction v)
{
    return kDirectionText.at(std::size_t(v));
}
const char *storedText(Outcome v)
{
    return kOutcomeText.at(std::size_t(v));
}
const char *storedText(ValueTier v)
{
    return kValueTierText.at(std::size_t(v));
}
const char *storedText(Level v)
{
    return kLevelText.at(std::size_t(v));
}
const char *storedText(Lifecycle v)
{
    return kLifecycleText.at(std::size_t(v));
}
const char *storedText(Engagement v)
{
    return kEngagementText.at(std::size_t(v));
}
const char *storedText(Segment v)
{
    return kSegmentText.at(std::size_t(v));
}
const char *storedText(Matrix v)
{
    return kMatrixText.at(std::size_t(v));
}

template<>
std::optional<CustomerType> fromStored(QByteArrayView t)
{
    return find<CustomerType>(t, kCustomerTypeText);
}
template<>
std::optional<Grade> fromStored(QByteArrayView t)
{
    return find<Grade>(t, kGradeText);
}
template<>
std::optional<Direction> fromStored(QByteArrayView t)
{
    return find<Direction>(t, kDirectionText);
}
template<>
std::optional<Outcome> fromStored(QByteArrayView t)
{
    return find<Outcome>(t, kOutcomeText);
}
template<>
std::optional<ValueTier> fromStored(QByteArrayView t)
{
    return find<ValueTier>(t, kValueTierText);
}
template<>
std::optional<Level> fromStored(QByteArrayView t)
{
    return find<Level>(t, kLevelText);
}
template<>
std::optional<Lifecycle> fromStored(QByteArrayView t)
{
    return find<Lifecycle>(t, kLifecycleText);
}
template<>
std::optional<Engagement> fromStored(QByteArrayView t)
{
    return find<Engagement>(t, kEngagementText);
}
template<>
std::optional<Segment> fromStored(QByteArrayView t)
{
    return find<Segment>(t, kSegmentText);
}
template<>
std::optional<Matrix> fromStored(QByteArrayView t)
{
    return find<Matrix>(t, kMatrixText);
}

const char *reasonKindText(classify::DueReason::Kind k)
{
    using K = classify::DueReason::Kind;
    switch (k) {
    case K::FollowUpSet:
        return "follow_up_set";
    case K::GradeCadence:
        return "grade_cadence";
    case K::TierCadence:
        return "tier_cadence";
    case K::DefaultCadence:
        return "default_cadence";
    case K::WinBack:
        return "win_back";
    case K::NeverContacted:
        return "never_contacted";
    }
    return "never_contacted";
}

std::optional<classify::DueReason::Kind> reasonKindFromText(QByteArrayView t)
{
    using K = classify::DueReason::Kind;
    for (K k : {K::FollowUpSet, K::GradeCadence, K::TierCadence, K::DefaultCadence, K::WinBack,
                K::NeverContacted}) {
        if (t == QByteArrayView(reasonKindText(k)))
            return k;
    }
    return std::nullopt;
}

classify::DueReason storedReason(QByteArrayView kind, QDate date, int cadenceDays, std::optional<Grade> grade,
                                 std::optional<ValueTier> tier, bool buyer)
{
    using K = classify::DueReason::Kind;
    classify::DueReason r;
    r.kind = reasonKindFromText(kind).value_or(K::NeverContacted);
    r.date = date;
    if (r.kind == K::FollowUpSet || r.kind == K::NeverContacted)
        return r;
    r.cadenceDays = cadenceDays;
    r.grade = grade;
    if (!grade && buyer)
        r.tier = tier;
    return r;
}

} // namespace tierdesk::store::schema
