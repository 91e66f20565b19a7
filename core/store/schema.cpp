#include "schema.h"

#include <array>

namespace tierdesk::store::schema {
namespace {

// Version 1: customers, orders, calls, tags, settings, and the classification results.
// Dates are ISO-8601 text (YYYY-MM-DD; calls YYYY-MM-DDTHH:MM:SS local time) so that they sort
// and compare as text; money is integer cents. Orders and calls never cascade: deleting a
// customer who still has them fails, so history cannot vanish by accident (merge moves it).
constexpr std::array kVersion1{
    "CREATE TABLE customers ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " company TEXT,"
    " type TEXT CHECK (type IN ('individual', 'enterprise', 'government', 'channel')),"
    " phone TEXT,"
    " email TEXT,"
    " city TEXT,"
    " owner TEXT,"
    " created_at TEXT NOT NULL,"
    " grade TEXT CHECK (grade IN ('S', 'A', 'B', 'C', 'D')),"
    " grade_set_at TEXT,"
    " man_money INTEGER CHECK (man_money IN (0, 1)),"
    " man_authority INTEGER CHECK (man_authority IN (0, 1)),"
    " man_need INTEGER CHECK (man_need IN (0, 1)),"
    " archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
    " phone_key TEXT,"
    " email_key TEXT)",
    "CREATE INDEX customers_phone_key ON customers (phone_key) WHERE phone_key IS NOT NULL",
    "CREATE INDEX customers_email_key ON customers (email_key) WHERE email_key IS NOT NULL",
    "CREATE INDEX customers_owner ON customers (owner)",
    "CREATE TABLE orders ("
    " id INTEGER PRIMARY KEY,"
    " customer_id INTEGER NOT NULL REFERENCES customers (id),"
    " ordered_at TEXT NOT NULL,"
    " amount INTEGER NOT NULL,"
    " profit INTEGER,"
    " note TEXT)",
    // Covers the metrics pass: it reads orders in customer order without touching the table.
    "CREATE INDEX orders_by_customer ON orders (customer_id, ordered_at, amount)",
    "CREATE TABLE calls ("
    " id INTEGER PRIMARY KEY,"
    " customer_id INTEGER NOT NULL REFERENCES customers (id),"
    " called_at TEXT NOT NULL,"
    " direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),"
    " outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'voicemail', 'busy', 'wrong_number')),"
    " duration_s INTEGER CHECK (duration_s >= 0),"
    " next_follow_up TEXT,"
    " note TEXT)",
    // Covers the metrics pass: latest call, its follow-up and the latest reached call.
    "CREATE INDEX calls_by_customer ON calls (customer_id, called_at, id, outcome, next_follow_up)",
    "CREATE TABLE tags ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE)",
    "CREATE TABLE customer_tags ("
    " customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " tag_id INTEGER NOT NULL REFERENCES tags (id),"
    " PRIMARY KEY (customer_id, position)) WITHOUT ROWID",
    "CREATE INDEX customer_tags_by_tag ON customer_tags (tag_id, customer_id)",
    "CREATE TABLE settings ("
    " key TEXT PRIMARY KEY,"
    " value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE classification ("
    " customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
    " recency_days INTEGER,"
    " frequency INTEGER NOT NULL,"
    " monetary INTEGER NOT NULL,"
    " r INTEGER, f INTEGER, m INTEGER,"
    " value_tier TEXT NOT NULL,"
    " value_rank INTEGER NOT NULL,"
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
    " dynamic_tags TEXT)",
    "CREATE INDEX classification_by_due ON classification (due_date)",
    "CREATE INDEX classification_by_tier ON classification (value_tier, monetary)",
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

} // namespace

std::span<const char *const> migration(int version)
{
    switch (version) {
    case 1:
        return kVersion1;
    default:
        return {};
    }
}

int latestVersion()
{
    return 1;
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
