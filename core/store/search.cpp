#include "search.h"

namespace tierdesk::store {

QString digitsOf(QStringView text)
{
    QString digits;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            digits.append(c);
        else if (u >= u'\uFF10' && u <= u'\uFF19')
            digits.append(QChar(u'0' + (u - u'\uFF10')));
    }
    return digits;
}

QString searchText(const Customer &c)
{
    QString text;
    text.reserve(c.name.size() + c.company.size() + 2 * c.phone.size() + c.email.size() + 6);
    text += c.name;
    text += u'\n';
    text += c.company;
    text += u'\n';
    text += c.phone;
    text += u'\n';
    text += digitsOf(c.phone);
    text += u'\n';
    text += c.email.trimmed();
    // Two more line ends, so that every character of the text starts a trigram of the index: a
    // search of one or two characters then finds its rows through the index's terms (the
    // trigrams that start with it) instead of reading every row.
    text += u'\n';
    text += u'\n';
    return text.toLower();
}

} // namespace tierdesk::store
