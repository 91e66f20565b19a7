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
