// libFuzzer target for the CSV codec: arbitrary bytes through encoding detection, decoding,
// delimiter detection and the Reader to the end, with the properties the codec promises checked
// on the way (a broken property aborts, which the fuzzer reports like a crash):
//  - decoding yields valid UTF-8, and fails exactly where firstInvalidLine() says;
//  - the Reader gives the same records, lines and errors whatever the chunk size;
//  - every record read, written by the Writer and read again, comes back field for field;
//  - a spreadsheet-guarded cell reads back as itself with at most one guard character before it.
// Build with the `fuzz` preset (clang); `ctest --preset fuzz` runs it for 20 seconds.

#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "csv/encoding.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace tierdesk::csv;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "csv_fuzz: property broken: %s\n", what);
        std::abort();
    }
}

struct Event {
    Reader::Status status;
    qint64 line;
    QList<QByteArray> fields;
    QString error;

    bool operator==(const Event &other) const
    {
        return status == other.status && line == other.line && fields == other.fields && error == other.error;
    }
};

std::vector<Event> readAll(const QByteArray &bytes, char delimiter, ReaderLimits limits)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Reader reader(&buffer, Dialect{delimiter}, limits);
    std::vector<Event> events;
    // Every call consumes input or ends: more events than bytes (plus one) would be a loop.
    for (qsizetype guard = 0; guard <= bytes.size() + 1; ++guard) {
        const Reader::Status status = reader.next();
        Event event{status, reader.line(), {}, reader.errorMessage()};
        for (qsizetype i = 0; i < reader.size(); ++i) {
            event.fields.append(reader.field(i).toByteArray());
            (void)reader.text(i);
        }
        check(status != Reader::Status::IoError, "a QBuffer never fails to read");
        check(reader.bytesRead() <= bytes.size(), "bytesRead within the input");
        events.push_back(std::move(event));
        if (status == Reader::Status::End)
            return events;
    }
    check(false, "the reader ends");
    return events;
}

QByteArray writeAll(const std::vector<Event> &events, WriterOptions options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        Writer writer(&buffer, options);
        for (const Event &e : events) {
            if (e.status != Reader::Status::Record)
                continue;
            for (const QByteArray &field : e.fields)
                writer.field(QByteArrayView(field));
            writer.endRow();
        }
        check(writer.finish().has_value(), "writing to a QBuffer succeeds");
    }
    return buffer.data();
}

std::vector<QList<QByteArray>> records(const std::vector<Event> &events)
{
    std::vector<QList<QByteArray>> out;
    for (const Event &e : events) {
        if (e.status == Reader::Status::Record)
            out.push_back(e.fields);
    }
    return out;
}

void fuzzReader(const QByteArray &bytes, char delimiter, quint8 knob)
{
    // One read takes the whole input (-max_len=4096); the default 1 MiB chunk would make every
    // Reader allocate, and ASan poison, a megabyte.
    const ReaderLimits whole{std::max<qsizetype>(bytes.size(), 1), qsizetype(1) << 20};
    const std::vector<Event> reference = readAll(bytes, delimiter, whole);
    const qsizetype chunk = 1 + knob % 13;
    check(readAll(bytes, delimiter, ReaderLimits{chunk, qsizetype(1) << 20}) == reference,
          "the same events for every chunk size");
    // A small record limit: malformed records of another kind, and no crash.
    (void)readAll(bytes, delimiter, ReaderLimits{chunk, 1 + knob % 64});

    // Records survive the writer (any line ending) and a second read.
    WriterOptions plain;
    plain.delimiter = delimiter;
    plain.lineEnding = knob & 0x80 ? WriterOptions::LineEnding::CrLf : WriterOptions::LineEnding::Lf;
    plain.writeBom = knob & 0x40;
    const auto original = records(reference);
    check(records(readAll(writeAll(reference, plain), delimiter, whole)) == original,
          "records survive Writer then Reader");

    // Spreadsheet guards add at most one character in front and change nothing else.
    WriterOptions sheet = WriterOptions::spreadsheet();
    sheet.delimiter = delimiter;
    const auto guarded = records(readAll(writeAll(reference, sheet), delimiter, whole));
    check(guarded.size() == original.size(), "guarded output has the same records");
    for (std::size_t r = 0; r < guarded.size(); ++r) {
        check(guarded[r].size() == original[r].size(), "guarded records have the same fields");
        for (qsizetype f = 0; f < guarded[r].size(); ++f) {
            const QByteArray &g = guarded[r][f];
            const QByteArray &o = original[r][f];
            check(g == o || ((g.startsWith('\'') || g.startsWith('\t')) && g.sliced(1) == o),
                  "a guard is one leading apostrophe or tab");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const quint8 knob = size > 0 ? data[size / 2] : 0;

    // Every decoder, not only the detected one: each has its own validation.
    const Encoding detected = detectEncoding(bytes);
    QByteArray detectedUtf8;
    bool decoded = false;
    for (const Encoding encoding :
         {Encoding::Utf8, Encoding::Utf8Bom, Encoding::Gb18030, Encoding::Utf16Le, Encoding::Utf16Be}) {
        const auto utf8 = decodeToUtf8(bytes, encoding);
        const qint64 line = firstInvalidLine(bytes, encoding);
        check(line >= 0 && line <= bytes.count('\n') + 1, "the invalid line is a line of the file");
        if (line > 0)
            check(!utf8.has_value(), "a file with an invalid line does not decode");
        if (!utf8) {
            check(!utf8.error().message.isEmpty(), "a decoding error says what is wrong");
            continue;
        }
        check(QByteArrayView(*utf8).isValidUtf8(), "decoding yields valid UTF-8");
        if (encoding == detected) {
            detectedUtf8 = *utf8;
            decoded = true;
        }
    }
    (void)encodingName(detected);

    // The raw bytes as they are (a reader of UTF-8 files does not decode first), then the
    // decoded text, each with the delimiter detected on it.
    const char rawDelimiter = detectDelimiter(bytes);
    check(rawDelimiter == ',' || rawDelimiter == ';' || rawDelimiter == '\t', "a known delimiter");
    fuzzReader(bytes, rawDelimiter, knob);
    if (decoded && detectedUtf8 != bytes)
        fuzzReader(detectedUtf8, detectDelimiter(detectedUtf8), knob);
    return 0;
}
