#pragma once

// What the benchmark executables share: the database under test, the as-of day, peak memory.

#include <QDate>
#include <QString>

#include <cstdio>

namespace tierdesk::bench {

/// TIERDESK_BENCH_DB: the database to measure (a working copy: some benchmarks write to it).
QString databasePath();
/// TIERDESK_BENCH_AS_OF: the day the data ends on (gen_dataset.py's default, 2026-06-30).
QDate asOf();
/// The peak resident set size of this process so far, in MiB (getrusage).
double peakRssMiB();
/// The resident set size of this process now, in MiB (/proc/self/statm).
double currentRssMiB();
/// The process's peak resident memory since the last call (the first: since it started), then
/// the peak is reset (Linux: VmHWM, reset through /proc/self/clear_refs); 0 where unknown.
double takePeakRssMiB();

/// Stops the process with a message when a step of the setup fails.
[[noreturn]] void die(const QString &message);

} // namespace tierdesk::bench
