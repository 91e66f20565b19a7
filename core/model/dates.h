#pragma once

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>

namespace tierdesk {

/// Strict `YYYY-MM-DD` (the interchange and database form). Invalid QDate on any deviation.
QDate parseIsoDate(QByteArrayView text);
QDate parseIsoDate(QStringView text);
/// Strict `YYYY-MM-DDTHH:MM:SS`, local time without zone. Invalid QDateTime on any deviation.
QDateTime parseIsoDateTime(QByteArrayView text);
QDateTime parseIsoDateTime(QStringView text);

QString isoDate(QDate d);         ///< empty for an invalid date
QString isoDateTime(QDateTime t); ///< `YYYY-MM-DDTHH:MM:SS`, empty for an invalid value

/// Whole days from `from` to `to` (positive when `to` is later).
inline qint64 daysBetween(QDate from, QDate to)
{
    return from.daysTo(to);
}

} // namespace tierdesk
