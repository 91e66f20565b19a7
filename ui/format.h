#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

/// How the windows write dates: one unambiguous form in both languages (2026-11-23), the form the
/// CSV files and the date editors use too.
namespace tierdesk::ui::format {

QString date(QDate d);                ///< "2026-11-23"; empty for an invalid date
QString dateTime(const QDateTime &t); ///< "2026-11-23 14:05" in local time
QString month(QDate d);               ///< "November 2026", "2026年11月"

} // namespace tierdesk::ui::format
