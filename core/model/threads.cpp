#include "threads.h"

#include <QtGlobal>

#include <algorithm>
#include <cerrno>
#include <utility>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace tierdesk {

void lowerThisThread()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (!std::exchange(lowered, true)) {
        errno = 0;
        const int nice = getpriority(PRIO_PROCESS, 0);
        if (errno == 0)
            setpriority(PRIO_PROCESS, 0, std::min(nice + 10, 19));
    }
#endif
}

} // namespace tierdesk
