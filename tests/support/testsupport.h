#pragma once

#include <QDate>
#include <QString>

namespace tierdesk::test {

/// `YYYY-MM-DD` → QDate; aborts the test binary on a typo so that a fixture cannot silently
/// carry an invalid date.
QDate date(const char *iso);

/// The shared/ folder beside the checkout (spec, bench generator).
QString sharedDir();

} // namespace tierdesk::test
