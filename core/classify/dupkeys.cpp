#include "dupkeys.h"

namespace tierdesk::classify {

QString phoneKey(QStringView phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (QChar c : phone) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            digits.append(c);
        else if (u >= u'\uFF10' && u <= u'\uFF19') // full-width ０–９
            digits.append(QChar(u'0' + (u - u'\uFF10')));
    }
    if (digits.startsWith(u"0086"))
        digits.remove(0, 4);
    else if (digits.size() == 13 && digits.startsWith(u"86"))
        digits.remove(0, 2);
    if (digits.size() < 7)
        return {};
    return digits;
}

QString emailKey(QStringView email)
{
    return email.trimmed().toString().toLower();
}

} // namespace tierdesk::classify
