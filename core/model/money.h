#pragma once

#include "types.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace tierdesk {

/// "1234.50", "-0.05": always two decimals, '.' as the separator, no grouping. The interchange
/// form; display formatting with grouping and currency belongs to the UI.
QString formatCents(Cents cents);

/// Parses a decimal with at most two places ("12", "12.5", "-3.05", "+7.00"). Rejects
/// exponents, grouping, more than two decimals and values beyond ±10^15 units.
std::optional<Cents> parseCents(QByteArrayView text);
std::optional<Cents> parseCents(QStringView text);

} // namespace tierdesk
