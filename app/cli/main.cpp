// tierdesk-cli: the core of TierDesk from a terminal — import, classify, call lists, export, demo.

#include "classify/classify.h"
#include "csv/csvreader.h"
#include "csv/encoding.h"
#include "io/activityimport.h"
#include "io/calllist.h"
#include "io/classifyjob.h"
#include "io/customerexport.h"
#include "io/customerimport.h"
#include "io/demodata.h"
#include "io/interchange.h"
#include "model/apppaths.h"
#include "model/dates.h"
#include "model/language.h"
#include "store/database.h"
#include "store/deferredindexes.h"
#include "store/importlog.h"
#include "store/repositories.h"
#include "store/searchindex.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <map>
#include <variant>

using namespace tierdesk;

namespace {

enum Exit { Ok = 0, Rejected = 1, Failed = 2, Usage = 64 };

void err(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
}

void out(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

int report(const Error &e)
{
    err(QCoreApplication::translate("tierdesk-cli", "error: %1").arg(e.message));
    if (!e.detail.isEmpty() && e.detail != e.message)
        err(QCoreApplication::translate("tierdesk-cli", "  (%1)").arg(e.detail));
    return Failed;
}

struct Context {
    QString dbPath;
    QDate asOf;
};

Result<void> openDatabase(store::Database &db, const Context &ctx, store::Database::Mode mode)
{
    return db.open(ctx.dbPath, mode);
}

/// Writes to FILE atomically, or to standard output for "-".
Result<void> writeOutput(const QString &path, const std::function<Result<void>(QIODevice *)> &body)
{
    if (path == u"-") {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(QCoreApplication::translate("tierdesk-cli", "Could not write to standard output."));
        return body(&stdoutFile);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("tierdesk-cli", "Could not write %1: %2")
                        .arg(path, file.errorString()));
    if (auto ok = body(&file); !ok) {
        file.cancelWriting();
        return ok;
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("tierdesk-cli", "Could not write %1: %2")
                        .arg(path, file.errorString()));
    return {};
}

/// Parses a command's options. Returns the exit code when the command must stop here: after
/// printing its help (0) or a usage error (64). `positionals` is the exact number of arguments.
std::optional<int> parseCommand(QCommandLineParser &p, const QStringList &args, int positionals)
{
    const QCommandLineOption help = p.addHelpOption();
    if (!p.parse(args)) {
        err(p.errorText());
        return Usage;
    }
    if (p.isSet(help)) {
        out(p.helpText());
        return Ok;
    }
    if (p.positionalArguments().size() != positionals) {
        err(p.helpText());
        return Usage;
    }
    return std::nullopt;
}

int cmdImport(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Imports customers.csv, orders.csv and calls.csv from DIR, keeping their ids."));
    p.addPositionalArgument(
        QStringLiteral("DIR"),
        QCoreApplication::translate("tierdesk-cli", "Folder with the three interchange files."));
    const QCommandLineOption keepGoing(
        QStringLiteral("keep-going"),
        QCoreApplication::translate("tierdesk-cli",
                                    "Import the valid rows even when some rows are rejected."));
    p.addOption(keepGoing);
    if (auto stop = parseCommand(p, args, 1))
        return *stop;
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadWrite); !ok)
        return report(ok.error());
    io::ImportOptions options;
    options.keepGoing = p.isSet(keepGoing);
    auto result = io::importInterchange(db, p.positionalArguments().constFirst(), options);
    if (!result)
        return report(result.error());
    for (const io::Rejection &r : result->rejected)
        err(r.toString());
    if (result->committed) {
        out(QCoreApplication::translate("tierdesk-cli", "Imported %1 customers, %2 orders and %3 calls.")
                .arg(result->customers)
                .arg(result->orders)
                .arg(result->calls));
        if (auto left = store::deferredindexes::leftForLater(db.handle()); left && *left) {
            out(QCoreApplication::translate(
                "tierdesk-cli",
                "The search index of these customers, and their index by company, are built when TierDesk "
                "next opens this database, or now with 'tierdesk-cli index-search'. Until then, a search "
                "reads every customer's text, and a sort by company sorts them all."));
        }
    }
    if (!result->rejected.empty()) {
        err(result->committed
                ? QCoreApplication::translate("tierdesk-cli", "%1 rows were rejected and not imported.")
                      .arg(result->rejected.size())
                : QCoreApplication::translate(
                      "tierdesk-cli",
                      "%1 rows were rejected; nothing was imported. Fix them and import again, or "
                      "use --keep-going.")
                      .arg(result->rejected.size()));
        return Rejected;
    }
    return Ok;
}

int cmdClassify(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("tierdesk-cli", "Classifies every customer and stores the results."));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QCoreApplication::translate("tierdesk-cli", "The as-of date (default: today)."),
        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption outFile(
        QStringLiteral("out"),
        QCoreApplication::translate("tierdesk-cli",
                                    "Also write the results to FILE.csv (- for the terminal)."),
        QStringLiteral("FILE"));
    p.addOption(asOf);
    p.addOption(outFile);
    if (auto stop = parseCommand(p, args, 0))
        return *stop;
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadWrite); !ok)
        return report(ok.error());
    // The rows are worked out as they are stored and again as they are written: never all held.
    std::function<Result<void>(const classify::Classifier &)> writeRows;
    if (p.isSet(outFile)) {
        writeRows = [&](const classify::Classifier &classifier) {
            return writeOutput(p.value(outFile),
                               [&](QIODevice *dev) { return io::writeClassificationCsv(dev, classifier); });
        };
    }
    auto result = io::classifyAndStore(db, ctx.asOf, writeRows);
    if (!result)
        return report(result.error());
    const auto &s = result->summary;
    err(QCoreApplication::translate(
            "tierdesk-cli",
            "Classified %1 customers as of %2 in %3 ms: %4 buyers; tiers A %5, B %6, C %7, D %8.")
            .arg(s.customers)
            .arg(isoDate(ctx.asOf))
            .arg(result->durationMs)
            .arg(s.buyers)
            .arg(s.countByTier[0])
            .arg(s.countByTier[1])
            .arg(s.countByTier[2])
            .arg(s.countByTier[3]));
    return Ok;
}

int cmdQueue(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Writes the call list of a day: the follow-up queue in priority order."));
    const QCommandLineOption asOf(QStringLiteral("as-of"),
                                  QCoreApplication::translate("tierdesk-cli", "The day (default: today)."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption outFile(
        QStringLiteral("out"),
        QCoreApplication::translate("tierdesk-cli", "The file to write: FILE.csv, or FILE.xlsx for an Excel "
                                                    "workbook (- writes CSV to the terminal)."),
        QStringLiteral("FILE"));
    const QCommandLineOption plain(
        QStringLiteral("plain"),
        QCoreApplication::translate(
            "tierdesk-cli", "Plain UTF-8 with LF line ends, without the byte-order mark and formula guard "
                            "that spreadsheets need."));
    p.addOption(asOf);
    p.addOption(outFile);
    p.addOption(plain);
    if (auto stop = parseCommand(p, args, 0))
        return *stop;
    if (!p.isSet(outFile)) {
        err(p.helpText());
        return Usage;
    }
    const QString path = p.value(outFile);
    const bool xlsx = path != u"-" && io::exportFormatFor(path) == io::ExportFormat::Xlsx;
    if (xlsx && p.isSet(plain)) {
        err(QCoreApplication::translate("tierdesk-cli", "error: --plain is for CSV files, not for %1.")
                .arg(path));
        return Usage;
    }
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadOnly); !ok)
        return report(ok.error());
    // The stored classification when it is current for the day (its as-of day, and nothing
    // written since), else a fresh one; the rows are written as they are read (see
    // io::writeDayCallList).
    qint64 written = 0;
    if (xlsx) {
        auto n = io::exportDayCallList(db, path, ctx.asOf);
        if (!n)
            return report(n.error());
        written = *n;
    }
    const csv::WriterOptions options =
        p.isSet(plain) ? csv::WriterOptions{} : csv::WriterOptions::spreadsheet();
    if (auto ok = xlsx ? Result<void>()
                       : writeOutput(path,
                                     [&](QIODevice *dev) -> Result<void> {
                                         io::CsvTableWriter w(dev, options);
                                         auto n = io::writeDayCallList(db, w, ctx.asOf);
                                         if (!n)
                                             return std::unexpected(n.error());
                                         written = *n;
                                         return {};
                                     });
        !ok)
        return report(ok.error());
    err(QCoreApplication::translate("tierdesk-cli", "%1 customers to call on %2.")
            .arg(written)
            .arg(isoDate(ctx.asOf)));
    return Ok;
}

int cmdExport(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Writes customers.csv, orders.csv and calls.csv into DIR."));
    p.addPositionalArgument(
        QStringLiteral("DIR"),
        QCoreApplication::translate("tierdesk-cli", "The folder to write to (created if needed)."));
    if (auto stop = parseCommand(p, args, 1))
        return *stop;
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadOnly); !ok)
        return report(ok.error());
    if (auto ok = io::exportInterchange(db, p.positionalArguments().constFirst()); !ok)
        return report(ok.error());
    return Ok;
}

int cmdExportCustomers(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Writes the customer list, as the Customers table shows it, to CSV or Excel."));
    const QCommandLineOption outFile(
        QStringLiteral("out"),
        QCoreApplication::translate("tierdesk-cli", "The file to write: FILE.csv, or FILE.xlsx for an Excel "
                                                    "workbook (- writes CSV to the terminal)."),
        QStringLiteral("FILE"));
    const QCommandLineOption owner(
        QStringLiteral("owner"), QCoreApplication::translate("tierdesk-cli", "Only this owner's customers."),
        QStringLiteral("NAME"));
    const QCommandLineOption tier(
        QStringLiteral("tier"),
        QCoreApplication::translate("tierdesk-cli", "Only customers of this value tier: A, B, C or D."),
        QStringLiteral("A|B|C|D"));
    const QCommandLineOption search(
        QStringLiteral("search"),
        QCoreApplication::translate("tierdesk-cli",
                                    "Only customers whose name, company, phone or e-mail contains TEXT."),
        QStringLiteral("TEXT"));
    p.addOption(outFile);
    p.addOption(owner);
    p.addOption(tier);
    p.addOption(search);
    if (auto stop = parseCommand(p, args, 0))
        return *stop;
    if (!p.isSet(outFile)) {
        err(p.helpText());
        return Usage;
    }
    store::CustomerFilter filter;
    filter.owner = p.value(owner);
    filter.search = p.value(search);
    if (p.isSet(tier)) {
        filter.tier = valueTierFromText(p.value(tier).trimmed().toUpper());
        if (!filter.tier) {
            err(QCoreApplication::translate("tierdesk-cli", "error: --tier takes A, B, C or D, not “%1”.")
                    .arg(p.value(tier)));
            return Usage;
        }
    }
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadOnly); !ok)
        return report(ok.error());
    const QString path = p.value(outFile);
    Result<qint64> written = 0;
    if (path == u"-") {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return report(Error{
                QCoreApplication::translate("tierdesk-cli", "Could not write to standard output."), {}});
        io::CsvTableWriter csv(&stdoutFile);
        written = io::writeCustomerList(csv, db, filter);
    } else {
        written = io::exportCustomers(path, db, filter);
    }
    if (!written)
        return report(written.error());
    // A plain local for the count: Qt 6.4's lupdate hangs on some expressions in that place.
    const int count = int(std::min<qint64>(*written, INT_MAX));
    err(QCoreApplication::translate("tierdesk-cli", "%n customer(s) written.", nullptr, count));
    return Ok;
}

/// The delimiter as typed: "," ";" "tab" (or a tab, or "\t"), "comma", "semicolon".
std::optional<char> delimiterFromName(const QString &name)
{
    if (name == u"," || name.compare(u"comma", Qt::CaseInsensitive) == 0)
        return ',';
    if (name == u";" || name.compare(u"semicolon", Qt::CaseInsensitive) == 0)
        return ';';
    if (name == u"\t" || name == u"\\t" || name.compare(u"tab", Qt::CaseInsensitive) == 0)
        return '\t';
    return std::nullopt;
}

QString delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',':
        return QCoreApplication::translate("tierdesk-cli", "comma (,)");
    case ';':
        return QCoreApplication::translate("tierdesk-cli", "semicolon (;)");
    case '\t':
        return QCoreApplication::translate("tierdesk-cli", "tab");
    }
    return QString(QLatin1Char(delimiter));
}

void outJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

int cmdCsvInspect(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Shows how TierDesk reads a CSV file: its encoding, delimiter, rows and fields."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QCoreApplication::translate("tierdesk-cli", "The CSV file to inspect."));
    const QCommandLineOption encodingOption(
        QStringLiteral("encoding"),
        QCoreApplication::translate("tierdesk-cli",
                                    "Read the file in this encoding instead of detecting it: "
                                    "UTF-8, UTF-8-BOM, GB18030 (or GBK), UTF-16LE, UTF-16BE."),
        QStringLiteral("NAME"));
    const QCommandLineOption delimiterOption(
        QStringLiteral("delimiter"),
        QCoreApplication::translate("tierdesk-cli",
                                    "Use this field separator instead of detecting it: , or ; or tab."),
        QStringLiteral("C"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QCoreApplication::translate("tierdesk-cli",
                                    "Print the encoding, the delimiter and every row as JSON, "
                                    "or the error and its line."));
    p.addOption(encodingOption);
    p.addOption(delimiterOption);
    p.addOption(jsonOption);
    if (auto stop = parseCommand(p, args, 1))
        return *stop;
    const bool json = p.isSet(jsonOption);
    std::optional<csv::Encoding> forcedEncoding;
    if (p.isSet(encodingOption)) {
        forcedEncoding = csv::encodingFromName(p.value(encodingOption));
        if (!forcedEncoding) {
            err(QCoreApplication::translate("tierdesk-cli",
                                            "error: unknown encoding “%1”; use UTF-8, UTF-8-BOM, GB18030, "
                                            "UTF-16LE or UTF-16BE.")
                    .arg(p.value(encodingOption)));
            return Usage;
        }
    }
    std::optional<char> forcedDelimiter;
    if (p.isSet(delimiterOption)) {
        forcedDelimiter = delimiterFromName(p.value(delimiterOption));
        if (!forcedDelimiter) {
            err(QCoreApplication::translate("tierdesk-cli",
                                            "error: --delimiter takes , or ; or tab, not “%1”.")
                    .arg(p.value(delimiterOption)));
            return Usage;
        }
    }
    // A failure: a JSON object on standard output for programs, a message on standard error for
    // people. Line 0: not about a line.
    const auto failed = [json](int code, const QString &message, qint64 line) {
        if (json) {
            QJsonObject object{{QStringLiteral("error"), message}};
            if (line > 0)
                object.insert(QStringLiteral("line"), line);
            outJson(object);
        } else if (line > 0) {
            err(QCoreApplication::translate("tierdesk-cli", "error: line %1: %2").arg(line).arg(message));
        } else {
            err(QCoreApplication::translate("tierdesk-cli", "error: %1").arg(message));
        }
        return code;
    };

    const QString path = p.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failed(Failed,
                      QCoreApplication::translate("tierdesk-cli", "Could not read %1: %2")
                          .arg(path, file.errorString()),
                      0);
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return failed(Failed,
                      QCoreApplication::translate("tierdesk-cli", "Could not read %1: %2")
                          .arg(path, file.errorString()),
                      0);
    }
    file.close();

    // The whole file decides between UTF-8 and GB18030, not only its beginning.
    const csv::Encoding encoding = forcedEncoding ? *forcedEncoding : csv::detectEncoding(bytes);
    //: How csv-inspect learnt the encoding or delimiter: the user named it
    const QString given = QCoreApplication::translate("tierdesk-cli", "as given");
    //: How csv-inspect learnt the encoding or delimiter: it guessed from the file
    const QString detected = QCoreApplication::translate("tierdesk-cli", "detected");
    if (!json) {
        out(QCoreApplication::translate("tierdesk-cli", "Encoding: %1, %2")
                .arg(csv::encodingName(encoding), forcedEncoding ? given : detected));
    }
    auto utf8 = csv::decodeToUtf8(bytes, encoding);
    if (!utf8)
        return failed(Rejected, utf8.error().message, csv::firstInvalidLine(bytes, encoding));
    const char delimiter = forcedDelimiter ? *forcedDelimiter
                                           : csv::detectDelimiter(QByteArrayView(*utf8).first(
                                                 std::min<qsizetype>(utf8->size(), qsizetype(64) << 10)));
    if (!json) {
        out(QCoreApplication::translate("tierdesk-cli", "Delimiter: %1, %2")
                .arg(delimiterName(delimiter), forcedDelimiter ? given : detected));
    }

    QBuffer buffer(&*utf8);
    buffer.open(QIODevice::ReadOnly);
    csv::Reader reader(&buffer, csv::Dialect{delimiter});
    QJsonArray rows;
    qint64 records = 0;
    qsizetype headerFields = -1;
    std::map<qsizetype, qint64> rowsByFields; // field count → rows below the header
    std::vector<std::pair<qint64, qsizetype>> ragged;
    std::vector<std::pair<qint64, QString>> malformed;
    for (bool more = true; more;) {
        switch (reader.next()) {
        case csv::Reader::Status::Record:
            ++records;
            if (headerFields < 0)
                headerFields = reader.size();
            else
                ++rowsByFields[reader.size()];
            if (reader.size() != headerFields)
                ragged.emplace_back(reader.line(), reader.size());
            if (json)
                rows.append(QJsonArray::fromStringList(reader.texts()));
            break;
        case csv::Reader::Status::Malformed:
            if (json)
                return failed(Rejected, reader.errorMessage(), reader.line());
            malformed.emplace_back(reader.line(), reader.errorMessage());
            break;
        case csv::Reader::Status::IoError:
            return failed(Failed, reader.errorMessage(), 0);
        case csv::Reader::Status::End:
            more = false;
            break;
        }
    }
    if (json) {
        outJson(QJsonObject{{QStringLiteral("encoding"), csv::encodingId(encoding)},
                            {QStringLiteral("delimiter"), QString(QLatin1Char(delimiter))},
                            {QStringLiteral("rows"), rows}});
        return Ok;
    }

    out(QCoreApplication::translate("tierdesk-cli", "Rows: %1 (the header and %2 more)")
            .arg(records)
            .arg(std::max<qint64>(0, records - 1)));
    if (headerFields >= 0)
        out(QCoreApplication::translate("tierdesk-cli", "Fields in the header: %1").arg(headerFields));
    for (const auto &[fields, count] : rowsByFields)
        out(QCoreApplication::translate("tierdesk-cli", "  %1 rows with %2 fields").arg(count).arg(fields));
    if (!ragged.empty()) {
        out(QCoreApplication::translate("tierdesk-cli", "Ragged rows (not as many fields as the header): %1")
                .arg(ragged.size()));
        constexpr std::size_t Shown = 50;
        for (std::size_t i = 0; i < ragged.size() && i < Shown; ++i) {
            out(QCoreApplication::translate("tierdesk-cli", "  line %1: %2 fields")
                    .arg(ragged[i].first)
                    .arg(ragged[i].second));
        }
        if (ragged.size() > Shown)
            out(QCoreApplication::translate("tierdesk-cli", "  … and %1 more").arg(ragged.size() - Shown));
    }
    for (const auto &[line, message] : malformed)
        err(QCoreApplication::translate("tierdesk-cli", "error: line %1: %2").arg(line).arg(message));
    return malformed.empty() ? Ok : Rejected;
}

int cmdDemo(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Creates a realistic demo database: customers, orders and calls over three years."));
    const QCommandLineOption customers(
        QStringLiteral("customers"),
        QCoreApplication::translate("tierdesk-cli", "How many customers (default 2000)."),
        QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("tierdesk-cli", "The random seed (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QCoreApplication::translate("tierdesk-cli", "The demo's today (default: today)."),
        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption ifMissing(
        QStringLiteral("if-missing"),
        QCoreApplication::translate("tierdesk-cli", "Do nothing when the database already has customers."));
    p.addOption(customers);
    p.addOption(seed);
    p.addOption(asOf);
    p.addOption(ifMissing);
    if (auto stop = parseCommand(p, args, 0))
        return *stop;
    bool okN = false, okSeed = false;
    const int n = p.value(customers).toInt(&okN);
    const quint64 s = p.value(seed).toULongLong(&okSeed);
    if (!okN || n <= 0 || n > io::maxDemoCustomers || !okSeed) {
        err(QCoreApplication::translate(
                "tierdesk-cli", "error: --customers takes a number from 1 to %1, --seed a whole number.")
                .arg(io::maxDemoCustomers));
        return Usage;
    }
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadWrite); !ok)
        return report(ok.error());
    if (p.isSet(ifMissing)) {
        auto count = store::CustomerRepository(db).count();
        if (!count)
            return report(count.error());
        if (*count > 0) {
            out(QCoreApplication::translate("tierdesk-cli", "%1 already has %2 customers; no demo created.")
                    .arg(ctx.dbPath)
                    .arg(*count));
            return Ok;
        }
    }
    io::DemoOptions options;
    options.customers = n;
    options.seed = s;
    options.today = ctx.asOf;
    auto summary = io::createDemo(db, options);
    if (!summary)
        return report(summary.error());
    // Classify right away so that the app opens on graded customers and a queue.
    auto classified = io::classifyAndStore(db, ctx.asOf);
    if (!classified)
        return report(classified.error());
    out(QCoreApplication::translate("tierdesk-cli",
                                    "Created a demo with %1 customers, %2 orders and %3 calls in %4.")
            .arg(summary->customers)
            .arg(summary->orders)
            .arg(summary->calls)
            .arg(ctx.dbPath));
    return Ok;
}

/// The options every list import shares: how to read the file, how to map its columns, where to
/// write the rows to fix, and a dry run.
struct ListImportOptions {
    QCommandLineOption encoding{
        QStringLiteral("encoding"),
        QCoreApplication::translate("tierdesk-cli", "utf-8, utf-8-bom, gb18030 (gbk), utf-16le or utf-16be "
                                                    "(default: detected)."),
        QStringLiteral("NAME")};
    QCommandLineOption delimiter{
        QStringLiteral("delimiter"),
        QCoreApplication::translate("tierdesk-cli", "comma, semicolon or tab (default: detected)."),
        QStringLiteral("SEP")};
    QCommandLineOption problems{
        QStringLiteral("problems"),
        QCoreApplication::translate("tierdesk-cli",
                                    "Write the rejected and skipped rows, with the reason, to this CSV file "
                                    "(fix it and import it again)."),
        QStringLiteral("FILE")};
    QCommandLineOption dryRun{
        QStringLiteral("dry-run"),
        QCoreApplication::translate("tierdesk-cli", "Check the file and report, without importing.")};

    void addTo(QCommandLineParser &p) const { p.addOptions({encoding, delimiter, problems, dryRun}); }

    /// The file as a table; an exit code when the options or the file are wrong.
    std::variant<io::Table, int> read(const QCommandLineParser &p) const
    {
        io::TableOptions options;
        if (p.isSet(encoding)) {
            options.encoding = csv::encodingFromName(p.value(encoding));
            if (!options.encoding) {
                err(QCoreApplication::translate("tierdesk-cli", "Unknown encoding “%1”.")
                        .arg(p.value(encoding)));
                return Usage;
            }
        }
        if (p.isSet(delimiter)) {
            options.delimiter = delimiterFromName(p.value(delimiter));
            if (!options.delimiter) {
                err(QCoreApplication::translate("tierdesk-cli", "Unknown delimiter “%1”.")
                        .arg(p.value(delimiter)));
                return Usage;
            }
        }
        auto table = io::readTable(p.positionalArguments().constFirst(), options);
        if (!table)
            return report(table.error());
        return std::move(*table);
    }

    /// Writes the rows to fix when --problems asks for them.
    int writeProblems(const QCommandLineParser &p,
                      const std::function<Result<qint64>(QIODevice *)> &write) const
    {
        if (!p.isSet(problems))
            return Ok;
        qint64 written = 0;
        if (auto ok = writeOutput(p.value(problems),
                                  [&](QIODevice *device) -> Result<void> {
                                      auto n = write(device);
                                      if (!n)
                                          return std::unexpected(n.error());
                                      written = *n;
                                      return {};
                                  });
            !ok)
            return report(ok.error());
        out(QCoreApplication::translate("tierdesk-cli", "Wrote the %n rejected or skipped row(s) to %1.",
                                        nullptr, int(written))
                .arg(p.value(problems)));
        return Ok;
    }
};

/// Prints what each column of the file is imported as.
template<typename FieldT>
void printMapping(const QStringList &header, const std::vector<FieldT> &mapping, QString (*label)(FieldT))
{
    for (qsizetype c = 0; c < header.size(); ++c)
        out(QCoreApplication::translate("tierdesk-cli", "  %1 → %2")
                .arg(header[c], label(mapping[std::size_t(c)])));
}

/// Prints every row the file or the plan rejects as `file:line: reason`.
template<typename PlannedT>
void printRejected(const QString &path, const io::Table &table, const std::vector<PlannedT> &rows)
{
    for (const auto &problem : table.problems)
        err(QStringLiteral("%1:%2: %3").arg(path).arg(problem.line).arg(problem.reason));
    for (const PlannedT &r : rows)
        if (!r.valid())
            err(QStringLiteral("%1:%2: %3").arg(path).arg(r.line).arg(r.errors.join(u' ')));
}

/// Applies the --map COLUMN=FIELD options to `mapping`; false (after saying why) when one names
/// no column or no field.
template<typename FieldT>
bool applyMapOptions(const QStringList &maps, const QStringList &header, std::vector<FieldT> &mapping,
                     const std::function<std::optional<FieldT>(QStringView)> &fromKey)
{
    for (const QString &m : maps) {
        const qsizetype eq = m.lastIndexOf(u'=');
        const auto field = eq > 0 ? fromKey(m.mid(eq + 1).trimmed()) : std::nullopt;
        const QString column = eq > 0 ? m.left(eq).trimmed() : QString();
        qsizetype index = header.indexOf(column);
        bool number = false;
        if (index < 0 && column.toInt(&number) > 0 && number)
            index = column.toInt() - 1;
        if (!field || index < 0 || index >= header.size()) {
            err(QCoreApplication::translate("tierdesk-cli", "Cannot use --map “%1”: no such column or field.")
                    .arg(m));
            return false;
        }
        mapping[std::size_t(index)] = *field;
    }
    return true;
}

int cmdImportCustomers(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli",
        "Imports a customer list (CSV from Excel, WPS or another CRM): columns are mapped from the "
        "header, duplicates are found by phone and e-mail in the database and in the file, and the "
        "whole import can be undone with undo-import."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QCoreApplication::translate("tierdesk-cli", "The CSV file."));
    const ListImportOptions common;
    const QCommandLineOption map(
        QStringLiteral("map"),
        QCoreApplication::translate(
            "tierdesk-cli", "Map a column by its header (or 1-based number) to a field: name, company, "
                            "phone, email, city, owner, tags, type, grade, created_at or ignore. "
                            "Repeatable; the other columns are guessed."),
        QStringLiteral("COLUMN=FIELD"));
    const QCommandLineOption duplicates(
        QStringLiteral("duplicates"),
        QCoreApplication::translate(
            "tierdesk-cli", "What to do with a duplicate: merge (fill empty fields, add tags; default), "
                            "update (overwrite), skip or create."),
        QStringLiteral("ACTION"), QStringLiteral("merge"));
    const QCommandLineOption owner(
        QStringLiteral("owner"),
        QCoreApplication::translate("tierdesk-cli", "Owner of the rows without one."),
        QStringLiteral("NAME"));
    common.addTo(p);
    p.addOptions({map, duplicates, owner});
    if (auto stop = parseCommand(p, args, 1))
        return *stop;

    const auto decision = io::decisionFromKey(p.value(duplicates));
    if (!decision) {
        err(QCoreApplication::translate("tierdesk-cli", "Unknown --duplicates action “%1”.")
                .arg(p.value(duplicates)));
        return Usage;
    }
    const QString path = p.positionalArguments().constFirst();
    auto read = common.read(p);
    if (const int *exit = std::get_if<int>(&read))
        return *exit;
    const io::Table *table = &std::get<io::Table>(read);

    std::vector<io::Field> mapping = io::guessMapping(table->header);
    if (!applyMapOptions<io::Field>(p.values(map), table->header, mapping, io::fieldFromKey))
        return Usage;
    printMapping(table->header, mapping, io::fieldLabel);

    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadWrite); !ok)
        return report(ok.error());
    io::PlanOptions planOptions;
    planOptions.duplicates = *decision;
    planOptions.defaultOwner = p.value(owner);
    planOptions.today = ctx.asOf;
    auto plan = io::planImport(db, *table, mapping, planOptions);
    if (!plan)
        return report(plan.error());
    printRejected(path, *table, plan->rows);
    out(QCoreApplication::translate(
            "tierdesk-cli", "%1 rows: %2 valid, %3 rejected; duplicates: %4 in the database, %5 in the file.")
            .arg(qint64(plan->rows.size() + table->problems.size()))
            .arg(plan->valid())
            .arg(plan->invalid() + qint64(table->problems.size()))
            .arg(plan->duplicatesInDatabase())
            .arg(plan->duplicatesInFile()));
    if (const int exit = common.writeProblems(
            p, [&](QIODevice *device) { return io::writeProblemRows(device, *table, *plan); });
        exit != Ok)
        return exit;
    if (p.isSet(common.dryRun))
        return plan->invalid() + qint64(table->problems.size()) > 0 ? Rejected : Ok;

    auto result = io::applyImport(db, *plan, QFileInfo(path).fileName(), qint64(table->problems.size()));
    if (!result)
        return report(result.error());
    out(QCoreApplication::translate("tierdesk-cli",
                                    "Import %1: %2 created, %3 updated, %4 merged, %5 skipped, %6 rejected. "
                                    "Undo it with: tierdesk-cli undo-import %1")
            .arg(result->batch)
            .arg(result->created)
            .arg(result->updated)
            .arg(result->merged)
            .arg(result->skipped)
            .arg(result->rejected));
    return result->rejected > 0 ? Rejected : Ok;
}

/// import-orders and import-calls.
int cmdImportActivities(const Context &ctx, const QStringList &args, io::ActivityKind kind)
{
    const bool orders = kind == io::ActivityKind::Orders;
    QCommandLineParser p;
    p.setApplicationDescription(
        orders
            ? QCoreApplication::translate(
                  "tierdesk-cli",
                  "Imports orders (CSV from a shop system, Excel or WPS) for the customers they name by "
                  "customer id, phone or e-mail. An order already there (same customer, day and amount) is "
                  "skipped. The whole import can be undone with undo-import; the customers are classified "
                  "again afterwards.")
            : QCoreApplication::translate(
                  "tierdesk-cli",
                  "Imports calls (CSV from a phone system, Excel or WPS) for the customers they name by "
                  "customer id, phone or e-mail. A call already there (same customer and time, to the second "
                  "or to the minute when the file has no seconds) is "
                  "skipped. The whole import can be undone with undo-import; the customers are classified "
                  "again afterwards."));
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QCoreApplication::translate("tierdesk-cli", "The CSV file."));
    const ListImportOptions common;
    const QCommandLineOption map(
        QStringLiteral("map"),
        orders
            ? QCoreApplication::translate(
                  "tierdesk-cli", "Map a column by its header (or 1-based number) to a field: customer_id, "
                                  "phone, email, date, amount, profit, note or ignore. Repeatable; the other "
                                  "columns are guessed.")
            : QCoreApplication::translate(
                  "tierdesk-cli", "Map a column by its header (or 1-based number) to a field: customer_id, "
                                  "phone, email, date, time, direction, outcome, duration, next_follow_up, "
                                  "note or ignore. Repeatable; the other columns are guessed."),
        QStringLiteral("COLUMN=FIELD"));
    const QCommandLineOption duplicates(
        QStringLiteral("duplicates"),
        QCoreApplication::translate("tierdesk-cli",
                                    "What to do with a row that is already there: skip (default) or create."),
        QStringLiteral("ACTION"), QStringLiteral("skip"));
    const QCommandLineOption noClassify(
        QStringLiteral("no-classify"),
        QCoreApplication::translate("tierdesk-cli", "Do not classify the customers again after the import."));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QCoreApplication::translate("tierdesk-cli", "Today, for the check that no row lies in the future and "
                                                    "for the classification (default: today)."),
        QStringLiteral("YYYY-MM-DD"));
    common.addTo(p);
    p.addOptions({map, duplicates, noClassify, asOf});
    if (auto stop = parseCommand(p, args, 1))
        return *stop;

    const auto decision = io::decisionFromKey(p.value(duplicates));
    if (decision != io::Decision::Skip && decision != io::Decision::Create) {
        err(QCoreApplication::translate("tierdesk-cli", "Unknown --duplicates action “%1”.")
                .arg(p.value(duplicates)));
        return Usage;
    }
    const QString path = p.positionalArguments().constFirst();
    auto read = common.read(p);
    if (const int *exit = std::get_if<int>(&read))
        return *exit;
    const io::Table *table = &std::get<io::Table>(read);

    std::vector<io::ActivityField> mapping = io::guessActivityMapping(kind, table->header);
    const auto offered = io::activityFields(kind);
    const std::function<std::optional<io::ActivityField>(QStringView)> fromKey =
        [&](QStringView key) -> std::optional<io::ActivityField> {
        const auto f = io::activityFieldFromKey(key);
        if (f && std::find(offered.begin(), offered.end(), *f) != offered.end())
            return f;
        return std::nullopt;
    };
    if (!applyMapOptions(p.values(map), table->header, mapping, fromKey))
        return Usage;
    printMapping(table->header, mapping, io::activityFieldLabel);

    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadWrite); !ok)
        return report(ok.error());
    io::ActivityPlanOptions planOptions;
    planOptions.duplicates = *decision;
    planOptions.today = ctx.asOf;
    auto plan = io::planActivityImport(db, kind, *table, mapping, planOptions);
    if (!plan)
        return report(plan.error());
    printRejected(path, *table, plan->rows);
    out(QCoreApplication::translate(
            "tierdesk-cli", "%1 rows: %2 valid for %3 customers, %4 rejected; already there: %5 in the "
                            "database, %6 earlier in the file.")
            .arg(qint64(plan->rows.size() + table->problems.size()))
            .arg(plan->valid())
            .arg(plan->customers())
            .arg(plan->invalid() + qint64(table->problems.size()))
            .arg(plan->duplicatesInDatabase())
            .arg(plan->duplicatesInFile()));
    if (const int exit = common.writeProblems(
            p, [&](QIODevice *device) { return io::writeProblemRows(device, *table, *plan); });
        exit != Ok)
        return exit;
    if (p.isSet(common.dryRun))
        return plan->invalid() + qint64(table->problems.size()) > 0 ? Rejected : Ok;

    auto result =
        io::applyActivityImport(db, *plan, QFileInfo(path).fileName(), qint64(table->problems.size()));
    if (!result)
        return report(result.error());
    out((orders ? QCoreApplication::translate("tierdesk-cli",
                                              "Import %1: %2 orders added, %3 skipped, %4 rejected. "
                                              "Undo it with: tierdesk-cli undo-import %1")
                : QCoreApplication::translate("tierdesk-cli",
                                              "Import %1: %2 calls added, %3 skipped, %4 rejected. "
                                              "Undo it with: tierdesk-cli undo-import %1"))
            .arg(result->batch)
            .arg(result->created)
            .arg(result->skipped)
            .arg(result->rejected));
    if (result->created > 0 && !p.isSet(noClassify)) {
        auto classified = io::classifyAndStore(db, ctx.asOf);
        if (!classified)
            return report(classified.error());
        out(QCoreApplication::translate("tierdesk-cli", "Classified %1 customers again as of %2.")
                .arg(classified->summary.customers)
                .arg(isoDate(ctx.asOf)));
    }
    return result->rejected > 0 ? Rejected : Ok;
}

int cmdIndexSearch(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Builds the search index of the customers, and their index by company, that a big "
                        "import left for later."));
    if (auto stop = parseCommand(p, args, 0))
        return *stop;
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadWrite); !ok)
        return report(ok.error());
    auto indexes = store::deferredindexes::build(db);
    if (!indexes)
        return report(indexes.error());
    if (*indexes > 0)
        out(QCoreApplication::translate("tierdesk-cli", "Built the customer list's index by company."));
    auto texts = store::PendingSearchBuild::run(db);
    if (!texts)
        return report(texts.error());
    if (*texts > 0)
        out(QCoreApplication::translate("tierdesk-cli", "Indexed %1 customers for search.").arg(*texts));
    else if (*indexes == 0)
        out(QCoreApplication::translate("tierdesk-cli", "The search index is complete; nothing to do."));
    return Ok;
}

int cmdImports(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("tierdesk-cli", "Lists the imports, newest first."));
    if (auto stop = parseCommand(p, args, 0))
        return *stop;
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadOnly); !ok)
        return report(ok.error());
    auto batches = store::ImportLog(db).batches();
    if (!batches)
        return report(batches.error());
    for (const store::ImportBatch &b : *batches) {
        const QString what =
            b.kind == store::ImportKind::Orders  ? QCoreApplication::translate("tierdesk-cli", "orders")
            : b.kind == store::ImportKind::Calls ? QCoreApplication::translate("tierdesk-cli", "calls")
                                                 : QCoreApplication::translate("tierdesk-cli", "customers");
        out(QCoreApplication::translate("tierdesk-cli",
                                        "%1  %2  %3 (%4): %5 created, %6 changed, %7 skipped, %8 rejected%9")
                .arg(b.id)
                .arg(b.importedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), b.source, what)
                .arg(b.created)
                .arg(b.updated)
                .arg(b.skipped)
                .arg(b.rejected)
                .arg(b.undoneAt.isValid() ? QCoreApplication::translate("tierdesk-cli", " (undone)")
                                          : QString()));
    }
    return Ok;
}

int cmdUndoImport(const Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tierdesk-cli", "Undoes an import as a whole (see 'imports' for the numbers)."));
    p.addPositionalArgument(QStringLiteral("N"),
                            QCoreApplication::translate("tierdesk-cli", "The import's number."));
    if (auto stop = parseCommand(p, args, 1))
        return *stop;
    bool number = false;
    const qint64 batch = p.positionalArguments().constFirst().toLongLong(&number);
    if (!number) {
        err(p.helpText());
        return Usage;
    }
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadWrite); !ok)
        return report(ok.error());
    if (auto ok = store::ImportLog(db).undo(batch); !ok)
        return report(ok.error());
    out(QCoreApplication::translate("tierdesk-cli", "Import %1 was undone.").arg(batch));
    return Ok;
}

void usage()
{
    err(QCoreApplication::translate(
            "tierdesk-cli",
            "Usage: tierdesk-cli [--db PATH] COMMAND [OPTIONS]\n"
            "\n"
            "Commands:\n"
            "  import DIR [--keep-going]           import the three interchange files, ids kept\n"
            "  classify [--as-of D] [--out F.csv]  classify every customer and store the results\n"
            "  queue [--as-of D] --out F.csv|F.xlsx\n"
            "                                      the call list of a day, in priority order\n"
            "  export DIR                          write the three interchange files\n"
            "  demo --customers N [--seed S]       create a demo database (--if-missing: only if empty)\n"
            "  import-customers FILE [--map C=F]   import a customer list (CSV from Excel/WPS), with "
            "duplicates\n"
            "  import-orders FILE [--map C=F]      import orders for customers found by id, phone or e-mail\n"
            "  import-calls FILE [--map C=F]       import calls for customers found by id, phone or e-mail\n"
            "  index-search                        build the search and company indexes a big import left\n"
            "  imports                             list the imports\n"
            "  undo-import N                       undo import N as a whole\n"
            "  export-customers --out F.csv|F.xlsx [--owner NAME] [--tier A|B|C|D] [--search TEXT]\n"
            "                                      the customer list, for Excel, WPS and LibreOffice\n"
            "  csv-inspect FILE [--encoding NAME] [--delimiter C] [--json]\n"
            "                                      how TierDesk reads a CSV file (no database needed)\n"
            "\n"
            "--db PATH defaults to %1.\n"
            "Run 'tierdesk-cli COMMAND --help' for a command's options.")
            .arg(AppPaths::defaultDatabase()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    AppPaths::setUpApplication();
    // Messages and the readable columns of the CSV files (reasons, explanations) follow the
    // system's language, like the desktop app's default.
    Language::install(Language::system());

    // Global options come before the command; everything after it belongs to the command.
    QStringList args = QCoreApplication::arguments();
    Context ctx;
    ctx.dbPath = AppPaths::defaultDatabase();
    ctx.asOf = QDate::currentDate();
    int i = 1;
    for (; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == u"--db" && i + 1 < args.size()) {
            ctx.dbPath = args[++i];
        } else if (a.startsWith(u"--db=")) {
            ctx.dbPath = a.mid(5);
        } else if (a == u"--help" || a == u"-h") {
            usage();
            return Ok;
        } else if (a == u"--version") {
            out(QStringLiteral("tierdesk-cli ") + QCoreApplication::applicationVersion());
            return Ok;
        } else {
            break;
        }
    }
    if (i >= args.size()) {
        usage();
        return Usage;
    }
    const QString command = args[i];
    QStringList rest = args.mid(i); // the command name stands in for argv[0]
    // --as-of is shared by classify and queue; validate it once, strictly.
    for (int k = 1; k < rest.size(); ++k) {
        QString value;
        if (rest[k] == u"--as-of" && k + 1 < rest.size())
            value = rest[k + 1];
        else if (rest[k].startsWith(u"--as-of="))
            value = rest[k].mid(8);
        else
            continue;
        ctx.asOf = parseIsoDate(QStringView(value));
        if (!ctx.asOf.isValid()) {
            err(QCoreApplication::translate("tierdesk-cli",
                                            "error: --as-of “%1” is not a date of the form YYYY-MM-DD.")
                    .arg(value));
            return Usage;
        }
    }
    if (command == u"import")
        return cmdImport(ctx, rest);
    if (command == u"classify")
        return cmdClassify(ctx, rest);
    if (command == u"queue")
        return cmdQueue(ctx, rest);
    if (command == u"export")
        return cmdExport(ctx, rest);
    if (command == u"demo")
        return cmdDemo(ctx, rest);
    if (command == u"import-customers")
        return cmdImportCustomers(ctx, rest);
    if (command == u"import-orders")
        return cmdImportActivities(ctx, rest, io::ActivityKind::Orders);
    if (command == u"import-calls")
        return cmdImportActivities(ctx, rest, io::ActivityKind::Calls);
    if (command == u"imports")
        return cmdImports(ctx, rest);
    if (command == u"index-search")
        return cmdIndexSearch(ctx, rest);
    if (command == u"undo-import")
        return cmdUndoImport(ctx, rest);
    if (command == u"export-customers")
        return cmdExportCustomers(ctx, rest);
    if (command == u"csv-inspect")
        return cmdCsvInspect(rest);
    err(QCoreApplication::translate("tierdesk-cli", "error: unknown command “%1”.").arg(command));
    usage();
    return Usage;
}
