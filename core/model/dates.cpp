#include "dates.h"

namespace tierdesk {
namespace {

bool digits(QByteArrayView t, qsizetype from, qsizetype count, int &out)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char c = t[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

QByteArray latin1(QStringView text)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (QChar c : text)
        bytes.append(c.unicode() < 128 ? char(c.unicode()) : '\x7f');
    return bytes;
}

} // namespace

QDate parseIsoDate(QByteArrayView t)
{
    int y = 0, m = 0, d = 0;
    if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(t, 0, 4, y) || !digits(t, 5, 2, m) ||
        !digits(t, 8, 2, d))
        return {};
    return QDate(y, m, d); // invalid for 2026-02-30 and the like
}

QDate parseIsoDate(QStringView text)
{
    return parseIsoDate(QByteArrayView(latin1(text)));
}

QDateTime parseIsoDateTime(QByteArrayView t)
{
    int hh = 0, mm = 0, ss = 0;
    if (t.size() != 19 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || !digits(t, 11, 2, hh) ||
        !digits(t, 14, 2, mm) || !digits(t, 17, 2, ss))
        return {};
    const QDate date = parseIsoDate(t.first(10));
    const QTime time(hh, mm, ss);
    if (!date.isValid() || !time.isValid())
        return {};
    // Local wall-clock time as written; never shifted by a time zone rule.
    return QDateTime(date, time, Qt::UTC);
}

QDateTime parseIsoDateTime(QStringView text)
{
    return parseIsoDateTime(QByteArrayView(latin1(text)));
}

QString isoDate(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString isoDateTime(QDateTime t)
{
    return t.isValid() ? t.date().toString(Qt::ISODate) + QLatin1Char('T') + t.time().toString(Qt::ISODate)
                       : QString();
}

} // namespace tierdesk
