// tierdesk-cli: the core of TierDesk from a terminal — import, classify, call lists, export, demo.

#include "classify/classify.h"
#include "io/calllist.h"
#include "io/classifyjob.h"
#include "io/demodata.h"
#include "io/interchange.h"
#include "model/apppaths.h"
#include "model/dates.h"
#include "model/language.h"
#include "store/database.h"
#include "store/repositories.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

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
    auto result = io::classifyDatabase(db, ctx.asOf, /*store=*/true);
    if (!result)
        return report(result.error());
    if (p.isSet(outFile)) {
        if (auto ok = writeOutput(p.value(outFile),
                                  [&](QIODevice *dev) { return io::writeClassificationCsv(dev, *result); });
            !ok)
            return report(ok.error());
    }
    const auto &s = result->run.summary;
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
        QCoreApplication::translate("tierdesk-cli", "The CSV file to write (- for the terminal)."),
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
    store::Database db;
    if (auto ok = openDatabase(db, ctx, store::Database::Mode::ReadOnly); !ok)
        return report(ok.error());
    auto result = io::classifyDatabase(db, ctx.asOf, /*store=*/false);
    if (!result)
        return report(result.error());
    qint64 written = 0;
    io::CallListOptions options;
    options.spreadsheet = !p.isSet(plain);
    if (auto ok = writeOutput(p.value(outFile),
                              [&](QIODevice *dev) -> Result<void> {
                                  auto rows = io::queueRows(db, *result, ctx.asOf);
                                  if (!rows)
                                      return std::unexpected(rows.error());
                                  auto n = io::writeCallList(dev, *rows, ctx.asOf, options);
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
    auto classified = io::classifyDatabase(db, ctx.asOf, /*store=*/true);
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

void usage()
{
    err(QCoreApplication::translate(
            "tierdesk-cli",
            "Usage: tierdesk-cli [--db PATH] COMMAND [OPTIONS]\n"
            "\n"
            "Commands:\n"
            "  import DIR [--keep-going]           import the three interchange files, ids kept\n"
            "  classify [--as-of D] [--out F.csv]  classify every customer and store the results\n"
            "  queue [--as-of D] --out F.csv       the call list of a day, in priority order\n"
            "  export DIR                          write the three interchange files\n"
            "  demo --customers N [--seed S]       create a demo database (--if-missing: only if empty)\n"
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
    err(QCoreApplication::translate("tierdesk-cli", "error: unknown command “%1”.").arg(command));
    usage();
    return Usage;
}
