#include "queueview.h"

#include "backgroundread.h"
#include "classify/explain.h"
#include "dialogs/logcalldialog.h"
#include "format.h"
#include "io/calllist.h"
#include "messagebox.h"
#include "model/labels.h"
#include "model/memory.h"
#include "models/customertablemodel.h"
#include "session.h"
#include "store/customerquery.h"
#include "views/celltips.h"
#include "views/exportfile.h"
#include "views/tablelayout.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTableView>
#include <QTextDocument>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <climits>
#include <thread>
#include <utility>

namespace tierdesk::ui {

QueueView::QueueView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CustomerTableModel(session, this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_owner(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_logCall(new QPushButton(tr("&Log call…"), this))
    , m_apply(new QPushButton(tr("&Apply suggestion"), this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_print(new QPushButton(tr("&Print…"), this))
{
    m_model->setObjectName(QStringLiteral("queueModel"));
    m_model->setDefaultSort(store::CustomerSort::Priority);
    m_title->setObjectName(QStringLiteral("queueTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary->setObjectName(QStringLiteral("queueSummary"));
    m_owner->setObjectName(QStringLiteral("queueOwnerFilter"));
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_logCall->setObjectName(QStringLiteral("logCallButton"));
    m_logCall->setToolTip(tr("Log a call with the selected customer, then go on to the next (Ctrl+L)"));
    m_apply->setObjectName(QStringLiteral("applySuggestionButton"));
    m_apply->setToolTip(tr("Lower the grade as suggested: the grade was held without progress"));
    m_export->setObjectName(QStringLiteral("exportQueueButton"));
    m_export->setToolTip(tr("Save this call list as an Excel workbook (.xlsx) or as a CSV file for "
                            "Excel, WPS and LibreOffice"));
    m_print->setObjectName(QStringLiteral("printQueueButton"));

    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setItemDelegate(new CellTipDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Who to call and why; the reason, the longest text, takes the room that is left.
    using M = CustomerTableModel;
    new TableLayout(m_table, {QStringLiteral("queue/header"),
                              {M::Rank, M::Name, M::Phone, M::Owner, M::ValueTier, M::Grade, M::LastContact,
                               M::LastOutcome, M::Overdue, M::Suggestion, M::Reason, M::NextDue, M::Company,
                               M::Segment, M::Lifecycle, M::Loyalty, M::Monetary},
                              // "2 days overdue" says what the due date would.
                              {M::NextDue, M::Company, M::Segment, M::Lifecycle, M::Loyalty, M::Monetary},
                              {{M::Company, 14}, {M::Owner, 6}, {M::Reason, 16}}});

    connect(m_owner, &QComboBox::currentIndexChanged, this, &QueueView::applyFilter);
    connect(m_model, &CustomerTableModel::countChanged, this, &QueueView::updateSummary);
    connect(m_table, &QTableView::activated, this, [this] { logCall(); });
    connect(m_logCall, &QPushButton::clicked, this, &QueueView::logCall);
    connect(m_apply, &QPushButton::clicked, this, &QueueView::applySuggestion);
    connect(m_export, &QPushButton::clicked, this, &QueueView::chooseExportFile);
    connect(m_print, &QPushButton::clicked, this, &QueueView::choosePrinter);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueueView::updateButtons);
    connect(m_model, &CustomerTableModel::loaded, this, &QueueView::afterLoad);

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_summary);
    top->addLayout(titles, 1);
    top->addWidget(m_owner);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_logCall);
    buttons->addWidget(m_apply);
    buttons->addStretch();
    buttons->addWidget(m_export);
    buttons->addWidget(m_print);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        emit currentCustomerChanged();
    });
    connect(session, &Session::customersChanged, this, &QueueView::reload);
    connect(session, &Session::customerAboutToChange, m_model, &CustomerTableModel::rememberCustomer);
    connect(m_model, &CustomerTableModel::customerUpdated, this, &QueueView::customerUpdated);
    connect(session, &Session::customerChanged, this, [this](CustomerId id) {
        // A call takes its customer off the queue, or leaves it where it was: the model does that
        // in place, and the summary's figures follow without counting the queue again.
        m_updatingInPlace = true;
        const bool done = m_model->updateCustomer(id);
        m_updatingInPlace = false;
        if (done) {
            if (!m_overdue)
                updateSummary();
            return;
        }
        // On a big database the worker's rows come later: the selection stays where it is.
        const QModelIndex current = m_table->currentIndex();
        m_selectAfterLoad = current.isValid() ? current.row() : -1;
        m_model->reload();
    });
    connect(session, &Session::opened, this, &QueueView::reload);
    m_model->sort(CustomerTableModel::Rank); // the queue's order, always
}

bool QueueView::isLoading() const
{
    return m_model->isLoading() || m_stopOverdue != nullptr;
}

void QueueView::afterLoad()
{
    const int row = std::exchange(m_selectAfterLoad, -1);
    if (row >= 0 && m_model->rowCount() > 0)
        selectRow(std::min(row, m_model->rowCount() - 1));
    if (std::exchange(m_logNextAfterLoad, false) && m_model->rowCount() > 0)
        QMetaObject::invokeMethod(this, &QueueView::logCall, Qt::QueuedConnection);
}

void QueueView::reload()
{
    if (!m_session->isOpen())
        return;
    const QString current = m_owner->currentData().toString();
    {
        const QSignalBlocker block(m_owner);
        m_owner->clear();
        m_owner->addItem(tr("Everyone"), QString());
        const QString me = m_session->userName();
        if (auto owners = store::CustomerQuery(m_session->database()).owners()) {
            for (const QString &owner : *owners)
                m_owner->addItem(owner == me ? tr("%1 (me)").arg(owner) : owner, owner);
        }
        const int keep = m_owner->findData(current.isEmpty() && !me.isEmpty() ? me : current);
        m_owner->setCurrentIndex(std::max(0, keep));
    }
    applyFilter();
}

void QueueView::applyFilter()
{
    const QDate today = m_session->today();
    m_title->setText(tr("Calls for %1").arg(QLocale().toString(today, QLocale::LongFormat)));
    store::CustomerFilter f;
    f.dueOnOrBefore = today;
    f.owner = m_owner->currentData().toString();
    m_selectAfterLoad = 0;
    m_model->setFilter(f);
}

void QueueView::updateSummary()
{
    if (!m_session->isOpen() || m_updatingInPlace)
        return;
    m_overdue.reset();
    if (!m_model->lastError().isEmpty()) {
        m_summary->setText(m_model->lastError());
        return;
    }
    stopRead(m_stopOverdue);
    const int total = m_model->rowCount();
    if (total == 0) {
        m_overdue = 0;
        m_summary->setText(tr("Nobody is due today. Well done."));
        return;
    }
    store::CustomerFilter overdue = m_model->filter();
    overdue.dueOnOrBefore = m_session->today().addDays(-1);
    const QString path = m_session->database().path();
    if (!m_session->worksInBackground()) {
        const auto late = store::CustomerQuery(m_session->database()).count(overdue);
        showSummary(total, late ? *late : 0);
        return;
    }
    // Most of a big queue is overdue: counting it reads a good part of an index (a tenth of a
    // second at a million customers). The summary keeps its last figures until the worker's.
    m_stopOverdue = readInBackground<qint64>(
        this, path, [overdue](store::Database &db) { return store::CustomerQuery(db).count(overdue); },
        [this, total](const Result<qint64> &late) {
            m_stopOverdue.reset();
            showSummary(total, late ? *late : 0);
        });
}

void QueueView::customerUpdated(const std::optional<store::CustomerRow> &before,
                                const std::optional<store::CustomerRow> &after)
{
    updateButtons();
    if (!m_overdue || m_stopOverdue || !m_model->lastError().isEmpty()) {
        // No figures to start from (or a count on its way, from before the write): counted
        // again once the model is done (see the constructor).
        m_overdue.reset();
        return;
    }
    // Both rows are in the queue's filter: overdue is due before today.
    const QDate today = m_session->today();
    auto late = [&](const std::optional<store::CustomerRow> &row) {
        return row && row->due.isValid() && row->due < today ? 1 : 0;
    };
    const qint64 total = m_model->rowCount();
    if (total == 0) {
        m_overdue = 0;
        m_summary->setText(tr("Nobody is due today. Well done."));
        return;
    }
    showSummary(total, *m_overdue - late(before) + late(after));
}

void QueueView::showSummary(qint64 total, qint64 overdue)
{
    m_overdue = overdue;
    const int customers = int(std::min<qint64>(total, INT_MAX));
    const int late = int(std::min<qint64>(overdue, INT_MAX));
    //: %1 is "N customers to call"; %2 is "N overdue"
    m_summary->setText(
        tr("%1 · %2").arg(tr("%n customer(s) to call", nullptr, customers), tr("%n overdue", nullptr, late)));
}

void QueueView::updateButtons()
{
    const auto row = m_model->rowAt(m_table->currentIndex().row());
    m_logCall->setEnabled(row.has_value());
    m_apply->setEnabled(row && row->demoteTo.has_value());
    m_apply->setText(row && row->demoteTo ? tr("&Apply suggestion: grade %1").arg(toText(*row->demoteTo))
                                          : tr("&Apply suggestion"));
    m_export->setEnabled(m_model->rowCount() > 0);
    m_print->setEnabled(m_model->rowCount() > 0 && !m_printing);
}

std::optional<CustomerId> QueueView::currentCustomer() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return index.data(CustomerTableModel::IdRole).toLongLong();
}

void QueueView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_model->index(row, CustomerTableModel::Name));
    m_table->scrollTo(m_table->currentIndex());
}

void QueueView::logCall()
{
    const auto id = currentCustomer();
    if (!id)
        return;
    const int row = m_table->currentIndex().row();
    auto *dialog = new LogCallDialog(m_session, *id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNextEnabled(true);
    connect(dialog, &LogCallDialog::saved, this, [this, row](CustomerId, bool goToNext) {
        // The customer just called has left the queue (or moved down): the row it stood on now
        // holds the next one. On a big database, once the worker has read the queue again.
        if (m_model->isLoading()) {
            m_selectAfterLoad = row;
            m_logNextAfterLoad = goToNext;
            return;
        }
        selectRow(std::min(row, m_model->rowCount() - 1));
        if (goToNext && m_model->rowCount() > 0)
            QMetaObject::invokeMethod(this, &QueueView::logCall, Qt::QueuedConnection);
    });
    dialog->open();
}

void QueueView::applySuggestion()
{
    const auto row = m_model->rowAt(m_table->currentIndex().row());
    if (!row || !row->demoteTo)
        return;
    if (auto ok = m_session->setGrade(row->id, row->demoteTo); !ok)
        MessageBox::critical(this, tr("Grade not changed"), ok.error().message);
}

std::optional<io::StoredCallListOptions> QueueView::storedExport() const
{
    // applyFilter()'s list in the queue's order is the stored queue of that day: the same rows,
    // the same columns.
    store::CustomerFilter queueOnly;
    queueOnly.dueOnOrBefore = m_model->filter().dueOnOrBefore;
    queueOnly.owner = m_model->filter().owner;
    if (m_model->filter() != queueOnly || !queueOnly.dueOnOrBefore.isValid() ||
        m_model->sortKey() != store::CustomerSort::Priority || m_model->isDescending())
        return std::nullopt;
    io::StoredCallListOptions options;
    options.owner = queueOnly.owner;
    return options;
}

Result<qint64> QueueView::exportCallList(const QString &path)
{
    if (const auto options = storedExport())
        return io::exportStoredCallList(m_session->database(), path, m_model->filter().dueOnOrBefore,
                                        *options);
    auto rows = m_model->allRows();
    if (!rows)
        return std::unexpected(rows.error());
    return io::exportCallList(path, *rows, m_session->today());
}

void QueueView::chooseExportFile()
{
    if (isExporting()) {
        if (m_exportProgress)
            m_exportProgress->raise();
        return;
    }
    //: The suggested file name (without extension) of an exported call list; %1 is the day
    const QString path = ui::chooseExportFile(
        this, tr("Export call list"), tr("call-list-%1").arg(m_session->today().toString(Qt::ISODate)));
    if (!path.isEmpty())
        exportToFile(path);
}

bool QueueView::exportToFile(const QString &path)
{
    if (isExporting())
        return false;
    if (auto options = storedExport(); options && m_session->worksInBackground()) {
        exportInBackground(path, std::move(*options));
        return true;
    }
    auto written = exportCallList(path);
    if (!written)
        MessageBox::critical(this, tr("Export failed"), written.error().message);
    return written.has_value();
}

void QueueView::exportInBackground(const QString &path, io::StoredCallListOptions options)
{
    const auto progress = std::make_shared<ExportProgress>();
    options.progress = [progress](qint64 written, qint64 total) { return progress->report(written, total); };
    QProgressDialog *dialog = exportProgressDialog(this, tr("Export call list"), path, progress);
    m_exportProgress = dialog;
    connect(dialog, &QProgressDialog::canceled, this, [this, progress] {
        // The worker stops at its next row (no file is left) or SQLite step; its answer is dropped.
        progress->cancelled = true;
        endExport();
    });

    const QDate day = m_model->filter().dueOnOrBefore;
    emit exportStarted();
    m_stopExport = readInBackground<qint64>(
        this, m_session->database().path(),
        [path, day, options](store::Database &db) {
            // What the window let go of for the export (the search texts, exportStarted()) and
            // the idle readers' page caches (32 MiB each: the lists read them again after it) go
            // back to the system while the queue is read: freed, they stayed resident under the
            // export's peak, at the end of the reading (some 50 MiB at a million customers). Not on
            // the window's thread: the trim walks every heap (8–160 ms at a million customers), and
            // the window freeing the readers' caches in their heaps meanwhile waited for it (92 ms
            // on a heap's lock); nor before the reading, which it held up as long.
            auto written = [&] {
                std::jthread trim([] {
                    releaseIdleReaderMemory();
                    releaseFreeMemory();
                });
                return io::exportStoredCallList(db, path, day, options);
            }();
            // The read filled this kept connection's page cache (32 MiB), and the queue's rows
            // and contacts were freed in this thread's heap, where both would stay resident (and
            // under the next classification's peak): back to the system.
            (void)db.exec("PRAGMA shrink_memory");
            releaseFreeMemory();
            return written;
        },
        [this, path](const Result<qint64> &written) {
            endExport();
            if (!written)
                MessageBox::critical(this, tr("Export failed"), written.error().message);
            emit exportFinished(path, written ? QString() : written.error().message);
        });
    dialog->show();
}

QueueView::~QueueView()
{
    stopRead(m_stopExport);
}

void QueueView::endExport()
{
    if (!m_stopExport)
        return;
    stopRead(m_stopExport);
    closeExportProgress(m_exportProgress, this);
    emit exportEnded();
}

namespace {
std::atomic<int> printRows = 500;
} // namespace

int QueueView::printLimit()
{
    return printRows;
}

void QueueView::setPrintLimit(int rows)
{
    printRows = std::max(1, rows);
}

QueueView::PrintJob QueueView::printJob() const
{
    PrintJob job;
    job.title = m_title->text();
    job.summary = m_summary->text();
    job.today = m_session->today();
    job.filter = m_model->filter();
    job.sort = m_model->sortKey();
    job.descending = m_model->isDescending();
    job.limit = printLimit();
    return job;
}

QString QueueView::callListHtml() const
{
    // One more than printed tells whether more are due (the count may not be exact yet).
    const PrintJob job = printJob();
    auto rows = m_model->firstRows(qint64(job.limit) + 1);
    return callListHtml(job, rows ? *rows : std::vector<store::CustomerRow>());
}

QString QueueView::callListHtml(const PrintJob &job, std::vector<store::CustomerRow> rows)
{
    const bool more = rows.size() > std::size_t(job.limit);
    if (more)
        rows.resize(std::size_t(job.limit));
    QString html;
    html += QStringLiteral("<h2>") + job.title.toHtmlEscaped() + QStringLiteral("</h2>");
    html += QStringLiteral("<p>") + job.summary.toHtmlEscaped() + QStringLiteral("</p>");
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>");
    for (const QString &h : {tr("#"), tr("Name"), tr("Phone"), tr("Grade"), tr("Value tier"),
                             tr("Last contact"), tr("Due"), tr("Why call"), tr("Notes")})
        html += QStringLiteral("<th align='left'>") + h.toHtmlEscaped() + QStringLiteral("</th>");
    html += QStringLiteral("</tr>");
    int n = 0;
    for (const store::CustomerRow &r : rows) {
        const bool late = r.due.isValid() && r.due < job.today;
        html += QStringLiteral("<tr>");
        const QStringList cells{QString::number(++n),
                                r.company.isEmpty() ? r.name : r.name + QStringLiteral(" · ") + r.company,
                                r.phone,
                                r.grade ? toText(*r.grade) : QString(),
                                r.tier ? labels::valueTier(*r.tier) : QString(),
                                format::date(r.lastContact),
                                format::date(r.due),
                                classify::reasonText(r.reason),
                                QString()};
        for (int c = 0; c < cells.size(); ++c) {
            const bool red = late && c == 6;
            html += red ? QStringLiteral("<td><b style='color:#c0392b'>") : QStringLiteral("<td>");
            html += cells[c].toHtmlEscaped();
            html += red ? QStringLiteral("</b></td>") : QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (more) {
        html += QStringLiteral("<p>") +
                tr("Only the first %1 customers due are printed. Export the call list for all of them.")
                    .arg(QLocale().toString(job.limit))
                    .toHtmlEscaped() +
                QStringLiteral("</p>");
    }
    return html;
}

namespace {

/// The printing thread: not the global pool, where Qt's raster engine splits big fills and waits
/// for them, nor the readers', where the lists' reads would wait behind a second of layout.
QThreadPool *printerPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        // The thread ends with its print: its font caches and the font files it mapped (some
        // 20 MiB of a Chinese call list) stayed resident while it waited for a next print, under
        // the next Export… or F5.
        p->setExpiryTimeout(0);
        // A print under way is finished before the application goes (its printer and fonts).
        qAddPostRoutine([] { printerPool()->waitForDone(); });
        return p;
    }();
    return pool;
}

} // namespace

void QueueView::printInBackground(std::shared_ptr<QPrinter> printer)
{
    if (m_printing || !printer || !m_session->isOpen())
        return;
    // Everything in the worker: reading the rows (a tenth of a second at a million customers on
    // a busy machine), the layout and the drawing (over a second). QTextDocument is reentrant,
    // and QPainter may draw on a QPrinter in any thread. A database in memory has no second
    // connection: its rows are read here.
    const PrintJob job = printJob();
    const QString path = m_session->database().path();
    std::optional<std::vector<store::CustomerRow>> rowsRead;
    if (!readableInBackground(path)) {
        auto rows = m_model->firstRows(qint64(job.limit) + 1);
        if (!rows) {
            MessageBox::critical(this, tr("Printing failed"), rows.error().message);
            return;
        }
        rowsRead = std::move(*rows);
    }
    m_printing = true;
    updateButtons();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_printing = false;
        updateButtons();
        const QString error = watcher->result();
        if (!error.isEmpty())
            MessageBox::critical(this, tr("Printing failed"), error);
        emit printFinished(error.isEmpty());
    });
    watcher->setFuture(QtConcurrent::run(
        printerPool(), [job, path, printer, rowsRead = std::move(rowsRead)]() mutable -> QString {
            if (!rowsRead) {
                // A connection for this read only: a kept one would hold its page cache (32 MiB)
                // until the thread ends, for the next print.
                store::Database db;
                if (auto opened = db.open(path, store::Database::Mode::ReadOnlyUnchecked); !opened)
                    return opened.error().message;
                auto rows =
                    store::CustomerQuery(db).page(job.filter, job.sort, job.descending, 0, job.limit + 1);
                if (!rows)
                    return rows.error().message;
                rowsRead = std::move(*rows);
            }
            bool ok = false;
            {
                QTextDocument doc;
                doc.setHtml(callListHtml(job, std::move(*rowsRead)));
                doc.print(printer.get());
                ok = printer->printerState() != QPrinter::Error;
            }
            // The layout of some twenty pages was freed in this thread's heap, where it would
            // stay resident: back to the system.
            releaseFreeMemory();
            return ok ? QString()
                      : tr("The printer reported an error while printing the call list. Check the printer "
                           "and "
                           "try again.");
        }));
}

void QueueView::choosePrinter()
{
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(printer.get(), this);
    dialog.setWindowTitle(tr("Print call list"));
    if (dialog.exec() == QDialog::Accepted)
        printInBackground(std::move(printer));
}

} // namespace tierdesk::ui
