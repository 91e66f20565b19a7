#pragma once

#include <QString>
#include <QStringView>

/// Duplicate keys (spec §13).
namespace tierdesk::classify {

/// The digits of a phone number (full-width digits count), without a leading `0086`, or a leading
/// `86` when 13 digits remain; empty ("no key") when fewer than 7 digits are left.
QString phoneKey(QStringView phone);

/// Trimmed and lower-cased; empty when nothing is left.
QString emailKey(QStringView email);

} // namespace tierdesk::classify
