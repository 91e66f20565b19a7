#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstdint>
#include <optional>

/// The value types every layer shares, and their stable text forms (used in the database and
/// in the interchange files; never translated). Display names live in model/labels.h.
namespace tierdesk {

using CustomerId = std::int64_t;
using Cents = std::int64_t;

enum class CustomerType : std::uint8_t { Individual, Enterprise, Government, Channel };
/// Intent grade, best first. The order of the enumerators is the priority order.
enum class Grade : std::uint8_t { S, A, B, C, D };
enum class Direction : std::uint8_t { Out, In };
enum class Outcome : std::uint8_t { Reached, NoAnswer, Voicemail, Busy, WrongNumber };

enum class ValueTier : std::uint8_t { A, B, C, D };
enum class Level : std::uint8_t { High, Mid, Low };
enum class Lifecycle : std::uint8_t { Prospect, New, Growth, Mature, Decline, Lost };
enum class Engagement : std::uint8_t { Active, Normal, Silent };
enum class Segment : std::uint8_t {
    Champions,
    LoyalCustomers,
    PotentialLoyalists,
    NewCustomers,
    Promising,
    NeedAttention,
    AboutToSleep,
    AtRisk,
    CantLoseThem,
    Hibernating,
};
inline constexpr int SegmentCount = 10;
/// The value matrix (RFM 八大类), in the order of the spec's table.
enum class Matrix : std::uint8_t {
    ImportantValue,
    ImportantDevelop,
    ImportantRetain,
    ImportantWinBack,
    GeneralValue,
    GeneralDevelop,
    GeneralRetain,
    GeneralWinBack,
};
inline constexpr int MatrixCount = 8;

/// MAN qualification: Money (can pay), Authority (decides), Need. Each answer may be unknown.
struct Man {
    std::optional<bool> money;
    std::optional<bool> authority;
    std::optional<bool> need;

    bool anyAnswered() const { return money || authority || need; }
    int yesCount() const
    {
        return int(money.value_or(false)) + int(authority.value_or(false)) + int(need.value_or(false));
    }
    friend bool operator==(const Man &, const Man &) = default;
};

// Stable text forms. `fromText` is strict (exact lower-case / upper-case tokens of the spec).
QString toText(CustomerType v);
QString toText(Grade v);
QString toText(Direction v);
QString toText(Outcome v);
QString toText(ValueTier v);
QString toText(Level v);
QString toText(Lifecycle v);
QString toText(Engagement v);
QString toText(Segment v);
QString toText(Matrix v);

std::optional<CustomerType> customerTypeFromText(QStringView s);
std::optional<Grade> gradeFromText(QStringView s);
std::optional<Direction> directionFromText(QStringView s);
std::optional<Outcome> outcomeFromText(QStringView s);
std::optional<ValueTier> valueTierFromText(QStringView s);
std::optional<Level> levelFromText(QStringView s);
std::optional<Lifecycle> lifecycleFromText(QStringView s);
std::optional<Engagement> engagementFromText(QStringView s);
std::optional<Segment> segmentFromText(QStringView s);
std::optional<Matrix> matrixFromText(QStringView s);

/// A customer as the user keeps it.
struct Customer {
    CustomerId id = 0;
    QString name;
    QString company;
    std::optional<CustomerType> type;
    QString phone;
    QString email;
    QString city;
    QString owner;
    QDate createdAt;
    std::optional<Grade> grade; ///< set by hand; empty when not set
    QDate gradeSetAt;           ///< when `grade` was last set by hand
    Man man;
    bool archived = false;
    QStringList tags; ///< hand-set tags, in the user's order
};

struct Order {
    std::int64_t id = 0;
    CustomerId customerId = 0;
    QDate orderedAt;
    Cents amount = 0; ///< negative for a refund
    std::optional<Cents> profit;
    QString note;
};

struct Call {
    std::int64_t id = 0;
    CustomerId customerId = 0;
    QDateTime calledAt; ///< local time, no time zone
    Direction direction = Direction::Out;
    Outcome outcome = Outcome::Reached;
    std::optional<int> durationS;
    QDate nextFollowUp;
    QString note;
};

} // namespace tierdesk
