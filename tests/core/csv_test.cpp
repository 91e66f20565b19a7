#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "csv/encoding.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstring>
#include <gtest/gtest.h>
#include <ostream>
#include <random>

using namespace tierdesk;
using namespace tierdesk::csv;

// Readable failure output for Qt strings (internal linkage: other test files may have their own).
static void PrintTo(const QByteArray &bytes, std::ostream *os)
{
    *os << '"' << bytes.toStdString() << '"';
}
static void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace {

using Fields = QList<QByteArray>;
using Status = Reader::Status;

/// One outcome of Reader::next(), with everything a test may look at.
struct Event {
    Status status;
    qint64 line;
    Fields fields;
    QString error;
};

std::vector<Event> readEvents(const QByteArray &input, Dialect dialect, ReaderLimits limits)
{
    QBuffer buffer;
    buffer.setData(input);
    buffer.open(QIODevice::ReadOnly);
    Reader reader(&buffer, dialect, limits);
    std::vector<Event> events;
    for (int guard = 0; guard < 10000; ++guard) {
        const Status status = reader.next();
        Event event{status, reader.line(), {}, reader.errorMessage()};
        for (qsizetype i = 0; i < reader.size(); ++i)
            event.fields.append(reader.field(i).toByteArray());
        events.push_back(event);
        if (status == Status::End || status == Status::IoError)
            break;
    }
    return events;
}

bool sameEvents(const std::vector<Event> &a, const std::vector<Event> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].status != b[i].status || a[i].line != b[i].line || a[i].fields != b[i].fields ||
            a[i].error != b[i].error)
            return false;
    }
    return true;
}

/// Reads `input` with the default 1 MiB chunks, and checks that tiny chunks (so that every quote,
/// CR and LF lands on a chunk boundary somewhere) give exactly the same events.
std::vector<Event> read(const QByteArray &input, Dialect dialect = {})
{
    const std::vector<Event> events = readEvents(input, dialect, ReaderLimits{});
    for (const qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(5), input.size()}) {
        EXPECT_TRUE(sameEvents(events, readEvents(input, dialect, ReaderLimits{chunk, 1 << 20})))
            << "chunk size " << chunk;
    }
    return events;
}

/// The fields of every record; fails the test on anything but records.
QList<Fields> records(const QByteArray &input, Dialect dialect = {})
{
    QList<Fields> out;
    for (const Event &event : read(input, dialect)) {
        if (event.status == Status::Record)
            out.append(event.fields);
        else
            EXPECT_EQ(event.status, Status::End) << event.error.toStdString();
    }
    return out;
}

/// The starting line of every record.
QList<qint64> recordLines(const QByteArray &input)
{
    QList<qint64> out;
    for (const Event &event : read(input)) {
        if (event.status != Status::End)
            out.append(event.line);
    }
    return out;
}

QList<Status> statuses(const QByteArray &input)
{
    QList<Status> out;
    for (const Event &event : read(input))
        out.append(event.status);
    return out;
}

/// A device that accepts `capacity` bytes and then fails like a full disk; reads fail after
/// `readable` bytes of `data`.
class FailingDevice final : public QIODevice {
public:
    explicit FailingDevice(qint64 capacity, QByteArray data = {}, qint64 readable = 0)
        : m_capacity(capacity)
        , m_data(std::move(data))
        , m_readable(readable)
    {}
    bool isSequential() const override { return true; }
    QByteArray written;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_readPos >= m_readable) {
            setErrorString(QStringLiteral("Input/output error"));
            return -1;
        }
        const qint64 n = std::min(maxSize, m_readable - m_readPos);
        std::memcpy(data, m_data.constData() + m_readPos, size_t(n));
        m_readPos += n;
        return n;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 n = std::min(size, m_capacity - qint64(written.size()));
        if (n <= 0) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        written.append(data, n);
        return n;
    }

private:
    qint64 m_capacity;
    QByteArray m_data;
    qint64 m_readable;
    qint64 m_readPos = 0;
};

/// Runs `write` on a Writer over a buffer and returns the bytes.
template<typename Write>
QByteArray written(Write write, WriterOptions options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        Writer writer(&buffer, options);
        write(writer);
        EXPECT_TRUE(writer.finish().has_value());
    }
    return buffer.data();
}

QByteArray row(std::initializer_list<QStringView> fields, WriterOptions options = {})
{
    return written([&](Writer &w) { w.writeRow(fields); }, options);
}

} // namespace

// ---------------------------------------------------------------- reader

TEST(CsvReader, ReadsSimpleRecords)
{
    EXPECT_EQ(records("id,name\n1,Ann\n2,Bob\n"),
              (QList<Fields>{{"id", "name"}, {"1", "Ann"}, {"2", "Bob"}}));
}

TEST(CsvReader, KeepsEmptyFields)
{
    EXPECT_EQ(records("a,,b\n,\n,x,\n"), (QList<Fields>{{"a", "", "b"}, {"", ""}, {"", "x", ""}}));
}

TEST(CsvReader, QuotedFieldKeepsDelimiters)
{
    EXPECT_EQ(records("1,\"Acme Co., Ltd.\",x\n"), (QList<Fields>{{"1", "Acme Co., Ltd.", "x"}}));
}

TEST(CsvReader, DoubledQuotesAreUnescaped)
{
    EXPECT_EQ(records("\"say \"\"hi\"\"\",\"\"\"\",\"a\"\"\"\"b\"\n"),
              (QList<Fields>{{"say \"hi\"", "\"", "a\"\"b"}}));
}

TEST(CsvReader, QuotedEmptyFieldIsARecord)
{
    EXPECT_EQ(records("\"\"\n\"\",\"\"\n"), (QList<Fields>{{""}, {"", ""}}));
}

TEST(CsvReader, QuotedFieldKeepsLineBreaks)
{
    EXPECT_EQ(records("1,\"line one\nline two\",x\n2,\"crlf\r\ninside\",y\r\n"),
              (QList<Fields>{{"1", "line one\nline two", "x"}, {"2", "crlf\r\ninside", "y"}}));
}

TEST(CsvReader, LineNumbersCountBreaksInsideQuotes)
{
    const QByteArray input = "h1,h2\n"          // line 1
                             "1,\"a\nb\nc\"\n"  // lines 2-4
                             "2,\"x\r\ny\"\r\n" // lines 5-6
                             "3,z\n";           // line 7
    EXPECT_EQ(recordLines(input), (QList<qint64>{1, 2, 5, 7}));
}

TEST(CsvReader, CrLfEndsRecordsWithoutLeavingCarriageReturns)
{
    EXPECT_EQ(records("a,b\r\n1,2\r\n\"q\"\r\n"), (QList<Fields>{{"a", "b"}, {"1", "2"}, {"q"}}));
    EXPECT_EQ(recordLines("a,b\r\n1,2\r\n\"q\"\r\n"), (QList<qint64>{1, 2, 3}));
}

TEST(CsvReader, MissingFinalNewlineIsFine)
{
    EXPECT_EQ(records("a,b\n1,2"), (QList<Fields>{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(records("a,\"b\""), (QList<Fields>{{"a", "b"}}));
    EXPECT_EQ(records("a,"), (QList<Fields>{{"a", ""}}));
    EXPECT_EQ(records("a\r"), (QList<Fields>{{"a"}}));
}

TEST(CsvReader, EmptyLinesAreSkipped)
{
    const QByteArray input = "\na,b\n\n\r\n1,2\n\n";
    EXPECT_EQ(records(input), (QList<Fields>{{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(recordLines(input), (QList<qint64>{2, 5}));
}

TEST(CsvReader, WhitespaceLineIsARecord)
{
    EXPECT_EQ(records(" \n"), (QList<Fields>{{" "}}));
}

TEST(CsvReader, Utf8BomIsSkipped)
{
    EXPECT_EQ(records("\xEF\xBB\xBFid,name\n1,\"x\"\n"), (QList<Fields>{{"id", "name"}, {"1", "x"}}));
    EXPECT_EQ(records("\xEF\xBB\xBF\"id\"\n"), (QList<Fields>{{"id"}}));
}

TEST(CsvReader, BomBytesAfterTheStartAreData)
{
    EXPECT_EQ(records("a\n\xEF\xBB\xBF"
                      "b\n"),
              (QList<Fields>{{"a"},
                             {"\xEF\xBB\xBF"
                              "b"}}));
}

TEST(CsvReader, HeaderOnly)
{
    EXPECT_EQ(records("id,customer_id,ordered_at,amount,profit\n"),
              (QList<Fields>{{"id", "customer_id", "ordered_at", "amount", "profit"}}));
}

TEST(CsvReader, EmptyFileHasNoRecords)
{
    EXPECT_EQ(statuses(""), (QList<Status>{Status::End}));
    EXPECT_EQ(statuses("\xEF\xBB\xBF"), (QList<Status>{Status::End}));
    EXPECT_EQ(statuses("\n\r\n\n"), (QList<Status>{Status::End}));
}

TEST(CsvReader, EndIsSticky)
{
    QBuffer buffer;
    buffer.setData("a\n");
    buffer.open(QIODevice::ReadOnly);
    Reader reader(&buffer);
    EXPECT_EQ(reader.next(), Status::Record);
    EXPECT_EQ(reader.next(), Status::End);
    EXPECT_EQ(reader.next(), Status::End);
    EXPECT_EQ(reader.size(), 0);
}

TEST(CsvReader, BareCarriageReturnIsData)
{
    EXPECT_EQ(records("a\rb,c\n"), (QList<Fields>{{"a\rb", "c"}}));
    EXPECT_EQ(recordLines("a\rb,c\nd\n"), (QList<qint64>{1, 2}));
}

TEST(CsvReader, FieldsAreUtf8)
{
    QBuffer buffer;
    buffer.setData("客户,\"北京, 朝阳\"\n");
    buffer.open(QIODevice::ReadOnly);
    Reader reader(&buffer);
    ASSERT_EQ(reader.next(), Status::Record);
    EXPECT_EQ(reader.text(0), QStringLiteral("客户"));
    EXPECT_EQ(reader.texts(), (QStringList{QStringLiteral("客户"), QStringLiteral("北京, 朝阳")}));
}

TEST(CsvReader, RaggedRowsAreRecordsOfAnotherSize)
{
    QBuffer buffer;
    buffer.setData("a,b,c\n1,2\n1,2,3,4\n");
    buffer.open(QIODevice::ReadOnly);
    Reader reader(&buffer);
    ASSERT_EQ(reader.next(), Status::Record);
    const qsizetype columns = reader.size();
    ASSERT_EQ(reader.next(), Status::Record);
    EXPECT_LT(reader.size(), columns);
    EXPECT_EQ(reader.line(), 2);
    ASSERT_EQ(reader.next(), Status::Record);
    EXPECT_GT(reader.size(), columns);
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsMalformed)
{
    const std::vector<Event> events = read("a,b\"c,d\n");
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].status, Status::Malformed);
    EXPECT_EQ(events[0].line, 1);
    EXPECT_TRUE(events[0].fields.isEmpty());
    EXPECT_TRUE(events[0].error.contains(QStringLiteral("2"))) << events[0].error.toStdString();
    EXPECT_EQ(events[1].status, Status::End);
}

TEST(CsvReader, TextAfterClosingQuoteIsMalformed)
{
    EXPECT_EQ(statuses("\"ab\"c,d\n"), (QList<Status>{Status::Malformed, Status::End}));
    EXPECT_EQ(statuses("x,\"ab\" \n"), (QList<Status>{Status::Malformed, Status::End}));
    EXPECT_EQ(statuses("\"ab\"\rc\n"), (QList<Status>{Status::Malformed, Status::End}));
}

TEST(CsvReader, UnterminatedQuoteAtEndIsMalformedThenEnd)
{
    const std::vector<Event> events = read("a,b\n1,\"open\nnever closed,2\n3,4\n");
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].status, Status::Record);
    EXPECT_EQ(events[1].status, Status::Malformed);
    EXPECT_EQ(events[1].line, 2);
    EXPECT_FALSE(events[1].error.isEmpty());
    EXPECT_EQ(events[2].status, Status::End);
}

TEST(CsvReader, ErrorMessageNamesTheField)
{
    const std::vector<Event> stray = read("a,b,c\"d\n");
    EXPECT_TRUE(stray[0].error.contains(QStringLiteral("3"))) << stray[0].error.toStdString();
    const std::vector<Event> after = read("\"a\"b\n");
    EXPECT_TRUE(after[0].error.contains(QStringLiteral("1"))) << after[0].error.toStdString();
}

TEST(CsvReader, ContinuesWithTheNextRecordAfterMalformed)
{
    const std::vector<Event> events = read("h1,h2\n"
                                           "1,x\"y\n"
                                           "2,ok\n"
                                           "\"q\"junk,\"z\"\n"
                                           "3,\"fine\"\n");
    ASSERT_EQ(events.size(), 6U);
    EXPECT_EQ(events[1].status, Status::Malformed);
    EXPECT_EQ(events[1].line, 2);
    EXPECT_EQ(events[2].status, Status::Record);
    EXPECT_EQ(events[2].fields, (Fields{"2", "ok"}));
    EXPECT_EQ(events[2].line, 3);
    EXPECT_EQ(events[3].status, Status::Malformed);
    EXPECT_EQ(events[3].line, 4);
    EXPECT_EQ(events[4].fields, (Fields{"3", "fine"}));
    EXPECT_EQ(events[4].line, 5);
    EXPECT_TRUE(events[4].error.isEmpty());
    EXPECT_EQ(events[5].status, Status::End);
}

TEST(CsvReader, ResyncKeepsLineBreaksInsideLaterQuotesOfTheBrokenRecord)
{
    // The record is broken at field 1, but its field 2 is a well-formed quoted field with a line
    // break: the record ends after it, not at the break.
    const std::vector<Event> events = read("bad\"x,\"two\nlines\"\nnext\n");
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].status, Status::Malformed);
    EXPECT_EQ(events[1].fields, (Fields{"next"}));
    EXPECT_EQ(events[1].line, 3);
}

TEST(CsvReader, OverlongRecordIsMalformedInsteadOfBufferingTheFile)
{
    QByteArray input = "a,b\n1,\"";
    input.append(QByteArray(5000, 'x'));
    input.append("\n2,3\n");
    for (const qsizetype chunk : {7, 1024}) {
        const std::vector<Event> events = readEvents(input, {}, ReaderLimits{chunk, 1000});
        ASSERT_EQ(events.size(), 3U) << "chunk " << chunk;
        EXPECT_EQ(events[0].status, Status::Record);
        EXPECT_EQ(events[1].status, Status::Malformed);
        EXPECT_EQ(events[1].line, 2);
        EXPECT_EQ(events[2].status, Status::End); // the quote swallowed the rest, leniently
    }
}

TEST(CsvReader, SemicolonDelimiter)
{
    EXPECT_EQ(records("name;amount\n\"Acme; Ltd\";1,50\n", Dialect{';'}),
              (QList<Fields>{{"name", "amount"}, {"Acme; Ltd", "1,50"}}));
}

TEST(CsvReader, TabDelimiter)
{
    EXPECT_EQ(records("a\tb,c\n\"x\ty\"\t\n", Dialect{'\t'}), (QList<Fields>{{"a", "b,c"}, {"x\ty", ""}}));
}

TEST(CsvReader, EveryChunkSizeGivesTheSameEvents)
{
    const QByteArray input = "\xEF\xBB\xBFh1,h2,h3\r\n"
                             "\"a,\"\"b\"\"\r\nc\",,\"\"\r\n"
                             "\r\n"
                             "x\"y,1,2\r\n"
                             "\"\"\"\",\"\r\",\"\n\"\n"
                             "last,\"q\"";
    const std::vector<Event> reference = readEvents(input, {}, ReaderLimits{});
    ASSERT_EQ(reference.size(), 6U);
    EXPECT_EQ(reference[1].fields, (Fields{"a,\"b\"\r\nc", "", ""}));
    EXPECT_EQ(reference[2].status, Status::Malformed);
    EXPECT_EQ(reference[3].fields, (Fields{"\"", "\r", "\n"}));
    EXPECT_EQ(reference[4].fields, (Fields{"last", "q"}));
    EXPECT_EQ(reference[4].line, 8);
    for (qsizetype chunk = 1; chunk <= input.size(); ++chunk)
        EXPECT_TRUE(sameEvents(reference, readEvents(input, {}, ReaderLimits{chunk, 1 << 20}))) << chunk;
}

TEST(CsvReader, DoubledQuoteSplitAcrossChunks)
{
    // With 4-byte chunks the two quotes of "" arrive in different reads.
    const QByteArray input = "\"ab\"\"c\"\n";
    const std::vector<Event> events = readEvents(input, {}, ReaderLimits{4, 1 << 20});
    ASSERT_EQ(events[0].status, Status::Record);
    EXPECT_EQ(events[0].fields, (Fields{"ab\"c"}));
}

TEST(CsvReader, LastRecordEndingExactlyAtAChunkEnd)
{
    // The last read fills the chunk to the byte, the partial record is moved to the front of the
    // buffer, and the next read finds the end of the file.
    const std::vector<Event> events = readEvents("abc\nd", {}, ReaderLimits{5, 1 << 20});
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].fields, (Fields{"abc"}));
    EXPECT_EQ(events[1].fields, (Fields{"d"}));
}

TEST(CsvReader, CrLfSplitAcrossChunks)
{
    const QByteArray input = "ab\r\ncd\r\n";
    const std::vector<Event> events = readEvents(input, {}, ReaderLimits{3, 1 << 20});
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].fields, (Fields{"ab"}));
    EXPECT_EQ(events[1].fields, (Fields{"cd"}));
    EXPECT_EQ(events[1].line, 2);
}

TEST(CsvReader, BytesReadTracksProgress)
{
    QBuffer buffer;
    buffer.setData("a,b\n1,2\n");
    buffer.open(QIODevice::ReadOnly);
    Reader reader(&buffer, {}, ReaderLimits{4, 1 << 20});
    EXPECT_EQ(reader.bytesRead(), 0);
    ASSERT_EQ(reader.next(), Status::Record);
    EXPECT_EQ(reader.bytesRead(), 4);
    while (reader.next() == Status::Record) {
    }
    EXPECT_EQ(reader.bytesRead(), 8);
}

TEST(CsvReader, DeviceNotOpenIsAnIoError)
{
    QBuffer buffer;
    Reader reader(&buffer);
    EXPECT_EQ(reader.next(), Status::IoError);
    EXPECT_FALSE(reader.errorMessage().isEmpty());
}

TEST(CsvReader, ReadFailureIsAnIoErrorAndSticky)
{
    FailingDevice device(0, "a,b\n1,2\n3,4\n", 6);
    device.open(QIODevice::ReadOnly);
    Reader reader(&device, {}, ReaderLimits{4, 1 << 20});
    EXPECT_EQ(reader.next(), Status::Record);
    EXPECT_EQ(reader.next(), Status::IoError);
    EXPECT_TRUE(reader.errorMessage().contains(QStringLiteral("Input/output error")));
    EXPECT_EQ(reader.next(), Status::IoError);
    EXPECT_FALSE(reader.errorMessage().isEmpty());
}

// ---------------------------------------------------------------- writer

TEST(CsvWriter, QuotesExactlyLikePythonQuoteMinimal)
{
    // csv.writer(f, lineterminator="\n").writerow([...]) on CPython ≥ 3.11.9 / 3.12.3.
    EXPECT_EQ(
        row({u"plain", u"a,b", u"say \"hi\"", u"two\nlines", u"cr\rhere", u"", u" lead", u"x;y", u"tab\there",
             u"'"}),
        QByteArray("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",, lead,x;y,tab\there,'\n"));
    EXPECT_EQ(row({u"\"", u"\"\"", u"Xi'an"}), QByteArray("\"\"\"\",\"\"\"\"\"\",Xi'an\n"));
}

TEST(CsvWriter, LoneEmptyFieldIsWrittenAsTwoQuotes)
{
    EXPECT_EQ(row({u""}), QByteArray("\"\"\n"));
    EXPECT_EQ(row({u"", u""}), QByteArray(",\n"));
    EXPECT_EQ(written([](Writer &w) { w.endRow(); }), QByteArray("\n"));
}

TEST(CsvWriter, CrLfLineEnding)
{
    WriterOptions options;
    options.lineEnding = WriterOptions::LineEnding::CrLf;
    EXPECT_EQ(written(
                  [](Writer &w) {
                      w.writeRow({u"a", u"b"});
                      w.writeRow({u"x\r\ny"});
                  },
                  options),
              QByteArray("a,b\r\n\"x\r\ny\"\r\n"));
}

TEST(CsvWriter, OtherDelimiterDecidesQuoting)
{
    WriterOptions options;
    options.delimiter = ';';
    EXPECT_EQ(row({u"1,50", u"a;b"}, options), QByteArray("1,50;\"a;b\"\n"));
    options.delimiter = '\t';
    EXPECT_EQ(row({u"a,b", u"c\td"}, options), QByteArray("a,b\t\"c\td\"\n"));
}

TEST(CsvWriter, WritesBomOnlyWhenAsked)
{
    EXPECT_EQ(row({u"a"}), QByteArray("a\n"));
    WriterOptions options;
    options.writeBom = true;
    EXPECT_EQ(row({u"a"}, options), QByteArray("\xEF\xBB\xBF"
                                               "a\n"));
}

TEST(CsvWriter, NeutralisesFormulasWhenAsked)
{
    WriterOptions options;
    options.neutraliseFormulas = true;
    EXPECT_EQ(row({u"=1+2", u"+86 138", u"-5+1", u"@SUM(A1)", u"\tx", u"ok", u"", u"a=b", u"-"}, options),
              QByteArray("'=1+2,'+86 138,'-5+1,'@SUM(A1),'\tx,ok,,a=b,'-\n"));
    // The apostrophe goes inside the quotes of a field that needs them.
    EXPECT_EQ(row({u"=HYPERLINK(\"x\")", u"\rx", u"=a,b"}, options),
              QByteArray("\"'=HYPERLINK(\"\"x\"\")\",\"'\rx\",\"'=a,b\"\n"));
}

TEST(CsvWriter, APlainNumberIsNoFormula)
{
    // A refund stays the number it is in a spreadsheet instead of becoming the text "'-12.50".
    WriterOptions options;
    options.neutraliseFormulas = true;
    EXPECT_EQ(row({u"-5", u"-12.50", u"-0.05", u"-1.", u"-.5", u"--5"}, options),
              QByteArray("-5,-12.50,-0.05,'-1.,'-.5,'--5\n"));
}

TEST(CsvWriter, KeepsDigitsAsTextWithALeadingTab)
{
    WriterOptions options;
    options.keepDigitsAsText = true;
    // Mobile, 18-digit ID, landline with its zero, a 400 number, an account with leading zeros.
    EXPECT_EQ(row({u"13912345678", u"110101199003074514", u"073188888888", u"4008001234", u"00123"}, options),
              QByteArray("\t13912345678,\t110101199003074514,\t073188888888,\t4008001234,\t00123\n"));
    // Short numbers stay numbers; separators already make a phone text in every spreadsheet.
    EXPECT_EQ(row({u"12345678", u"0", u"42", u"0731-88888888", u"139 1234 5678", u"(+86) 13912345678", u"1.5",
                   u"１３９１２３４５６７８"},
                  options),
              QByteArray("12345678,0,42,0731-88888888,139 1234 5678,(+86) 13912345678,1.5,"
                         "１３９１２３４５６７８\n"));
}

TEST(CsvWriter, APhoneStartingWithPlusGetsATabNotAnApostrophe)
{
    const WriterOptions options = WriterOptions::spreadsheet();
    EXPECT_EQ(written(
                  [](Writer &w) {
                      w.writeRow({u"+86 139 1234 5678", u"+8613912345678", u"+86-139-1234-5678",
                                  u"+1 (310) 413-5231", u"+49.30.1234567"});
                  },
                  options),
              QByteArray("\xEF\xBB\xBF\t+86 139 1234 5678,\t+8613912345678,\t+86-139-1234-5678,"
                         "\t+1 (310) 413-5231,\t+49.30.1234567\r\n"));
    // Anything else after a '+' may be a formula: the apostrophe stays.
    EXPECT_EQ(written(
                  [](Writer &w) {
                      w.writeRow({u"+1+1", u"+123", u"+86 731 8888 8888 转 812", u"+A1"});
                  },
                  options),
              QByteArray("\xEF\xBB\xBF'+1+1,'+123,'+86 731 8888 8888 转 812,'+A1\r\n"));
}

TEST(CsvWriter, ATabGuardIsQuotedWhenTabIsTheDelimiter)
{
    WriterOptions options = WriterOptions::spreadsheet();
    options.delimiter = '\t';
    EXPECT_EQ(written(
                  [](Writer &w) {
                      w.writeRow({u"13912345678", u"x"});
                  },
                  options),
              QByteArray("\xEF\xBB\xBF\"\t13912345678\"\tx\r\n"));
}

TEST(CsvWriter, SpreadsheetOptionsAreBomCrLfAndBothGuards)
{
    const WriterOptions options = WriterOptions::spreadsheet();
    EXPECT_TRUE(options.writeBom);
    EXPECT_EQ(options.lineEnding, WriterOptions::LineEnding::CrLf);
    EXPECT_TRUE(options.neutraliseFormulas);
    EXPECT_TRUE(options.keepDigitsAsText);
    EXPECT_EQ(options.delimiter, ',');
}

TEST(CsvWriter, QuotesBomBytesThatWouldBeTakenForTheFilesBom)
{
    // Found by tests/fuzz/csv_fuzz.cpp: a first field starting with EF BB BF lost those bytes
    // when read back.
    const QByteArray bom = "\xEF\xBB\xBF";
    EXPECT_EQ(written([&](Writer &w) {
                  w.writeRow(QList<QByteArray>{bom + "h1", "t"});
              }),
              "\"" + bom + "h1\",t\n");
    // Anywhere else, or after a BOM of the writer's own, the bytes are data the reader keeps.
    EXPECT_EQ(written([&](Writer &w) {
                  w.writeRow(QList<QByteArray>{"", bom + "x"});
                  w.writeRow(QList<QByteArray>{bom + "y"});
              }),
              ("," + bom + "x\n" + bom + "y\n"));
    WriterOptions options;
    options.writeBom = true;
    EXPECT_EQ(written([&](Writer &w) { w.writeRow(QList<QByteArray>{bom + "h1"}); }, options),
              bom + bom + "h1\n");
    for (const WriterOptions &o : {WriterOptions{}, options}) {
        const QByteArray bytes = written(
            [&](Writer &w) {
                w.writeRow(QList<QByteArray>{bom + "h1", "t"});
            },
            o);
        EXPECT_EQ(records(bytes), (QList<Fields>{{bom + "h1", "t"}}));
    }
}

TEST(CsvWriter, LeavesFormulasAloneByDefault)
{
    EXPECT_EQ(row({u"=1+2", u"-5"}), QByteArray("=1+2,-5\n"));
}

TEST(CsvWriter, TextAndBytesAndSpansAgree)
{
    const QList<QString> texts{QStringLiteral("客户"), QStringLiteral("北京, 朝阳")};
    const QList<QByteArray> bytes{"客户", "北京, 朝阳"};
    const QByteArray expected = "客户,\"北京, 朝阳\"\n";
    EXPECT_EQ(written([&](Writer &w) { w.writeRow(texts); }), expected);
    EXPECT_EQ(written([&](Writer &w) { w.writeRow(bytes); }), expected);
    EXPECT_EQ(written([&](Writer &w) {
                  w.field(QStringView(texts[0]));
                  w.field(QByteArrayView("北京, 朝阳"));
                  w.endRow();
              }),
              expected);
}

TEST(CsvWriter, RowsFormattedApartGiveTheBytesOfOneWriter)
{
    // Rows that a second writer formats in memory (another thread, in a call list) and the
    // file's writer writes after its own: the same bytes as one writer of every row. A row
    // apart starts no file: BOM bytes at its start are data, as after the first row.
    const QByteArray bom = "\xEF\xBB\xBF";
    const QList<QList<QByteArray>> rows{{"rank", "name"}, {bom + "x", "=1+2"}, {"0731", "a,b"},
                                        {"", ""},         {"say \"hi\"", ""},  {"7", "王伟"}};
    for (WriterOptions options : {WriterOptions{}, WriterOptions::spreadsheet()}) {
        const QByteArray whole = written(
            [&](Writer &w) {
                for (const auto &r : rows)
                    w.writeRow(r);
            },
            options);
        QBuffer apart;
        apart.open(QIODevice::WriteOnly);
        WriterOptions apartOptions = options;
        apartOptions.writeBom = false;
        Writer rowsApart(&apart, apartOptions);
        rowsApart.continueOutput();
        for (qsizetype i = 1; i + 1 < rows.size(); ++i)
            rowsApart.writeRow(rows[i]);
        ASSERT_TRUE(rowsApart.finish());
        EXPECT_EQ(written(
                      [&](Writer &w) {
                          w.writeRow(rows.first());
                          w.writeFormatted(apart.data());
                          w.writeFormatted(QByteArrayView());
                          w.writeRow(rows.last());
                      },
                      options),
                  whole);
    }
    // Only the first row of a file quotes them.
    EXPECT_EQ(written([&](Writer &w) {
                  w.continueOutput();
                  w.writeRow(QList<QByteArray>{bom + "x"});
              }),
              bom + "x\n");
}

TEST(CsvWriter, RowsFormattedApartReportAFullDisk)
{
    FailingDevice device(10);
    device.open(QIODevice::WriteOnly);
    Writer writer(&device);
    writer.writeRow({u"a"});
    writer.writeFormatted("0123456789,abcdef\n");
    EXPECT_FALSE(writer.ok());
    EXPECT_EQ(device.written, QByteArray("a\n01234567"));
    const Result<void> done = writer.finish();
    ASSERT_FALSE(done.has_value());
    EXPECT_TRUE(done.error().message.contains(QStringLiteral("No space left on device")));
}

TEST(CsvWriter, ReportsAFullDisk)
{
    FailingDevice device(10);
    device.open(QIODevice::WriteOnly);
    Writer writer(&device);
    writer.writeRow({u"0123456789", u"abcdef"});
    const Result<void> done = writer.finish();
    ASSERT_FALSE(done.has_value());
    EXPECT_FALSE(writer.ok());
    EXPECT_TRUE(done.error().message.contains(QStringLiteral("No space left on device")))
        << done.error().message.toStdString();
}

TEST(CsvWriter, KeepsTheFirstErrorWhenMoreRowsFollow)
{
    FailingDevice device(0);
    device.open(QIODevice::WriteOnly);
    Writer writer(&device);
    writer.writeRow({u"a"});
    ASSERT_FALSE(writer.finish().has_value());
    writer.writeRow({u"b"});
    EXPECT_FALSE(writer.ok());
    EXPECT_FALSE(writer.finish().has_value());
    EXPECT_TRUE(device.written.isEmpty());
}

TEST(CsvWriter, LargeOutputFailsBeforeFinish)
{
    FailingDevice device(4096);
    device.open(QIODevice::WriteOnly);
    Writer writer(&device);
    const QByteArray line(1000, 'x');
    for (int i = 0; i < 3000 && writer.ok(); ++i) {
        writer.field(line);
        writer.endRow();
    }
    EXPECT_FALSE(writer.ok()); // noticed while writing, not only at finish()
    EXPECT_FALSE(writer.finish().has_value());
}

TEST(CsvWriter, ReadOnlyDeviceIsAnError)
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadOnly);
    Writer writer(&buffer);
    EXPECT_FALSE(writer.ok());
    writer.writeRow({u"a"});
    const Result<void> done = writer.finish();
    ASSERT_FALSE(done.has_value());
    EXPECT_FALSE(done.error().message.isEmpty());
}

TEST(CsvWriter, DestructorFlushes)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        Writer writer(&buffer);
        writer.writeRow({u"a", u"b"});
    }
    EXPECT_EQ(buffer.data(), QByteArray("a,b\n"));
}

TEST(CsvWriter, CountsBytesWritten)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Writer writer(&buffer);
    writer.writeRow({u"a,b", u"c"});
    EXPECT_EQ(writer.bytesWritten(), 8);
    ASSERT_TRUE(writer.finish().has_value());
    EXPECT_EQ(writer.bytesWritten(), 8);
}

// ---------------------------------------------------------------- round trip

TEST(CsvRoundTrip, RandomFieldsSurviveWriterThenReader)
{
    std::mt19937 random(20240611);
    const QList<QStringView> pieces{u"a",    u"Z", u"0",  u",",    u";", u"\"", u"\"\"", u"\r", u"\n",
                                    u"\r\n", u" ", u"\t", u"客户", u"é", u"😀",  u"=",    u"'"};
    std::uniform_int_distribution<int> pieceOf(0, int(pieces.size()) - 1);
    std::uniform_int_distribution<int> lengthOf(0, 6);
    std::uniform_int_distribution<int> widthOf(1, 5);
    for (const char delimiter : {',', ';', '\t'}) {
        QList<QStringList> table;
        for (int r = 0; r < 300; ++r) {
            QStringList fields;
            const int width = widthOf(random);
            for (int f = 0; f < width; ++f) {
                QString field;
                for (int n = lengthOf(random); n > 0; --n)
                    field += pieces[pieceOf(random)];
                fields.append(field);
            }
            table.append(fields);
        }
        WriterOptions options;
        options.delimiter = delimiter;
        options.lineEnding =
            delimiter == ';' ? WriterOptions::LineEnding::CrLf : WriterOptions::LineEnding::Lf;
        const QByteArray bytes = written(
            [&](Writer &w) {
                for (const QStringList &fields : table)
                    w.writeRow(fields);
            },
            options);
        for (const qsizetype chunk : {1, 7, 1 << 20}) {
            QBuffer buffer;
            buffer.setData(bytes);
            buffer.open(QIODevice::ReadOnly);
            Reader reader(&buffer, Dialect{delimiter}, ReaderLimits{chunk, 1 << 20});
            QList<QStringList> back;
            while (reader.next() == Status::Record)
                back.append(reader.texts());
            EXPECT_EQ(back, table) << "delimiter " << int(delimiter) << ", chunk " << chunk;
        }
    }
}

// ---------------------------------------------------------------- encodings

TEST(EncodingDetection, Utf8WithBom)
{
    EXPECT_EQ(detectEncoding("\xEF\xBB\xBFid,name\n"), Encoding::Utf8Bom);
}

TEST(EncodingDetection, Utf8WithoutBom)
{
    EXPECT_EQ(detectEncoding("id,name\n1,客户\n"), Encoding::Utf8);
    EXPECT_EQ(detectEncoding("plain ascii\n"), Encoding::Utf8);
    EXPECT_EQ(detectEncoding(""), Encoding::Utf8);
}

TEST(EncodingDetection, Gb18030)
{
    // '客户,北京'.encode('gb18030')
    EXPECT_EQ(detectEncoding("\xBF\xCD\xBB\xA7,\xB1\xB1\xBE\xA9\n"), Encoding::Gb18030);
}

TEST(EncodingDetection, Utf8CutAtTheEndOfTheSampleIsStillUtf8)
{
    const QByteArray text = "name\n客户"; // 客 = E5 AE A2, 户 = E6 88 B7
    EXPECT_EQ(detectEncoding(text.first(text.size() - 1)), Encoding::Utf8);
    EXPECT_EQ(detectEncoding(text.first(text.size() - 2)), Encoding::Utf8);
    EXPECT_EQ(detectEncoding("\xF0\x9F\x98"), Encoding::Utf8); // 😀 without its last byte
}

TEST(EncodingDetection, TruncatedSequenceInsideTheSampleIsNotUtf8)
{
    EXPECT_EQ(detectEncoding("a\xE5\xAE,b\n"), Encoding::Gb18030);
}

TEST(EncodingDetection, OverlongsAndSurrogatesAreNotUtf8)
{
    EXPECT_EQ(detectEncoding("\xC0\xAF"), Encoding::Gb18030);
    EXPECT_EQ(detectEncoding("\xE0\x80\xAF"), Encoding::Gb18030);
    EXPECT_EQ(detectEncoding("\xED\xA0\x80"), Encoding::Gb18030);
    EXPECT_EQ(detectEncoding("\xF4\x90\x80\x80"), Encoding::Gb18030);
}

TEST(EncodingDetection, Utf16Boms)
{
    EXPECT_EQ(detectEncoding(QByteArray("\xFF\xFE"
                                        "a\0",
                                        4)),
              Encoding::Utf16Le);
    EXPECT_EQ(detectEncoding(QByteArray("\xFE\xFF\0a", 4)), Encoding::Utf16Be);
}

TEST(EncodingDetection, Gb18030ByteOrderMark)
{
    // '\ufeff客户'.encode('gb18030')
    EXPECT_EQ(detectEncoding("\x84\x31\x95\x33\xBF\xCD\xBB\xA7"), Encoding::Gb18030);
}

TEST(EncodingNames, IdsAreStableAndParse)
{
    EXPECT_EQ(encodingId(Encoding::Utf8), QStringLiteral("utf-8"));
    EXPECT_EQ(encodingId(Encoding::Utf8Bom), QStringLiteral("utf-8-bom"));
    EXPECT_EQ(encodingId(Encoding::Gb18030), QStringLiteral("gb18030"));
    for (const Encoding e :
         {Encoding::Utf8, Encoding::Utf8Bom, Encoding::Gb18030, Encoding::Utf16Le, Encoding::Utf16Be})
        EXPECT_EQ(encodingFromName(encodingId(e)), e);
}

TEST(EncodingNames, RoundTripThroughTheParser)
{
    EXPECT_EQ(encodingName(Encoding::Utf8), QStringLiteral("UTF-8"));
    EXPECT_EQ(encodingName(Encoding::Gb18030), QStringLiteral("GB18030"));
    EXPECT_EQ(encodingFromName(u"GBK"), Encoding::Gb18030);
    EXPECT_EQ(encodingFromName(u"utf8"), Encoding::Utf8);
    EXPECT_EQ(encodingFromName(u"UTF-16LE"), Encoding::Utf16Le);
    EXPECT_EQ(encodingFromName(u"latin1"), std::nullopt);
    for (const Encoding e : {Encoding::Utf8, Encoding::Gb18030, Encoding::Utf16Le, Encoding::Utf16Be})
        EXPECT_EQ(encodingFromName(encodingName(e)), e);
}

TEST(EncodingDecode, Gb18030ToUtf8)
{
    // '客户,北京\n😀,\u0080\n'.encode('gb18030'): two-byte and four-byte sequences.
    const Result<QByteArray> utf8 = decodeToUtf8(
        "\xBF\xCD\xBB\xA7,\xB1\xB1\xBE\xA9\n\x94\x39\xFC\x36,\x81\x30\x81\x30\n", Encoding::Gb18030);
    ASSERT_TRUE(utf8.has_value()) << utf8.error().message.toStdString();
    EXPECT_EQ(*utf8, QByteArray("客户,北京\n😀,\xC2\x80\n"));
}

TEST(EncodingDecode, InvalidGb18030NamesTheLine)
{
    const Result<QByteArray> utf8 = decodeToUtf8("a,b\n\xBF\xCD,c\nd,\x80\n", Encoding::Gb18030);
    ASSERT_FALSE(utf8.has_value());
    EXPECT_TRUE(utf8.error().message.contains(QStringLiteral("3"))) << utf8.error().message.toStdString();
    EXPECT_TRUE(utf8.error().detail.contains(QStringLiteral("11"))) << utf8.error().detail.toStdString();
}

TEST(EncodingDecode, Gb18030LosesItsBom)
{
    const Result<QByteArray> utf8 = decodeToUtf8("\x84\x31\x95\x33\xBF\xCD\xBB\xA7\n", Encoding::Gb18030);
    ASSERT_TRUE(utf8.has_value()) << utf8.error().message.toStdString();
    EXPECT_EQ(*utf8, QByteArray("客户\n"));
}

TEST(EncodingDecode, FirstInvalidLineIsTheLineOfTheError)
{
    EXPECT_EQ(firstInvalidLine("a,b\n\xBF\xCD,c\nd,\x80\n", Encoding::Gb18030), 3);
    EXPECT_EQ(firstInvalidLine("a\nb\nc\xE5\xAE\n", Encoding::Utf8), 3);
    EXPECT_EQ(firstInvalidLine("\xEF\xBB\xBF\xFF", Encoding::Utf8Bom), 1);
    EXPECT_EQ(firstInvalidLine("a,客户\n", Encoding::Utf8), 0);
    EXPECT_EQ(firstInvalidLine("\xBF\xCD\n", Encoding::Gb18030), 0);
}

TEST(EncodingDecode, TruncatedGb18030AtTheEndIsAnError)
{
    EXPECT_FALSE(decodeToUtf8("a,\xBF", Encoding::Gb18030).has_value());
    EXPECT_FALSE(decodeToUtf8("a,\x94\x39\xFC", Encoding::Gb18030).has_value());
    EXPECT_FALSE(decodeToUtf8("\xFE\x39\xFE\x39", Encoding::Gb18030).has_value()); // beyond U+10FFFF
}

TEST(EncodingDecode, Utf8IsValidatedAndLosesItsBom)
{
    const Result<QByteArray> plain = decodeToUtf8("\xEF\xBB\xBF"
                                                  "a,客户\n",
                                                  Encoding::Utf8Bom);
    ASSERT_TRUE(plain.has_value());
    EXPECT_EQ(*plain, QByteArray("a,客户\n"));
    const Result<QByteArray> bad = decodeToUtf8("a\nb\nc\xE5\xAE\n", Encoding::Utf8);
    ASSERT_FALSE(bad.has_value());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("3"))) << bad.error().message.toStdString();
    EXPECT_FALSE(
        decodeToUtf8("a\xE5\xAE", Encoding::Utf8).has_value()); // a whole file may not end mid-character
}

TEST(EncodingDecode, Utf16WithBom)
{
    const Result<QByteArray> le = decodeToUtf8(QByteArray("\xFF\xFE"
                                                          "a\0,\0\xA2\x5B\n\0",
                                                          10),
                                               Encoding::Utf16Le);
    ASSERT_TRUE(le.has_value());
    EXPECT_EQ(*le, QByteArray("a,客\n"));
    const Result<QByteArray> be = decodeToUtf8(QByteArray("\xFE\xFF\0a\x5B\xA2", 6), Encoding::Utf16Be);
    ASSERT_TRUE(be.has_value());
    EXPECT_EQ(*be, QByteArray("a客"));
}

TEST(EncodingDecode, InvalidUtf16IsAnError)
{
    // A lone high surrogate on line 2, then an odd trailing byte.
    const Result<QByteArray> lone = decodeToUtf8(QByteArray("a\0\n\0\x00\xD8x\0", 8), Encoding::Utf16Le);
    ASSERT_FALSE(lone.has_value());
    EXPECT_TRUE(lone.error().message.contains(QStringLiteral("2"))) << lone.error().message.toStdString();
    EXPECT_FALSE(decodeToUtf8(QByteArray("a\0b", 3), Encoding::Utf16Le).has_value());
}

// ---------------------------------------------------------------- delimiter detection

TEST(CsvDelimiter, DetectsCommaSemicolonAndTab)
{
    EXPECT_EQ(detectDelimiter("id,name,city\n1,Ann,Paris\n2,Bob,Rome\n"), ',');
    EXPECT_EQ(detectDelimiter("name;amount\nAnn;1,50\nBob;2\n"), ';');
    EXPECT_EQ(detectDelimiter("name\tcity\nAnn\tSuzhou, Jiangsu\n"), '\t');
}

TEST(CsvDelimiter, IgnoresDelimitersInsideQuotes)
{
    EXPECT_EQ(detectDelimiter("a;b\n\"x,y,z\";1\n\"p,q\";2\n"), ';');
    EXPECT_EQ(detectDelimiter("a,b\n\"x;y\nz;w\",1\n"), ',');
}

TEST(CsvDelimiter, PrefersTheConsistentCandidate)
{
    // Commas split the header into 3 but the rows unevenly; semicolons split every line into 2.
    EXPECT_EQ(detectDelimiter("name;note, remark, x\nAnn;a\nBob;b, c\nCy;d\n"), ';');
}

TEST(CsvDelimiter, DefaultsToCommaForOneColumn)
{
    EXPECT_EQ(detectDelimiter("name\nAnn\nBob\n"), ',');
    EXPECT_EQ(detectDelimiter(""), ',');
}

TEST(CsvDelimiter, ALoneUnfinishedLineCounts)
{
    EXPECT_EQ(detectDelimiter("\xEF\xBB\xBF"
                              "a\tb"),
              '\t');
}

// ---------------------------------------------------------------- hostile files, end to end
//
// What an importer does with a file from a salesperson's PC: detect the encoding (over the whole
// file), decode to UTF-8, detect the delimiter, read every record. The bytes are written out by
// hand; the GB18030 ones are what Python's str.encode('gb18030') gives.

namespace {

struct Pipeline {
    Encoding encoding = Encoding::Utf8;
    char delimiter = 0;
    QString error;
    std::vector<Event> events;

    QList<QStringList> records() const
    {
        QList<QStringList> out;
        for (const Event &e : events) {
            if (e.status != Status::Record)
                continue;
            QStringList fields;
            for (const QByteArray &f : e.fields)
                fields.append(QString::fromUtf8(f));
            out.append(fields);
        }
        return out;
    }
    QList<qint64> lines() const
    {
        QList<qint64> out;
        for (const Event &e : events) {
            if (e.status != Status::End)
                out.append(e.line);
        }
        return out;
    }
};

Pipeline pipeline(const QByteArray &file)
{
    Pipeline p;
    p.encoding = detectEncoding(file);
    const Result<QByteArray> utf8 = decodeToUtf8(file, p.encoding);
    if (!utf8) {
        p.error = utf8.error().message;
        return p;
    }
    EXPECT_FALSE(utf8->startsWith("\xEF\xBB\xBF"));
    EXPECT_TRUE(QByteArrayView(*utf8).isValidUtf8());
    p.delimiter = detectDelimiter(QByteArrayView(*utf8).first(std::min<qsizetype>(utf8->size(), 65536)));
    p.events = read(*utf8, Dialect{p.delimiter});
    return p;
}

QStringList fields(std::initializer_list<const char *> utf8)
{
    QStringList out;
    for (const char *f : utf8)
        out.append(QString::fromUtf8(f));
    return out;
}

} // namespace

TEST(HostileFiles, Gb18030FromExcelWithQuotesLineBreaksAnEmptyLineAndNoFinalNewline)
{
    // 姓名,公司,电话 / 王伟,"星辰科技, 北京",13912345678 / 李娜,"说""你好""\n第二行",+86 … /
    // (empty line) / 张敏,,0731-88888888 — CRLF, except the line break inside the quotes.
    const QByteArray file =
        "\xD0\xD5\xC3\xFB,\xB9\xAB\xCB\xBE,\xB5\xE7\xBB\xB0\r\n\xCD\xF5\xCE\xB0,"
        "\"\xD0\xC7\xB3\xBD\xBF\xC6\xBC"
        "\xBC, "
        "\xB1\xB1\xBE\xA9\",13912345678\r\n\xC0\xEE\xC4\xC8,\"\xCB\xB5\"\"\xC4\xE3\xBA\xC3\"\"\n\xB5\xDA"
        "\xB6\xFE\xD0\xD0\",+86 139 1234 5678\r\n\r\n\xD5\xC5\xC3\xF4,,0731-88888888";
    const Pipeline p = pipeline(file);
    ASSERT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    EXPECT_EQ(p.encoding, Encoding::Gb18030);
    EXPECT_EQ(p.delimiter, ',');
    EXPECT_EQ(p.records(), (QList<QStringList>{fields({"姓名", "公司", "电话"}),
                                               fields({"王伟", "星辰科技, 北京", "13912345678"}),
                                               fields({"李娜", "说\"你好\"\n第二行", "+86 139 1234 5678"}),
                                               fields({"张敏", "", "0731-88888888"})}));
    EXPECT_EQ(p.lines(), (QList<qint64>{1, 2, 3, 6}));
}

TEST(HostileFiles, Gb18030TrailBytesThatLookLikeAsciiAreNotDelimiters)
{
    // 名称;备注 / 乗|亅;丂@😀 — 乗 ends in 0x5C '\', 亅 in 0x7C '|', 丂 in 0x40 '@', and 😀 is
    // four bytes with the ASCII digits '9' and '6' inside.
    const QByteArray file = "\xC3\xFB\xB3\xC6;\xB1\xB8\xD7\xA2\n\x81\\|\x81|;\x81@@\x94\x39\xFC\x36\n";
    const Pipeline p = pipeline(file);
    ASSERT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    EXPECT_EQ(p.encoding, Encoding::Gb18030);
    EXPECT_EQ(p.delimiter, ';');
    EXPECT_EQ(p.records(), (QList<QStringList>{fields({"名称", "备注"}), fields({"乗|亅", "丂@😀"})}));
}

TEST(HostileFiles, Gb18030WithByteOrderMark)
{
    const Pipeline p =
        pipeline("\x84\x31\x95\x33\xBF\xCD\xBB\xA7,\xB5\xE7\xBB\xB0\n\xCD\xF5\xCE\xB0,13912345678\n");
    ASSERT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    EXPECT_EQ(p.encoding, Encoding::Gb18030);
    EXPECT_EQ(p.records(), (QList<QStringList>{fields({"客户", "电话"}), fields({"王伟", "13912345678"})}));
}

TEST(HostileFiles, Utf8WithBomSemicolonsRaggedRowsAndEmptyLines)
{
    const QByteArray file = "\xEF\xBB\xBF"
                            "名称;金额;备注\r\n"
                            "\r\n"
                            "星辰科技;1,50;\"含;分号\"\r\n"
                            "少一列;2\r\n"
                            "\n"
                            "多一列;3;x;y\r\n"
                            "\"跨\r\n行\";4;\r\n";
    const Pipeline p = pipeline(file);
    ASSERT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    EXPECT_EQ(p.encoding, Encoding::Utf8Bom);
    EXPECT_EQ(p.delimiter, ';');
    EXPECT_EQ(p.records(),
              (QList<QStringList>{fields({"名称", "金额", "备注"}), fields({"星辰科技", "1,50", "含;分号"}),
                                  fields({"少一列", "2"}), fields({"多一列", "3", "x", "y"}),
                                  fields({"跨\r\n行", "4", ""})}));
    // Ragged rows are records of another size, at their lines: reported, never padded or cut.
    EXPECT_EQ(p.lines(), (QList<qint64>{1, 3, 4, 6, 7}));
}

TEST(HostileFiles, Utf8WithoutBomTabs)
{
    const Pipeline p = pipeline("name\tcity\nAnn\t\"Suzhou, Jiangsu\"\n王伟\t北京");
    ASSERT_TRUE(p.error.isEmpty());
    EXPECT_EQ(p.encoding, Encoding::Utf8);
    EXPECT_EQ(p.delimiter, '\t');
    EXPECT_EQ(p.records(), (QList<QStringList>{fields({"name", "city"}), fields({"Ann", "Suzhou, Jiangsu"}),
                                               fields({"王伟", "北京"})}));
}

TEST(HostileFiles, ExcelUnicodeTextIsUtf16WithTabs)
{
    // "姓名\t电话\r\n王伟\t13912345678\r\n" as UTF-16LE with its BOM.
    const QByteArray file(
        "\xFF\xFE\xD3Y\rT\x09\x00\x35u\xDD\x8B\r\x00\n\x00\x8Bs\x1FO\x09\x00\x31\x00\x33\x00"
        "\x39\x00\x31\x00\x32\x00\x33\x00\x34\x00\x35\x00\x36\x00\x37\x00\x38\x00\r\x00\n\x00",
        48);
    const Pipeline p = pipeline(file);
    ASSERT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    EXPECT_EQ(p.encoding, Encoding::Utf16Le);
    EXPECT_EQ(p.delimiter, '\t');
    EXPECT_EQ(p.records(), (QList<QStringList>{fields({"姓名", "电话"}), fields({"王伟", "13912345678"})}));
}

TEST(HostileFiles, HeaderOnly)
{
    for (const QByteArray &file : {QByteArray("\xEF\xBB\xBF"
                                              "id;name;phone"),
                                   QByteArray("id,name,phone\r\n"), QByteArray("\xD0\xD5\xC3\xFB\r\n\r\n")}) {
        const Pipeline p = pipeline(file);
        ASSERT_TRUE(p.error.isEmpty());
        EXPECT_EQ(p.records().size(), 1) << file.toHex().toStdString();
    }
}

TEST(HostileFiles, AUtf8BeginningDoesNotHideGb18030FurtherOn)
{
    // 70 KiB of ASCII, then 王伟 in GB18030: the whole file decides, so it is not read as broken UTF-8.
    QByteArray file = "name,phone\n";
    while (file.size() < 70 * 1024)
        file += "Ann,13912345678\n";
    file += "\xCD\xF5\xCE\xB0,13800138000\n";
    const Pipeline p = pipeline(file);
    ASSERT_TRUE(p.error.isEmpty()) << p.error.toStdString();
    EXPECT_EQ(p.encoding, Encoding::Gb18030);
    EXPECT_EQ(p.records().back(), fields({"王伟", "13800138000"}));
}

TEST(HostileFiles, BrokenUtf8AfterABomNamesTheLine)
{
    const QByteArray file = "\xEF\xBB\xBFname\nAnn\n\xCD\xF5\n";
    EXPECT_EQ(detectEncoding(file), Encoding::Utf8Bom);
    const Result<QByteArray> utf8 = decodeToUtf8(file, Encoding::Utf8Bom);
    ASSERT_FALSE(utf8.has_value());
    EXPECT_TRUE(utf8.error().message.contains(u'3')) << utf8.error().message.toStdString();
    EXPECT_EQ(firstInvalidLine(file, Encoding::Utf8Bom), 3);
}

TEST(HostileFiles, FormulaCellsAreReadAsTheirText)
{
    // Reading never evaluates anything; a guarded export reads back with its guards.
    const Pipeline p =
        pipeline("name,note\n=1+2,\"=HYPERLINK(\"\"http://x\"\")\"\n'=1+2,\t13912345678\n@SUM(A1),-2+3\n");
    EXPECT_EQ(p.records(),
              (QList<QStringList>{fields({"name", "note"}), fields({"=1+2", "=HYPERLINK(\"http://x\")"}),
                                  fields({"'=1+2", "\t13912345678"}), fields({"@SUM(A1)", "-2+3"})}));
}

TEST(HostileFiles, HundredThousandRowsRoundTrip)
{
    constexpr int Rows = 100'000;
    const QByteArray file = written(
        [](Writer &w) {
            w.writeRow({u"id", u"name", u"phone", u"note"});
            for (int i = 0; i < Rows; ++i) {
                w.field(QByteArray::number(i + 1));
                w.field(QStringView(i % 3 == 0 ? u"王伟" : u"Li \"Tiger\" Na"));
                w.field(QString::number(13900000000LL + i));
                w.field(QStringView(i % 7 == 0 ? u"第一行\r\n第二行, 逗号" : u""));
                w.endRow();
            }
        },
        WriterOptions::spreadsheet());
    const Encoding encoding = detectEncoding(file);
    EXPECT_EQ(encoding, Encoding::Utf8Bom);
    const Result<QByteArray> utf8 = decodeToUtf8(file, encoding);
    ASSERT_TRUE(utf8.has_value());
    EXPECT_EQ(detectDelimiter(QByteArrayView(*utf8).first(65536)), ',');
    QBuffer buffer;
    buffer.setData(*utf8);
    buffer.open(QIODevice::ReadOnly);
    Reader reader(&buffer);
    qint64 records = 0;
    qint64 lastLine = 0;
    while (reader.next() == Status::Record) {
        ASSERT_EQ(reader.size(), 4) << "line " << reader.line();
        if (records > 0) {
            const int i = int(records - 1);
            ASSERT_EQ(reader.field(0), QByteArray::number(i + 1));
            ASSERT_EQ(reader.text(2), u'\t' + QString::number(13900000000LL + i));
        }
        lastLine = reader.line();
        ++records;
    }
    EXPECT_EQ(records, Rows + 1);
    // Rows with i % 7 == 0 take two lines; the last row (i = 99999) is not one of them.
    const qint64 twoLineRows = (Rows + 6) / 7;
    EXPECT_EQ(lastLine, 1 + Rows + twoLineRows);
}

TEST(HostileFiles, DuplicateHeavyListKeepsEveryRow)
{
    // Deduplication is the importer's job: the codec hands over every row, at its line.
    QByteArray file = "name,phone\n";
    for (int i = 0; i < 5000; ++i)
        file += i % 10 == 0 ? "王伟,138-0013-8000\n" : "王伟,13800138000\n";
    const Pipeline p = pipeline(file);
    const QList<QStringList> rows = p.records();
    ASSERT_EQ(rows.size(), 5001);
    EXPECT_EQ(std::count(rows.begin(), rows.end(), fields({"王伟", "13800138000"})), 4500);
    EXPECT_EQ(p.lines().back(), 5001);
}
