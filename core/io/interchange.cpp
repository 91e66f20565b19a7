#include "interchange.h"

#include "csv/csvreader.h"
#include "csv/csvwriter.h"
#include "model/dates.h"
#include "model/money.h"
#include "model/threads.h"
#include "store/bulk.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace tierdesk::io {
namespace {

const QString kCustomers = QStringLiteral("customers.csv");
const QString kOrders = QStringLiteral("orders.csv");
const QString kCalls = QStringLiteral("calls.csv");

constexpr std::array kCustomerColumns{"id",   "name",  "company",    "type",   "phone", "email",
                                      "city", "owner", "created_at", "intent", "tags"};
constexpr std::array kOrderColumns{"id", "customer_id", "ordered_at", "amount", "profit"};
constexpr std::array kCallColumns{"id",      "customer_id", "called_at",      "direction",
                                  "outcome", "duration_s",  "next_follow_up", "note"};

/// Maps the spec's column names to positions in the file's header (any order; extra columns
/// are ignored).
template<std::size_t N>
struct Header {
    std::array<qsizetype, N> pos{};
    qsizetype width = 0;
};

/// Field access for one record with the file's header, with strict UTF-8 decoding.
class Row {
public:
    Row(const csv::Reader &r, const qsizetype *pos)
        : m_r(r)
        , m_pos(pos)
    {}
    QByteArrayView raw(std::size_t column) const { return m_r.field(m_pos[column]); }
    /// The field as text; sets `bad` when it is not valid UTF-8.
    QString text(std::size_t column, bool &bad) const
    {
        const QByteArrayView b = raw(column);
        if (b.isEmpty())
            return {};
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString s = decoder(b);
        if (decoder.hasError())
            bad = true;
        return s;
    }

private:
    const csv::Reader &m_r;
    const qsizetype *m_pos;
};

std::optional<std::int64_t> parseId(QByteArrayView b)
{
    if (b.isEmpty() || b.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    for (char c : b) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (v <= 0)
        return std::nullopt;
    return v;
}

QString quoted(QByteArrayView b)
{
    QString s = QString::fromUtf8(b.first(std::min<qsizetype>(b.size(), 40)));
    return u'“' + s + u'”';
}

/// A set of positive ids: a bitmap for the usual dense ids, a hash set for the rest.
class IdSet {
public:
    void insert(std::int64_t id)
    {
        if (id < kDense) {
            if (std::size_t(id) >= m_bits.size())
                m_bits.resize(std::max<std::size_t>(std::size_t(id) + 1, m_bits.size() * 2));
            m_bits[std::size_t(id)] = true;
        } else {
            m_sparse.insert(id);
        }
    }
    bool contains(std::int64_t id) const
    {
        if (id < kDense)
            return std::size_t(id) < m_bits.size() && m_bits[std::size_t(id)];
        return m_sparse.contains(id);
    }

private:
    static constexpr std::int64_t kDense = 1 << 26;
    std::vector<bool> m_bits;
    QSet<std::int64_t> m_sparse;
};

/// One interchange file being read: header check, records, rejections.
class FileReader {
public:
    FileReader(const QString &dir, const QString &name, ImportReport &report)
        : m_name(name)
        , m_file(QDir(dir).filePath(name))
        , m_rejected(&report.rejected)
    {}

    bool exists() const { return m_file.exists(); }
    qint64 size() const { return m_file.size(); }

    template<std::size_t N>
    Result<void> open(const std::array<const char *, N> &columns, Header<N> &header)
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return fail(QCoreApplication::translate("tierdesk::io::Interchange", "Could not open %1: %2")
                            .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
        m_reader.emplace(&m_file);
        const auto status = m_reader->next();
        if (status == csv::Reader::Status::End)
            return fail(QCoreApplication::translate("tierdesk::io::Interchange",
                                                    "%1 is empty: it needs at least the header row.")
                            .arg(m_name));
        if (status != csv::Reader::Status::Record)
            return fail(QCoreApplication::translate("tierdesk::io::Interchange",
                                                    "%1:%2: the header row cannot be read: %3")
                            .arg(m_name)
                            .arg(m_reader->line())
                            .arg(m_reader->errorMessage()));
        header.width = m_reader->size();
        for (std::size_t c = 0; c < N; ++c) {
            header.pos[c] = -1;
            for (qsizetype i = 0; i < m_reader->size(); ++i) {
                QByteArrayView f = m_reader->field(i);
                if (i == 0 && f.startsWith("\xEF\xBB\xBF"))
                    f = f.sliced(3);
                if (f == QByteArrayView(columns[c]))
                    header.pos[c] = i;
            }
            if (header.pos[c] < 0)
                return fail(QCoreApplication::translate("tierdesk::io::Interchange",
                                                        "%1: the header has no column “%2”.")
                                .arg(m_name, QString::fromLatin1(columns[c])));
        }
        return {};
    }

    /// Advances to the next well-formed record of the right width; rejects the others.
    /// Returns false at the end of the file (or on a read error, set in `error`).
    bool next(qsizetype width)
    {
        for (;;) {
            switch (m_reader->next()) {
            case csv::Reader::Status::Record:
                if (m_reader->size() != width) {
                    reject(QCoreApplication::translate("tierdesk::io::Interchange",
                                                       "expected %1 fields, found %2")
                               .arg(width)
                               .arg(m_reader->size()));
                    continue;
                }
                return true;
            case csv::Reader::Status::Malformed:
                reject(m_reader->errorMessage());
                continue;
            case csv::Reader::Status::End:
                return false;
            case csv::Reader::Status::IoError:
                error = QCoreApplication::translate("tierdesk::io::Interchange", "Could not read %1: %2")
                            .arg(m_name, m_reader->errorMessage());
                return false;
            }
        }
    }

    void reject(const QString &reason) { m_rejected->push_back({m_name, m_reader->line(), reason}); }
    /// Where reject() puts the rejections: the report's list, or a batch's (see CheckingThread).
    /// Returns the list they went to before.
    std::vector<Rejection> *redirect(std::vector<Rejection> *to) { return std::exchange(m_rejected, to); }

    const csv::Reader &reader() const { return *m_reader; }
    const QString &name() const { return m_name; }
    qint64 bytesRead() const { return m_reader ? m_reader->bytesRead() : 0; }
    QString error;

private:
    QString m_name;
    QFile m_file;
    std::vector<Rejection> *m_rejected;
    std::optional<csv::Reader> m_reader;
};

/// A customer checked, with the texts the import binds worked out on the checking thread too.
struct PreparedCustomer : Customer {
    store::BulkImport::PreparedCustomer texts;
};

/// Rows of one file read and checked by a CheckingThread, for the importing thread to insert.
template<typename Record>
struct CheckedBatch {
    std::vector<Record> rows;
    std::vector<qint64> lines;             ///< the line of each row, for a rejection by the database
    std::vector<Rejection> rejected;       ///< the rows the checks rejected, in file order
    std::vector<std::size_t> rejectedAt;   ///< for each of those: how many rows of the batch precede it
    std::vector<std::int64_t> rejectedIds; ///< for each of those: the row's id, 0 when it has none
    qint64 bytesRead = 0;                  ///< of the file, after the batch
};

/// Reads and checks the rows of one file on a second thread while the importing thread inserts
/// the rows checked before: at a million customers reading and checking (the CSV, the ids,
/// dates, amounts, UTF-8 and the texts) was about half of the importing thread's time for the
/// orders and the calls. The batches come in file order,
/// each with its rejections among its rows, so the report keeps the order of the file. The reader
/// stays kAhead batches ahead at most; stop() (or the destructor) ends the thread without
/// waiting for the rest of the file.
template<typename Record>
class CheckingThread {
public:
    /// The reason a row is rejected, or empty with the record filled in. Runs on the thread: it
    /// may only read what does not change while the file is read.
    using Check = std::function<QString(const Row &, Record &)>;

    CheckingThread(FileReader &file, qsizetype width, const qsizetype *pos, Check check)
        : m_file(file)
        , m_width(width)
        , m_pos(pos)
        , m_check(std::move(check))
    {
        m_thread = std::thread([this] { run(); });
    }
    ~CheckingThread() { stop(); }
    CheckingThread(const CheckingThread &) = delete;
    CheckingThread &operator=(const CheckingThread &) = delete;

    /// Waits for the next batch; false after the last one. Then the file's `error` is set when it
    /// could not be read to the end. The batch `batch` held before goes back to the thread, which
    /// frees its records: the memory of a record comes from the allocator's arena of the thread
    /// that made it, and a free from another thread waits for that arena's lock while the
    /// checking thread allocates (at a million customers, some 5 % of the importing thread's time
    /// went to that lock and the wake-ups it took).
    bool take(CheckedBatch<Record> &batch)
    {
        std::unique_lock lock(m_mutex);
        if (!batch.rows.empty() && !m_done)
            m_spent.push_back(std::move(batch));
        m_ready.wait(lock, [this] { return !m_queue.empty() || m_done; });
        if (m_queue.empty())
            return false;
        batch = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_room.notify_one();
        return true;
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_room.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    static constexpr std::size_t kRows = 1024;
    /// Enough to ride over the moments either thread waits for the disk or the other core. With
    /// 64 batches ahead the import's peak at 1M was 266–269 MiB (203–222 MiB before the thread),
    /// with 16 it is 238–239 MiB.
    static constexpr std::size_t kAhead = 16;

    void run()
    {
        CheckedBatch<Record> batch;
        std::vector<Rejection> *const before = m_file.redirect(&batch.rejected);
        // The rejections since the last row come before the next one.
        const auto mark = [&batch] {
            batch.rejectedAt.resize(batch.rejected.size(), batch.rows.size());
            batch.rejectedIds.resize(batch.rejected.size(), 0);
        };
        Record record;
        bool going = true;
        while (going && m_file.next(m_width)) {
            mark();
            const Row row(m_file.reader(), m_pos);
            record.id = 0;
            const QString reason = m_check(row, record);
            if (reason.isEmpty()) {
                batch.rows.push_back(std::move(record));
                batch.lines.push_back(m_file.reader().line());
            } else {
                m_file.reject(reason);
                batch.rejectedAt.push_back(batch.rows.size());
                batch.rejectedIds.push_back(record.id);
            }
            if (batch.rows.size() + batch.rejected.size() >= kRows)
                going = push(batch);
        }
        mark();
        if (going && (!batch.rows.empty() || !batch.rejected.empty()))
            push(batch);
        m_file.redirect(before);
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_ready.notify_all();
    }

    /// Queues the batch and starts the next; false when stopped. Frees the batches the importing
    /// thread is done with.
    bool push(CheckedBatch<Record> &batch)
    {
        batch.bytesRead = m_file.bytesRead();
        std::vector<CheckedBatch<Record>> spent;
        {
            std::unique_lock lock(m_mutex);
            m_room.wait(lock, [this] { return m_queue.size() < kAhead || m_stop; });
            if (m_stop)
                return false;
            m_queue.push_back(std::move(batch));
            spent.swap(m_spent);
        }
        m_ready.notify_one();
        batch = {};
        return true;
    }

    FileReader &m_file;
    const qsizetype m_width;
    const qsizetype *const m_pos;
    const Check m_check;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_ready; ///< a batch queued, or the end
    std::condition_variable m_room;  ///< a batch taken, or stop()
    std::deque<CheckedBatch<Record>> m_queue;
    std::vector<CheckedBatch<Record>> m_spent; ///< taken and done with, for the thread to free
    bool m_stop = false;
    bool m_done = false;
};

/// Where the rows of one file go in the report, and who follows its reading.
struct FileOutcome {
    std::vector<Rejection> &rejected; ///< in file order
    qint64 &count;                    ///< of the rows added
    /// Told the bytes of the file read so far after each batch; false stops the file.
    std::function<bool(qint64)> read;
};

class Importer {
public:
    Importer(store::Database &db, const QString &dir, const ImportOptions &options, ImportReport &report)
        : m_bulk(db)
        , m_dir(dir)
        , m_options(options)
        , m_report(report)
    {}

    Result<void> run()
    {
        FileReader customers(m_dir, kCustomers, m_report);
        FileReader orders(m_dir, kOrders, m_report);
        FileReader calls(m_dir, kCalls, m_report);
        if (!customers.exists())
            return fail(QCoreApplication::translate("tierdesk::io::Interchange", "There is no %1 in “%2”.")
                            .arg(kCustomers, QDir::toNativeSeparators(m_dir)));
        m_total =
            customers.size() + (orders.exists() ? orders.size() : 0) + (calls.exists() ? calls.size() : 0);
        if (auto ok = m_bulk.begin(); !ok)
            return ok;
        if (auto ok = readCustomers(customers); !ok)
            return ok;
        m_done += customers.size();
        // Into an empty database the calls go in on a thread of their own while this one adds the
        // orders (store::BulkImport::sideCalls()). Stopped and waited for when this returns.
        SideThread side;
        if (calls.exists() && !m_report.cancelled) {
            auto sideCalls = m_bulk.sideCalls();
            if (!sideCalls)
                return std::unexpected(sideCalls.error());
            if (*sideCalls)
                startSide(side, calls, **sideCalls);
        }
        if (orders.exists() && !m_report.cancelled) {
            if (auto ok = readOrders(orders); !ok)
                return ok;
            m_done += orders.size();
        }
        if (side.thread.joinable()) {
            // The indexes of what is in, while the calls still go in (not for an import that is
            // undone anyway).
            if (!m_report.cancelled && (m_report.rejected.empty() || m_options.keepGoing)) {
                if (auto ok = m_bulk.buildIndexes(); !ok)
                    return ok;
            }
            if (auto ok = finishSide(side); !ok)
                return ok;
        } else if (calls.exists() && !m_report.cancelled) {
            if (auto ok = readCalls(calls, mainFile(m_report.calls), nullptr); !ok)
                return ok;
        }
        if (m_report.cancelled || (!m_report.rejected.empty() && !m_options.keepGoing)) {
            m_bulk.rollback();
            // Nothing was imported: the counts say so.
            m_report.customers = m_report.orders = m_report.calls = 0;
            return {};
        }
        if (m_options.progress)
            m_options.progress(m_total, m_total);
        if (auto ok = m_bulk.commit(); !ok)
            return ok;
        m_report.committed = true;
        return {};
    }

private:
    Result<void> readCustomers(FileReader &f)
    {
        Header<kCustomerColumns.size()> h;
        if (auto ok = f.open(kCustomerColumns, h); !ok)
            return ok;
        return insertChecked<PreparedCustomer>(
            f, h,
            [](const Row &row, PreparedCustomer &c) {
                QString reason = checkCustomerRow(row, c);
                if (reason.isEmpty())
                    c.texts = store::BulkImport::prepare(c);
                return reason;
            },
            [this](const std::function<const PreparedCustomer *()> &next,
                   const std::function<void(const Error &)> &rejected) -> Result<void> {
                while (const PreparedCustomer *c = next()) {
                    // The id exists already (earlier in this file or in the database): this row
                    // is rejected, the customer with that id stays as it is.
                    if (auto ok = m_bulk.addCustomer(*c, c->texts); ok)
                        m_accepted.insert(c->id);
                    else
                        rejected(ok.error());
                }
                return {};
            },
            mainFile(m_report.customers),
            [this](CustomerId id) {
                // A second row with an id already imported does not undo the first one.
                if (!m_accepted.contains(id))
                    m_rejectedCustomers.insert(id);
            });
    }

    /// The reason a row of customers.csv is rejected, or empty with `c` filled in. On the thread
    /// that checks the rows. When the row is rejected with an id, `c.id` is that id.
    static QString checkCustomerRow(const Row &row, Customer &c)
    {
        enum { Id, Name, Company, Type, Phone, Email, City, Owner, CreatedAt, Intent, Tags };
        const auto id = parseId(row.raw(Id));
        if (!id)
            return QCoreApplication::translate("tierdesk::io::Interchange",
                                               "id %1 is not a positive whole number")
                .arg(quoted(row.raw(Id)));
        bool badText = false;
        c = Customer{};
        c.id = *id;
        c.name = row.text(Name, badText);
        c.company = row.text(Company, badText);
        c.phone = row.text(Phone, badText);
        c.email = row.text(Email, badText);
        c.city = row.text(City, badText);
        c.owner = row.text(Owner, badText);
        const QString tags = row.text(Tags, badText);
        QString reason;
        if (badText)
            reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                 "the row is not valid UTF-8 (save the file as UTF-8)");
        else if (c.name.trimmed().isEmpty())
            reason = QCoreApplication::translate("tierdesk::io::Interchange", "name is empty");
        if (reason.isEmpty() && !row.raw(Type).isEmpty()) {
            c.type = customerTypeFromText(QString::fromUtf8(row.raw(Type)));
            if (!c.type)
                reason = QCoreApplication::translate(
                             "tierdesk::io::Interchange",
                             "type %1 is not one of individual, enterprise, government, channel")
                             .arg(quoted(row.raw(Type)));
        }
        if (reason.isEmpty()) {
            c.createdAt = parseIsoDate(row.raw(CreatedAt));
            if (!c.createdAt.isValid())
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "created_at %1 is not a date of the form YYYY-MM-DD")
                             .arg(quoted(row.raw(CreatedAt)));
        }
        if (reason.isEmpty() && !row.raw(Intent).isEmpty()) {
            c.grade = gradeFromText(QString::fromUtf8(row.raw(Intent)));
            if (!c.grade)
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "intent %1 is not one of S, A, B, C, D")
                             .arg(quoted(row.raw(Intent)));
        }
        if (!reason.isEmpty())
            return reason;
        for (const QString &tag : tags.split(u';', Qt::SkipEmptyParts)) {
            const QString t = tag.trimmed();
            if (!t.isEmpty() && !c.tags.contains(t))
                c.tags << t;
        }
        return {};
    }

    /// The reason an order's or call's customer reference is not acceptable, or empty.
    QString checkCustomer(QByteArrayView raw, CustomerId &id) const
    {
        const auto parsed = parseId(raw);
        if (!parsed)
            return QCoreApplication::translate("tierdesk::io::Interchange",
                                               "customer_id %1 is not a positive whole number")
                .arg(quoted(raw));
        id = *parsed;
        if (m_accepted.contains(id))
            return {};
        if (m_rejectedCustomers.contains(id))
            return QCoreApplication::translate("tierdesk::io::Interchange", "customer %1 was rejected")
                .arg(id);
        return QCoreApplication::translate("tierdesk::io::Interchange", "customer %1 is not in customers.csv")
            .arg(id);
    }

    Result<void> readOrders(FileReader &f)
    {
        Header<kOrderColumns.size()> h;
        if (auto ok = f.open(kOrderColumns, h); !ok)
            return ok;
        return insertChecked<Order>(
            f, h, [this](const Row &row, Order &o) { return checkOrder(row, o); },
            [this](const std::function<const Order *()> &next,
                   const std::function<void(const Error &)> &rejected) {
                return m_bulk.addOrders(next, rejected);
            },
            mainFile(m_report.orders));
    }

    /// The reason a row of orders.csv is rejected, or empty with `o` filled in. On the thread
    /// that checks the rows: it only reads what readCustomers() left.
    QString checkOrder(const Row &row, Order &o) const
    {
        enum { Id, CustomerIdCol, OrderedAt, Amount, Profit };
        const auto id = parseId(row.raw(Id));
        if (!id)
            return QCoreApplication::translate("tierdesk::io::Interchange",
                                               "id %1 is not a positive whole number")
                .arg(quoted(row.raw(Id)));
        o.id = *id;
        QString reason = checkCustomer(row.raw(CustomerIdCol), o.customerId);
        if (reason.isEmpty()) {
            o.orderedAt = parseIsoDate(row.raw(OrderedAt));
            if (!o.orderedAt.isValid())
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "ordered_at %1 is not a date of the form YYYY-MM-DD")
                             .arg(quoted(row.raw(OrderedAt)));
        }
        if (reason.isEmpty()) {
            const auto amount = parseCents(row.raw(Amount));
            if (!amount)
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "amount %1 is not a number with at most two decimals")
                             .arg(quoted(row.raw(Amount)));
            else
                o.amount = *amount;
        }
        o.profit.reset();
        if (reason.isEmpty() && !row.raw(Profit).isEmpty()) {
            o.profit = parseCents(row.raw(Profit));
            if (!o.profit)
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "profit %1 is not a number with at most two decimals")
                             .arg(quoted(row.raw(Profit)));
        }
        return reason;
    }

    /// The calls into the database, or through `side` on the thread that owns it.
    Result<void> readCalls(FileReader &f, const FileOutcome &out, store::BulkImport::SideCalls *side)
    {
        Header<kCallColumns.size()> h;
        if (auto ok = f.open(kCallColumns, h); !ok)
            return ok;
        return insertChecked<Call>(
            f, h, [this](const Row &row, Call &c) { return checkCall(row, c); },
            [this, side](const std::function<const Call *()> &next,
                         const std::function<void(const Error &)> &rejected) {
                return side ? side->addCalls(next, rejected) : m_bulk.addCalls(next, rejected);
            },
            out);
    }

    /// The calls read on a thread of their own, into a SideCalls. `stop` ends them early (a
    /// cancel, or a failure of the rest); `done` is set, under `lock`, when the thread is done.
    struct SideThread {
        ~SideThread()
        {
            stop = true;
            if (thread.joinable())
                thread.join();
        }
        std::thread thread;
        std::atomic<bool> stop = false;
        std::atomic<qint64> read = 0; ///< bytes of calls.csv read
        std::mutex lock;
        std::condition_variable finished;
        bool done = false;
        std::vector<Rejection> rejected; ///< of calls.csv, in file order
        qint64 count = 0;
        Result<void> result;
    };

    void startSide(SideThread &side, FileReader &calls, store::BulkImport::SideCalls &into)
    {
        calls.redirect(&side.rejected);
        m_sideRead = &side.read;
        side.thread = std::thread([this, &side, &calls, &into] {
            // Below the importing thread, whose work decides when the import ends; the thread
            // that checks the calls inherits it.
            lowerThisThread();
            const FileOutcome out{side.rejected, side.count, [&side](qint64 read) {
                                      side.read = read;
                                      return !side.stop;
                                  }};
            Result<void> ok = readCalls(calls, out, &into);
            if (ok && !side.stop)
                ok = into.finish();
            std::lock_guard lock(side.lock);
            side.result = std::move(ok);
            side.done = true;
            side.finished.notify_all();
        });
    }

    /// Waits for the side's calls, telling the progress meanwhile, and puts its outcome in the
    /// report after the orders'.
    Result<void> finishSide(SideThread &side)
    {
        {
            std::unique_lock lock(side.lock);
            while (!side.finished.wait_for(lock, std::chrono::milliseconds(100),
                                           [&side] { return side.done; })) {
                lock.unlock();
                if (m_report.cancelled || !progressed(0))
                    side.stop = true;
                lock.lock();
            }
        }
        side.thread.join();
        m_sideRead = nullptr;
        if (!side.result)
            return side.result;
        std::move(side.rejected.begin(), side.rejected.end(), std::back_inserter(m_report.rejected));
        m_report.calls = side.count;
        return {};
    }

    /// Tells the progress: the files done, `read` bytes of the one being read, and the calls read
    /// by the side. False once the import is cancelled.
    bool progressed(qint64 read)
    {
        if (m_options.progress &&
            !m_options.progress(m_done + read + (m_sideRead ? m_sideRead->load() : 0), m_total))
            m_report.cancelled = true;
        return !m_report.cancelled;
    }

    /// A file read on this thread, into the report.
    FileOutcome mainFile(qint64 &count)
    {
        return FileOutcome{m_report.rejected, count, [this](qint64 read) { return progressed(read); }};
    }

    /// The reason a row of calls.csv is rejected, or empty with `c` filled in. On the thread
    /// that checks the rows: it only reads what readCustomers() left.
    QString checkCall(const Row &row, Call &c) const
    {
        enum { Id, CustomerIdCol, CalledAt, DirectionCol, OutcomeCol, Duration, NextFollowUp, Note };
        const auto id = parseId(row.raw(Id));
        if (!id)
            return QCoreApplication::translate("tierdesk::io::Interchange",
                                               "id %1 is not a positive whole number")
                .arg(quoted(row.raw(Id)));
        c.id = *id;
        QString reason = checkCustomer(row.raw(CustomerIdCol), c.customerId);
        if (reason.isEmpty()) {
            c.calledAt = parseIsoDateTime(row.raw(CalledAt));
            if (!c.calledAt.isValid())
                reason =
                    QCoreApplication::translate("tierdesk::io::Interchange",
                                                "called_at %1 is not a time of the form YYYY-MM-DDTHH:MM:SS")
                        .arg(quoted(row.raw(CalledAt)));
        }
        if (reason.isEmpty()) {
            const auto d = directionFromText(QString::fromUtf8(row.raw(DirectionCol)));
            if (!d)
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "direction %1 is not one of out, in")
                             .arg(quoted(row.raw(DirectionCol)));
            else
                c.direction = *d;
        }
        if (reason.isEmpty()) {
            const auto o = outcomeFromText(QString::fromUtf8(row.raw(OutcomeCol)));
            if (!o)
                reason = QCoreApplication::translate(
                             "tierdesk::io::Interchange",
                             "outcome %1 is not one of reached, no_answer, voicemail, busy, wrong_number")
                             .arg(quoted(row.raw(OutcomeCol)));
            else
                c.outcome = *o;
        }
        c.durationS.reset();
        if (reason.isEmpty() && !row.raw(Duration).isEmpty()) {
            const auto secs = parseId(row.raw(Duration));
            if (row.raw(Duration) == QByteArrayView("0"))
                c.durationS = 0;
            else if (!secs || *secs > 86400 * 7)
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "duration_s %1 is not a number of seconds")
                             .arg(quoted(row.raw(Duration)));
            else
                c.durationS = int(*secs);
        }
        c.nextFollowUp = {};
        if (reason.isEmpty() && !row.raw(NextFollowUp).isEmpty()) {
            c.nextFollowUp = parseIsoDate(row.raw(NextFollowUp));
            if (!c.nextFollowUp.isValid())
                reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                     "next_follow_up %1 is not a date of the form YYYY-MM-DD")
                             .arg(quoted(row.raw(NextFollowUp)));
        }
        bool badText = false;
        c.note = row.text(Note, badText);
        if (reason.isEmpty() && badText)
            reason = QCoreApplication::translate("tierdesk::io::Interchange",
                                                 "the row is not valid UTF-8 (save the file as UTF-8)");
        return reason;
    }

    /// Inserts the rows of `f` checked by a CheckingThread, and puts the rejections of both
    /// threads into the report in the order of the file. `insert(next, rejected)` adds the rows
    /// `next` hands out, one after the other, and passes `rejected` the reason for each one the
    /// database refuses, before it asks for the next.
    /// `rejectedId` is told the id of each row rejected with one (by the checks or the database).
    template<typename Record, std::size_t N, typename Check, typename Insert,
             typename RejectedId = void (*)(CustomerId)>
    Result<void> insertChecked(
        FileReader &f, const Header<N> &h, Check check, Insert insert, const FileOutcome &out,
        RejectedId rejectedId = [](CustomerId) {})
    {
        qint64 &count = out.count;
        bool stopped = false;
        CheckingThread<Record> checking(f, h.width, h.pos.data(), std::move(check));
        CheckedBatch<Record> batch;
        std::size_t upcoming = 0; // the batch's row that `next` hands out next
        std::size_t reported = 0; // the batch's rejections in the report
        bool end = false;
        const auto rejectUpTo = [&](std::size_t row) {
            for (; reported < batch.rejected.size() && batch.rejectedAt[reported] <= row; ++reported) {
                out.rejected.push_back(std::move(batch.rejected[reported]));
                if (batch.rejectedIds[reported] > 0)
                    rejectedId(batch.rejectedIds[reported]);
            }
        };
        const std::function<const Record *()> next = [&]() -> const Record * {
            while (!end && upcoming >= batch.rows.size()) {
                rejectUpTo(batch.rows.size());
                if (!checking.take(batch)) {
                    end = true;
                } else if (!out.read(batch.bytesRead)) {
                    stopped = end = true;
                }
                upcoming = reported = 0;
            }
            if (end)
                return nullptr;
            rejectUpTo(upcoming);
            ++count;
            return &batch.rows[upcoming++];
        };
        const std::function<void(const Error &)> rejected = [&](const Error &e) {
            const std::size_t row = upcoming - 1;
            out.rejected.push_back({f.name(), batch.lines[row], e.message});
            rejectedId(batch.rows[row].id);
            --count;
        };
        if (auto ok = insert(next, rejected); !ok)
            return ok;
        if (stopped)
            return {}; // the destructor stops the thread
        checking.stop();
        if (!f.error.isEmpty())
            return fail(f.error);
        return {};
    }

    store::BulkImport m_bulk;
    QString m_dir;
    const ImportOptions &m_options;
    ImportReport &m_report;
    QSet<CustomerId> m_rejectedCustomers;
    IdSet m_accepted;
    qint64 m_total = 0;
    qint64 m_done = 0; ///< bytes of the files read to their end
    /// The bytes of calls.csv read by the side's thread while it runs.
    const std::atomic<qint64> *m_sideRead = nullptr;
};

// ----------------------------------------------------------------------------------------------

template<std::size_t N>
void writeHeader(csv::Writer &w, const std::array<const char *, N> &columns)
{
    for (const char *c : columns)
        w.field(QByteArrayView(c));
    w.endRow();
}

Result<void> writeFile(const QString &path, const std::function<Result<void>(csv::Writer &)> &body)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("tierdesk::io::Interchange", "Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    csv::Writer writer(&file);
    if (auto ok = body(writer); !ok) {
        file.cancelWriting();
        return ok;
    }
    if (auto ok = writer.finish(); !ok) {
        file.cancelWriting();
        return ok;
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("tierdesk::io::Interchange", "Could not write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

Result<ImportReport> importInterchange(store::Database &db, const QString &dir, const ImportOptions &options)
{
    ImportReport report;
    Importer importer(db, dir, options, report);
    if (auto ok = importer.run(); !ok)
        return std::unexpected(ok.error());
    return report;
}

Result<void> exportInterchange(store::Database &db, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return fail(
            QCoreApplication::translate("tierdesk::io::Interchange", "Could not create the folder “%1”.")
                .arg(QDir::toNativeSeparators(dir)));
    store::BulkExport source(db);
    const QDir out(dir);
    auto date = [](QDate d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); };

    if (auto ok = writeFile(out.filePath(kCustomers),
                            [&](csv::Writer &w) -> Result<void> {
                                writeHeader(w, kCustomerColumns);
                                return source.customers([&](const Customer &c) {
                                    w.field(QString::number(c.id));
                                    w.field(c.name);
                                    w.field(c.company);
                                    w.field(c.type ? toText(*c.type) : QString());
                                    w.field(c.phone);
                                    w.field(c.email);
                                    w.field(c.city);
                                    w.field(c.owner);
                                    w.field(date(c.createdAt));
                                    w.field(c.grade ? toText(*c.grade) : QString());
                                    w.field(c.tags.join(u';'));
                                    w.endRow();
                                    return w.ok();
                                });
                            });
        !ok)
        return ok;

    if (auto ok = writeFile(out.filePath(kOrders),
                            [&](csv::Writer &w) -> Result<void> {
                                writeHeader(w, kOrderColumns);
                                return source.orders([&](const Order &o) {
                                    w.field(QString::number(o.id));
                                    w.field(QString::number(o.customerId));
                                    w.field(date(o.orderedAt));
                                    w.field(formatCents(o.amount));
                                    w.field(o.profit ? formatCents(*o.profit) : QString());
                                    w.endRow();
                                    return w.ok();
                                });
                            });
        !ok)
        return ok;

    return writeFile(out.filePath(kCalls), [&](csv::Writer &w) -> Result<void> {
        writeHeader(w, kCallColumns);
        return source.calls([&](const Call &c) {
            w.field(QString::number(c.id));
            w.field(QString::number(c.customerId));
            w.field(isoDateTime(c.calledAt));
            w.field(toText(c.direction));
            w.field(toText(c.outcome));
            w.field(c.durationS ? QString::number(*c.durationS) : QString());
            w.field(date(c.nextFollowUp));
            w.field(c.note);
            w.endRow();
            return w.ok();
        });
    });
}

} // namespace tierdesk::io
