#pragma once

// Store-internal: what the search index holds for a customer.

#include "model/types.h"

#include <QByteArray>
#include <QString>

namespace tierdesk::store {

/// Name, company, phone as written and as its digits, and e-mail, one per line and lower-cased,
/// so that "138 0013", "13800138000", "明华贸易" and "WANG.WEI@" all find the same customer; two
/// line ends close it (see CustomerQuery: short searches use the index too).
QString searchText(const Customer &c);

/// The digits of `text` (full-width too), for phone searches typed with any separators.
QString digitsOf(QStringView text);

// The same texts in UTF-8, appended to `out`: the bytes of QString's toUtf8() (and toLower()),
// made without a QString between for texts of ASCII and of the scripts without letter case
// (Chinese, Japanese kana, Korean), and through QString for any other. For the bulk import,
// which makes them for a million customers on its checking thread.

/// text.toUtf8().
void appendUtf8(QByteArray &out, QStringView text);
/// text.toString().toLower().toUtf8().
void appendLowerUtf8(QByteArray &out, QStringView text);
/// searchText(c).toUtf8().
void appendSearchTextUtf8(QByteArray &out, const Customer &c);

} // namespace tierdesk::store
