#include "customertablemodel.h"

#include "backgroundread.h"
#include "classify/explain.h"
#include "format.h"
#include "model/labels.h"
#include "model/memory.h"
#include "session.h"
#include "store/database.h"

#include <QBrush>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPalette>

#include <atomic>
#include <limits>

namespace tierdesk::ui {
namespace {

std::atomic<qint64> quickCount = 5000;
std::atomic<qint64> insertStep = 131'072;

store::CustomerSort sortFor(int column, store::CustomerSort fallback)
{
    using S = store::CustomerSort;
    switch (column) {
    case CustomerTableModel::Name:
        return S::Name;
    case CustomerTableModel::Company:
        return S::Company;
    case CustomerTableModel::Phone:
        return S::Phone;
    case CustomerTableModel::Owner:
        return S::Owner;
    case CustomerTableModel::ValueTier:
        return S::ValueTier;
    case CustomerTableModel::Segment:
        return S::Segment;
    case CustomerTableModel::Lifecycle:
        return S::Lifecycle;
    case CustomerTableModel::Loyalty:
        return S::Loyalty;
    case CustomerTableModel::Grade:
        return S::Grade;
    case CustomerTableModel::LastContact:
        return S::LastContact;
    case CustomerTableModel::NextDue:
    case CustomerTableModel::Overdue:
        return S::NextDue;
    case CustomerTableModel::Monetary:
        return S::Monetary;
    case CustomerTableModel::Rank:
        return S::Priority;
    default:
        return fallback;
    }
}

} // namespace

CustomerTableModel::CustomerTableModel(Session *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_insertStep(new QTimer(this))
{
    m_insertStep->setSingleShot(true);
    m_insertStep->setInterval(0);
    connect(m_insertStep, &QTimer::timeout, this, &CustomerTableModel::insertCountedRows);
}

CustomerTableModel::~CustomerTableModel()
{
    stopRead(m_stopLoad);
    stopRead(m_stopCount);
    stopRead(m_preparingSearch);
    dropPageReads();
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void CustomerTableModel::setFilter(const store::CustomerFilter &filter)
{
    m_filter = filter;
    reload();
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    m_sort = sortFor(column, m_defaultSort);
    m_descending = order == Qt::DescendingOrder;
    reload();
}

qint64 CustomerTableModel::quickCountLimit()
{
    return quickCount.load();
}

void CustomerTableModel::setQuickCountLimit(qint64 rows)
{
    quickCount = std::max<qint64>(1, rows);
}

qint64 CustomerTableModel::insertStepRows()
{
    return insertStep.load();
}

void CustomerTableModel::setInsertStepRows(qint64 rows)
{
    insertStep = std::max<qint64>(1, rows);
}

namespace {
std::atomic<qint64> g_searchSnapshotCustomers{store::CustomerQuery::kSearchSnapshotCustomers};
}

qint64 CustomerTableModel::searchSnapshotCustomers()
{
    return g_searchSnapshotCustomers;
}

void CustomerTableModel::setSearchSnapshotCustomers(qint64 customers)
{
    g_searchSnapshotCustomers = customers;
}

void CustomerTableModel::prepareSearch()
{
    // Not while everyone is classified (the morning's run on opening, F5), nor while the import
    // wizard is open (Session::pauseSearchTexts()): they need the memory (releaseSearch()), and
    // their end asks again.
    if (m_session->isReclassifying() || m_session->areSearchTextsPaused())
        return;
    if (!m_session->worksInBackground())
        return;
    const QString path = m_session->database().path();
    if (m_preparingSearch) {
        m_prepareSearchAgain = true;
        return;
    }
    m_preparingSearch = readInBackground<bool>(
        this, path,
        [customers = searchSnapshotCustomers()](store::Database &db) {
            auto ready = store::CustomerQuery(db).prepareSearchSnapshot(customers);
            // When the texts were read again, what the read freed in this thread's heap (the page
            // cache held small, the arrays of the snapshot it replaced) goes back to the system
            // before the next read here refills a page cache: resident, it was under the peak
            // after every merge of Find duplicates… (12 MiB more at a million customers). When
            // they still stood, the trim finds next to nothing to give back (under a millisecond).
            releaseFreeMemory();
            return ready;
        },
        [this](const Result<bool> &) {
            // Without one (an error, too little memory) the search index answers as before.
            m_preparingSearch.reset();
            if (std::exchange(m_prepareSearchAgain, false))
                prepareSearch();
        });
}

void CustomerTableModel::releaseSearch()
{
    stopRead(m_preparingSearch);
    m_prepareSearchAgain = false;
    store::CustomerQuery::releaseSearchSnapshots();
}

void CustomerTableModel::reload()
{
    // Whatever was on its way is for a list nobody asked for any more.
    m_remembered.reset();
    stopRead(m_stopLoad);
    stopRead(m_stopCount);
    m_insertStep->stop(); // and the rows of its count still being added
    const Query query{m_filter, m_sort, m_descending};
    m_pagesInBackground = m_session && m_session->worksInBackground();
    if (m_pagesInBackground) {
        loadInBackground(query);
        return;
    }
    beginResetModel();
    m_shown = query;
    dropPageReads();
    m_pages.clear();
    m_error.clear();
    m_count = 0;
    m_countExact = true;
    bool later = false;
    if (m_session && m_session->isOpen()) {
        // A search of a character or two can match nearly everyone: counting them all would
        // hold up the keystroke, so the window counts the first few thousand and a worker the rest.
        const qint64 limit = quickCountLimit();
        auto count = store::CustomerQuery(m_session->database()).countAtMost(m_filter, limit);
        if (!count) {
            m_error = count.error().message;
        } else if (*count > limit) {
            m_count = limit;
            m_countExact = false;
            later = true;
        } else {
            m_count = *count;
        }
    }
    endResetModel();
    emit countChanged(m_count);
    emit loaded();
    if (later)
        countInBackground();
}

void CustomerTableModel::rememberCustomer(CustomerId id)
{
    m_remembered.reset();
    // Only a list shown as asked for, without a search (whose matches CustomerQuery::rowIn does
    // not test), whose count is known.
    if (!m_session || !m_session->isOpen() || isLoading() || m_stopCount || !m_countExact ||
        !m_shown.filter.search.trimmed().isEmpty())
        return;
    auto row = store::CustomerQuery(m_session->database()).rowIn(m_shown.filter, id);
    if (row)
        m_remembered = Remembered{id, std::move(*row)};
}

bool CustomerTableModel::updateCustomer(CustomerId id)
{
    const std::optional<Remembered> remembered = std::exchange(m_remembered, std::nullopt);
    if (!remembered || remembered->id != id || !m_session || !m_session->isOpen() || isLoading() ||
        m_stopCount || !m_countExact)
        return false;
    auto found = store::CustomerQuery(m_session->database()).rowIn(m_shown.filter, id);
    if (!found)
        return false;
    const std::optional<store::CustomerRow> &before = remembered->row;
    const std::optional<store::CustomerRow> &after = *found;
    if (!before && after)
        return false; // enters the list: where, only the list's order knows
    if (before && after && !store::sortsAlike(m_shown.sort, *before, *after))
        return false; // moves in the list
    const int row = before ? rowOf(id) : -1;
    if (before && !after) {
        // Leaves the list: the rows after it move up by one. Its page keeps the rows before and
        // after it (the next page's first row is missing at its end: fetch() reads the page again
        // if it is needed); the pages after it no longer start where they did, and go.
        if (row < 0)
            return false;
        const qint64 page = row / kPageSize;
        beginRemoveRows({}, row, row);
        dropPageReads();
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            if (it.key() > page)
                it = m_pages.erase(it);
            else
                ++it;
        }
        std::vector<store::CustomerRow> &rows = m_pages[page];
        rows.erase(rows.begin() + qptrdiff(row % kPageSize));
        --m_count;
        endRemoveRows();
        // The rows after it rank one place higher.
        if (row < m_count)
            emit dataChanged(index(row, Rank), index(int(m_count) - 1, Rank), {Qt::DisplayRole});
    } else if (after && row >= 0) {
        // Same place: new values in the same row (a page on its way has the old ones).
        dropPageReads();
        m_pages[row / kPageSize][std::size_t(row % kPageSize)] = *after;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit customerUpdated(before, after);
    if (before && !after)
        emit countChanged(m_count);
    return true;
}

void CustomerTableModel::loadInBackground(const Query &query)
{
    // The first page of a broad search at a million customers takes up to a third of a second
    // (a short search walks the name index testing each row), the count of the queue a tenth:
    // the window keeps the rows it has until the worker's arrive.
    const qint64 limit = quickCountLimit();
    m_stopLoad = readInBackground<Loaded>(
        this, m_session->database().path(),
        [query, limit](store::Database &db) -> Result<Loaded> {
            store::CustomerQuery q(db);
            if (!query.filter.search.trimmed().isEmpty()) {
                // A keystroke's rows first: a page that is not full is the whole count, and a
                // full one shows at once while countInBackground() counts the rest (counting
                // even to quickCountLimit() would read twenty times the rows of the page).
                auto rows = q.page(query.filter, query.sort, query.descending, 0, kPageSize);
                if (!rows)
                    return std::unexpected(rows.error());
                Loaded out;
                out.count = qint64(rows->size());
                out.exact = rows->size() < std::size_t(kPageSize);
                out.firstPage = std::move(*rows);
                if (!out.exact) {
                    // A page found among every match (the texts in memory) knows the count too:
                    // no worker needs to count them again, and the rows show once, with it.
                    auto known = q.knownCount(query.filter);
                    if (!known)
                        return std::unexpected(known.error());
                    out.counted = *known;
                }
                return out;
            }
            auto count = q.countAtMost(query.filter, limit);
            if (!count)
                return std::unexpected(count.error());
            Loaded out;
            out.count = std::min(*count, limit);
            out.exact = *count <= limit;
            if (out.count == 0)
                return out;
            auto rows = q.page(query.filter, query.sort, query.descending, 0, kPageSize);
            if (!rows)
                return std::unexpected(rows.error());
            out.firstPage = std::move(*rows);
            return out;
        },
        [this, query](const Result<Loaded> &answer) { show(query, answer); });
}

void CustomerTableModel::show(const Query &query, const Result<Loaded> &answer)
{
    m_stopLoad.reset();
    beginResetModel();
    m_shown = query;
    dropPageReads();
    m_pages.clear();
    m_error.clear();
    m_count = 0;
    m_countExact = true;
    if (!answer) {
        m_error = answer.error().message;
    } else {
        m_count = answer->count;
        m_countExact = answer->exact;
        // The exact count of a search found among all its matches, up to a step of rows
        // (insertStepRows()): in the same reset as the rows, no insertion and paint after it.
        if (!m_countExact && answer->counted && *answer->counted <= insertStepRows()) {
            m_count = *answer->counted;
            m_countExact = true;
        }
        if (!answer->firstPage.empty())
            m_pages.insert(0, answer->firstPage);
    }
    endResetModel();
    emit countChanged(m_count);
    emit loaded();
    if (m_countExact)
        return;
    if (answer->counted) {
        // More than a step of rows: added a step at a time, the first now, before the window
        // paints.
        m_counted = std::min<qint64>(*answer->counted, INT_MAX);
        insertCountedRows();
    } else {
        countInBackground();
    }
}

void CustomerTableModel::countInBackground()
{
    auto apply = [this](const Result<qint64> &count) {
        m_stopCount.reset();
        if (!count) {
            m_countExact = true;
            m_error = count.error().message;
            emit countChanged(m_count);
            return;
        }
        m_counted = std::min<qint64>(*count, INT_MAX);
        insertCountedRows();
    };
    const QString path = m_session->database().path();
    if (!readableInBackground(path)) {
        // An in-memory database has no second connection: counted here.
        apply(store::CustomerQuery(m_session->database()).count(m_shown.filter));
        return;
    }
    m_stopCount = readInBackground<qint64>(
        this, path,
        [filter = m_shown.filter](store::Database &db) { return store::CustomerQuery(db).count(filter); },
        apply);
}

void CustomerTableModel::insertCountedRows()
{
    if (m_counted > m_count) {
        const qint64 last = std::min(m_counted, m_count + insertStepRows());
        beginInsertRows({}, int(m_count), int(last) - 1);
        m_count = last;
        endInsertRows();
        if (m_count < m_counted) {
            // The window paints and takes input between the steps.
            m_insertStep->start();
            return;
        }
    }
    m_countExact = true;
    emit countChanged(m_count);
}

const store::CustomerRow *CustomerTableModel::fetch(int row, bool wait) const
{
    if (row < 0 || row >= m_count || !m_session || !m_session->isOpen())
        return nullptr;
    const qint64 page = row / kPageSize;
    const auto offset = std::size_t(row % kPageSize);
    auto it = m_pages.find(page);
    // A page with a row taken out in place (updateCustomer()) lacks its last row: read again.
    const bool shortPage = it != m_pages.end() && offset >= it->size();
    if (!wait && m_pagesInBackground && (it == m_pages.end() || shortPage)) {
        // A page deep in a list just sorted takes up to a tenth of a second at a million
        // customers (the index walked to its offset): the view shows empty cells until then.
        readPage(page);
        return nullptr;
    }
    if (shortPage) {
        m_pages.erase(it);
        it = m_pages.end();
    }
    if (it == m_pages.end()) {
        if (m_pages.size() >= kMaxPages)
            m_pages.clear();
        auto rows = store::CustomerQuery(m_session->database())
                        .page(m_shown.filter, m_shown.sort, m_shown.descending, page * kPageSize, kPageSize);
        if (!rows) {
            m_error = rows.error().message;
            return nullptr;
        }
        it = m_pages.insert(page, std::move(*rows));
    }
    return offset < it->size() ? &(*it)[offset] : nullptr;
}

void CustomerTableModel::readPage(qint64 page) const
{
    if (m_pageReads.contains(page))
        return;
    // data() is const; the answer changes what it shows, as a page read at once would.
    auto *self = const_cast<CustomerTableModel *>(this);
    m_pageReads.insert(page, readInBackground<std::vector<store::CustomerRow>>(
                                 self, m_session->database().path(),
                                 [query = m_shown, page](store::Database &db) {
                                     return store::CustomerQuery(db).page(query.filter, query.sort,
                                                                          query.descending, page * kPageSize,
                                                                          kPageSize);
                                 },
                                 [self, page](const Result<std::vector<store::CustomerRow>> &rows) {
                                     self->showPage(page, rows);
                                 }));
}

void CustomerTableModel::showPage(qint64 page, const Result<std::vector<store::CustomerRow>> &rows)
{
    m_pageReads.remove(page);
    if (!rows) {
        m_error = rows.error().message;
        return;
    }
    if (m_pages.size() >= kMaxPages)
        m_pages.clear();
    m_pages.insert(page, *rows);
    const qint64 first = page * kPageSize;
    const qint64 last = std::min<qint64>(m_count, first + kPageSize) - 1;
    if (last >= first)
        emit dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1));
}

void CustomerTableModel::dropPageReads() const
{
    for (auto &flag : m_pageReads)
        stopRead(flag);
    m_pageReads.clear();
}

std::optional<store::CustomerRow> CustomerTableModel::rowAt(int row) const
{
    const store::CustomerRow *r = fetch(row);
    return r ? std::optional<store::CustomerRow>(*r) : std::nullopt;
}

int CustomerTableModel::rowOf(CustomerId id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (std::size_t i = 0; i < it->size(); ++i) {
            if ((*it)[i].id == id)
                return int(it.key() * kPageSize + qint64(i));
        }
    }
    return -1;
}

Result<std::vector<store::CustomerRow>> CustomerTableModel::allRows() const
{
    return firstRows(std::numeric_limits<qint64>::max());
}

Result<std::vector<store::CustomerRow>> CustomerTableModel::firstRows(qint64 count) const
{
    if (!m_session || !m_session->isOpen())
        return std::vector<store::CustomerRow>();
    // Page by page: CustomerQuery::page reserves room for `limit` rows up front.
    constexpr int Chunk = 4096;
    store::CustomerQuery query(m_session->database());
    std::vector<store::CustomerRow> rows;
    for (qint64 offset = 0; offset < count; offset += Chunk) {
        const auto wanted = int(std::min<qint64>(Chunk, count - offset));
        auto page = query.page(m_shown.filter, m_shown.sort, m_shown.descending, offset, wanted);
        if (!page)
            return std::unexpected(page.error());
        rows.insert(rows.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
        if (page->size() < std::size_t(wanted))
            break;
    }
    return rows;
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() >= ColumnCount)
        return {};
    // What the view paints may come a moment later; what the window's logic asks (the id) not.
    const store::CustomerRow *r = fetch(index.row(), /*wait=*/role >= Qt::UserRole);
    if (!r)
        return {};
    const QDate today = m_session->today();
    const int overdue = r->due.isValid() && r->due < today ? int(r->due.daysTo(today)) : 0;
    switch (role) {
    case IdRole:
        return QVariant::fromValue<qint64>(r->id);
    case OverdueRole:
        return overdue;
    case SuggestionRole:
        return r->demoteTo ? toText(*r->demoteTo) : QString();
    case Qt::ToolTipRole:
        // A suggested grade says where it comes from. Other cells have no tooltip of their own:
        // the tables' delegate (CellTipDelegate) shows a text that the column cuts short.
        if (index.column() == Grade && r->grade && r->gradeSuggested)
            return tr("%1: suggested by the MAN answers, not set by hand").arg(labels::grade(*r->grade));
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Rank:
            return index.row() + 1;
        case Name:
            return r->name;
        case Company:
            return r->company;
        case Phone:
            return r->phone;
        case Owner:
            return r->owner;
        case ValueTier:
            return r->tier ? labels::valueTier(*r->tier) : QString();
        case Segment:
            return r->segment ? labels::segment(*r->segment) : QString();
        case Lifecycle:
            return r->lifecycle ? labels::lifecycle(*r->lifecycle) : QString();
        case Loyalty:
            return r->loyalty ? labels::level(*r->loyalty) : QString();
        case Grade:
            if (!r->grade)
                return QString();
            return toText(*r->grade);
        case LastContact:
            return format::date(r->lastContact);
        case LastOutcome:
            return r->lastOutcome ? labels::outcome(*r->lastOutcome) : QString();
        case NextDue:
            return format::date(r->due);
        case Overdue:
            if (overdue > 0)
                return tr("%n day(s) overdue", nullptr, overdue);
            return r->due == today ? tr("due today") : QString();
        case Reason:
            return r->due.isValid() ? classify::reasonText(r->reason) : QString();
        case Suggestion:
            return r->demoteTo ? tr("Suggest %1").arg(toText(*r->demoteTo)) : QString();
        case Monetary:
            return QLocale().toString(double(r->monetary) / 100.0, 'f', 2);
        case ColumnCount:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Monetary || index.column() == Rank)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == ValueTier || index.column() == Grade)
            return QVariant(Qt::AlignCenter);
        break;
    case Qt::ForegroundRole:
        if ((index.column() == NextDue || index.column() == Overdue) && overdue > 0)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (index.column() == Monetary && r->monetary < 0)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (index.column() == Grade && r->gradeSuggested)
            return QBrush(QColor(0x6b, 0x72, 0x80)); // a suggestion, not yet the salesperson's word
        break;
    case Qt::FontRole:
        if (index.column() == Grade && r->gradeSuggested) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        if (index.column() == Name ||
            ((index.column() == NextDue || index.column() == Overdue) && overdue > 0)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    default:
        break;
    }
    return {};
}

QStringList CustomerTableModel::sampleTexts(int column)
{
    QStringList texts;
    switch (Column(column)) {
    case Rank:
        texts << QStringLiteral("99999");
        break;
    case Name:
        texts << QStringLiteral("Charlotte Schneider") << QStringLiteral("成都华信物流有限公司");
        break;
    case Phone:
        texts << QStringLiteral("+86 138 0013 8000");
        break;
    case ValueTier:
        for (auto t : {ValueTier::A, ValueTier::B, ValueTier::C, ValueTier::D})
            texts << labels::valueTier(t);
        break;
    case Segment:
        for (int s = 0; s < SegmentCount; ++s)
            texts << labels::segment(tierdesk::Segment(s));
        break;
    case Lifecycle:
        for (auto l : {Lifecycle::Prospect, Lifecycle::New, Lifecycle::Growth, Lifecycle::Mature,
                       Lifecycle::Decline, Lifecycle::Lost})
            texts << labels::lifecycle(l);
        break;
    case Loyalty:
        for (auto l : {Level::High, Level::Mid, Level::Low})
            texts << labels::level(l);
        break;
    case Grade:
        texts << QStringLiteral("S");
        break;
    case LastContact:
    case NextDue:
        texts << format::date(QDate(2026, 12, 28));
        break;
    case LastOutcome:
        for (auto o :
             {Outcome::Reached, Outcome::NoAnswer, Outcome::Voicemail, Outcome::Busy, Outcome::WrongNumber})
            texts << labels::outcome(o);
        break;
    case Overdue:
        texts << tr("%n day(s) overdue", nullptr, 99) << tr("due today");
        break;
    case Suggestion:
        texts << tr("Suggest %1").arg(QStringLiteral("C"));
        break;
    case Monetary:
        texts << QLocale().toString(9'876'543.21, 'f', 2);
        break;
    case Company:
    case Owner:
    case Reason:
    case ColumnCount:
        break;
    }
    return texts;
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Rank:
        return tr("#");
    case Name:
        return tr("Name");
    case Company:
        return tr("Company");
    case Phone:
        return tr("Phone");
    case Owner:
        return tr("Owner");
    case ValueTier:
        return tr("Value tier");
    case Segment:
        return tr("RFM segment");
    case Lifecycle:
        return tr("Lifecycle");
    case Loyalty:
        return tr("Loyalty");
    case Grade:
        return tr("Grade");
    case LastContact:
        return tr("Last contact");
    case LastOutcome:
        return tr("Outcome");
    case NextDue:
        return tr("Next due");
    case Overdue:
        return tr("Overdue");
    case Reason:
        return tr("Why call");
    case Suggestion:
        return tr("Suggestion");
    case Monetary:
        return tr("Spend (12 mo.)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tierdesk::ui
