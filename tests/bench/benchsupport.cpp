#include "benchsupport.h"

#include <QFile>

#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>

namespace tierdesk::bench {

QString databasePath()
{
    const QString path = qEnvironmentVariable("TIERDESK_BENCH_DB");
    if (path.isEmpty())
        die(QStringLiteral("Set TIERDESK_BENCH_DB to a database (a copy: benchmarks write to it)."));
    return path;
}

QDate asOf()
{
    const QString text = qEnvironmentVariable("TIERDESK_BENCH_AS_OF", QStringLiteral("2026-06-30"));
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        die(QStringLiteral("TIERDESK_BENCH_AS_OF is not a date: ") + text);
    return day;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

double currentRssMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    return double(fields[1].toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double takePeakRssMiB()
{
    double peak = 0;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                peak = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
        }
    }
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
    return peak;
}

void die(const QString &message)
{
    std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    std::exit(2);
}

} // namespace tierdesk::bench
