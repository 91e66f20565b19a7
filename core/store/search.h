#pragma once

// Store-internal: what the search index holds for a customer.

#include "model/types.h"

#include <QString>

namespace tierdesk::store {

/// Name, company, phone as written and as its digits, and e-mail, one per line and lower-cased,
/// so that "138 0013", "13800138000", "明华贸易" and "WANG.WEI@" all find the same customer; two
/// line ends close it (see CustomerQuery: short searches use the index too).
QString searchText(const Customer &c);

/// The digits of `text` (full-width too), for phone searches typed with any separators.
QString digitsOf(QStringView text);

} // namespace tierdesk::store
