#pragma once

// Store-internal: the schema, one migration per version. Append-only: a released migration is
// never edited; a change is a new step.

#include "classify/classification.h"

#include <QByteArrayView>

#include <optional>
#include <span>

namespace tierdesk::store::schema {

/// The statements of migration `version` (1-based), one statement each.
std::span<const char *const> migration(int version);
int latestVersion();

/// A secondary index: its name and the statement that creates it.
struct Index {
    const char *name;
    const char *create;
};
/// The secondary indexes of customers, orders, calls and tags (part of the latest schema): what a
/// bulk import into an empty database drops first and creates again once the rows are in.
std::span<const Index> importIndexes();
/// Among importIndexes(), those a big import into an empty database file leaves out, for the
/// build after the import to create (deferredindexes.h): each serves only an order of the
/// customer list, which sorts without it, more slowly, until then.
std::span<const Index> deferredIndexes();
/// The indexes of the classification table: what a full run into an empty table drops first
/// and creates again once the rows are in, and any other run creates if missing.
std::span<const Index> classificationIndexes();
/// The indexes the classification table had before the lists sorted it in memory: a run that
/// writes drops them if they are still there (once per database, in the run's transaction, in
/// place of a migration, which would hold the window while it opens a big file).
std::span<const char *const> retiredClassificationIndexes();
/// The triggers that list the customers whose orders or calls changed (version 4): what a bulk
/// import into an empty database drops first and creates again at its commit.
std::span<const Index> historyTriggers();

/// The stored text of each enumeration (the same as toText(), as static ASCII), and back from
/// the bytes of a column, for the bulk paths where a QString per value costs more than the work.
const char *storedText(CustomerType v);
const char *storedText(Grade v);
const char *storedText(Direction v);
const char *storedText(Outcome v);
const char *storedText(ValueTier v);
const char *storedText(Level v);
const char *storedText(Lifecycle v);
const char *storedText(Engagement v);
const char *storedText(Segment v);
const char *storedText(Matrix v);
template<typename E>
std::optional<E> fromStored(QByteArrayView text);
template<>
std::optional<CustomerType> fromStored(QByteArrayView text);
template<>
std::optional<Grade> fromStored(QByteArrayView text);
template<>
std::optional<Direction> fromStored(QByteArrayView text);
template<>
std::optional<Outcome> fromStored(QByteArrayView text);
template<>
std::optional<ValueTier> fromStored(QByteArrayView text);
template<>
std::optional<Level> fromStored(QByteArrayView text);
template<>
std::optional<Lifecycle> fromStored(QByteArrayView text);
template<>
std::optional<Engagement> fromStored(QByteArrayView text);
template<>
std::optional<Segment> fromStored(QByteArrayView text);
template<>
std::optional<Matrix> fromStored(QByteArrayView text);

/// The stored text of a due reason's kind (classification.reason_kind).
const char *reasonKindText(classify::DueReason::Kind k);
std::optional<classify::DueReason::Kind> reasonKindFromText(QByteArrayView text);
/// Rebuilds a stored due reason as classify::planFollowUp made it: the grade for cadence kinds,
/// the tier for a buyer without a grade.
classify::DueReason storedReason(QByteArrayView kind, QDate date, int cadenceDays, std::optional<Grade> grade,
                                 std::optional<ValueTier> tier, bool buyer);

// The profile columns in one place; the repositories bind ?2..?17, the id is ?1.
inline constexpr const char *kInsertCustomer = "INSERT INTO customers (id, name, company, type, phone, "
                                               "email, city, owner, created_at, grade, grade_set_at, "
                                               "man_money, man_authority, man_need, archived, phone_key, "
                                               "email_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                               "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
inline constexpr const char *kUpdateCustomer =
    "UPDATE customers SET name = ?2, company = ?3, type = ?4, phone = ?5, email = ?6, city = ?7, owner = ?8, "
    "created_at = ?9, grade = ?10, grade_set_at = ?11, man_money = ?12, man_authority = ?13, man_need = ?14, "
    "archived = ?15, phone_key = ?16, email_key = ?17 WHERE id = ?1";

} // namespace tierdesk::store::schema
