#include "model/dates.h"
#include "model/memory.h"
#include "model/money.h"
#include "model/types.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace tierdesk;

TEST(Money, FormatsTwoDecimalsWithSign)
{
    EXPECT_EQ(formatCents(0), QStringLiteral("0.00"));
    EXPECT_EQ(formatCents(5), QStringLiteral("0.05"));
    EXPECT_EQ(formatCents(123450), QStringLiteral("1234.50"));
    EXPECT_EQ(formatCents(-5), QStringLiteral("-0.05"));
    EXPECT_EQ(formatCents(-100), QStringLiteral("-1.00"));
}

TEST(Money, ParsesAtMostTwoDecimals)
{
    EXPECT_EQ(parseCents(QByteArrayView("12")), 1200);
    EXPECT_EQ(parseCents(QByteArrayView("12.5")), 1250);
    EXPECT_EQ(parseCents(QByteArrayView("-3.05")), -305);
    EXPECT_EQ(parseCents(QByteArrayView("+7.00")), 700);
    EXPECT_EQ(parseCents(QByteArrayView(".5")), 50);
    EXPECT_EQ(parseCents(QByteArrayView("0.10")), 10);
}

TEST(Money, RejectsMalformedAmounts)
{
    for (const char *bad :
         {"", "-", ".", "1.234", "1e3", "1,000", " 1", "1 ", "abc", "１２", "--1", "10000000000000000"})
        EXPECT_FALSE(parseCents(QByteArrayView(bad)).has_value()) << bad;
    EXPECT_FALSE(parseCents(QStringView(u"１２")).has_value());
}

TEST(Dates, ParsesStrictIsoDates)
{
    EXPECT_EQ(parseIsoDate(QByteArrayView("2026-06-30")), QDate(2026, 6, 30));
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026-02-30")).isValid());
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026-6-30")).isValid());
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026/06/30")).isValid());
    EXPECT_FALSE(parseIsoDate(QByteArrayView("2026-06-30 ")).isValid());
}

TEST(Dates, ParsesLocalDateTimesWithoutShifting)
{
    const QDateTime t = parseIsoDateTime(QByteArrayView("2026-03-29T02:30:00"));
    ASSERT_TRUE(t.isValid());
    EXPECT_EQ(isoDateTime(t), QStringLiteral("2026-03-29T02:30:00"));
    EXPECT_FALSE(parseIsoDateTime(QByteArrayView("2026-03-29 02:30:00")).isValid());
    EXPECT_FALSE(parseIsoDateTime(QByteArrayView("2026-03-29T24:00:00")).isValid());
}

TEST(Types, TextFormsRoundTrip)
{
    for (int i = 0; i < SegmentCount; ++i)
        EXPECT_EQ(segmentFromText(toText(Segment(i))), Segment(i));
    for (int i = 0; i < MatrixCount; ++i)
        EXPECT_EQ(matrixFromText(toText(Matrix(i))), Matrix(i));
    EXPECT_EQ(toText(Segment::CantLoseThem), QStringLiteral("cant_lose_them"));
    EXPECT_EQ(toText(Matrix::ImportantWinBack), QStringLiteral("important_win_back"));
    EXPECT_EQ(outcomeFromText(u"no_answer"), Outcome::NoAnswer);
    EXPECT_FALSE(gradeFromText(u"a").has_value());
    EXPECT_FALSE(customerTypeFromText(u"Enterprise").has_value());
}

// ---------------------------------------------------------------------------------------------
// Memory

namespace {

/// The process's resident bytes, read without allocating (a FILE would: a block left among the
/// blocks a test frees).
[[maybe_unused]] qint64 residentBytes()
{
    char text[128] = {};
    const int fd = ::open("/proc/self/statm", O_RDONLY);
    if (fd < 0)
        return 0;
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    long size = 0, resident = 0;
    if (n <= 0 || std::sscanf(text, "%ld %ld", &size, &resident) != 2)
        return 0;
    return qint64(resident) * sysconf(_SC_PAGESIZE);
}

} // namespace

TEST(Memory, ReleasingFreeMemoryGivesFreedSmallBlocksBackToTheSystem)
{
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "glibc's allocator only";
#else
    // 64 MiB in blocks of 16 KiB (a page of SQLite's cache: under the mapping threshold, so in
    // the heap), each written; then all freed but the last, which keeps the heap from shrinking
    // at its end by itself: the freed pages stay resident until they are released.
    constexpr std::size_t kBlock = 16384, kBlocks = 4096;
    std::vector<char *> blocks(kBlocks);
    for (char *&b : blocks) {
        b = static_cast<char *>(std::malloc(kBlock));
        ASSERT_NE(b, nullptr);
        std::memset(b, 1, kBlock);
    }
    for (std::size_t i = 0; i + 1 < kBlocks; ++i)
        std::free(blocks[i]);
    const qint64 freed = residentBytes();
    releaseFreeMemory();
    const qint64 released = residentBytes();
    std::free(blocks.back());
    EXPECT_LT(released, freed - (qint64(32) << 20)) << freed << " → " << released;
#endif
}

TEST(Memory, AThreadsHeapGivesBackWhatIsFreedAtItsEndOnceBigBlocksWereFreed)
{
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "glibc's allocator only";
#else
    returnFreedMemoryPromptly();
    // A block of 24 MiB freed, as a classification frees its facts: by itself glibc would then
    // keep up to 48 MiB free at the end of each heap.
    {
        std::vector<char> big(std::size_t(24) << 20, 1);
        ASSERT_EQ(big.back(), 1);
    }
    // In a thread of its own, so in a heap of its own, as a worker reads (releaseFreeMemory()
    // does not shrink such a heap at its end): 40 MiB in blocks of 64 KiB, each written, then
    // freed from the last to the first, each onto the heap's free end.
    qint64 filled = 0;
    qint64 freed = 0;
    std::thread worker([&] {
        constexpr std::size_t kBlock = 65536, kBlocks = 640;
        std::vector<char *> blocks(kBlocks);
        for (char *&b : blocks) {
            b = static_cast<char *>(std::malloc(kBlock));
            if (b)
                std::memset(b, 1, kBlock);
        }
        filled = residentBytes();
        for (auto b = blocks.rbegin(); b != blocks.rend(); ++b)
            std::free(*b);
        freed = residentBytes();
    });
    worker.join();
    EXPECT_LT(freed, filled - (qint64(32) << 20)) << filled << " → " << freed;
#endif
}
