#include "format.h"

#include <QCoreApplication>
#include <QLocale>

namespace tierdesk::ui::format {

QString date(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString dateTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString month(QDate d)
{
    //: A QDate format for a month of a year; Chinese: yyyy年M月
    return QLocale().toString(d, QCoreApplication::translate("tierdesk::ui::format", "MMMM yyyy"));
}

} // namespace tierdesk::ui::format
