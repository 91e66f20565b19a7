#include "testsupport.h"

#include <cstdio>
#include <cstdlib>

namespace tierdesk::test {

QDate date(const char *iso)
{
    const QDate d = QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
    if (!d.isValid()) {
        std::fprintf(stderr, "test fixture: invalid date '%s'\n", iso);
        std::abort();
    }
    return d;
}

QString sharedDir()
{
    return QString::fromUtf8(TIERDESK_SHARED_DIR);
}

} // namespace tierdesk::test
