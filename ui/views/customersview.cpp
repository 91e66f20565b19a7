#include "customersview.h"

#include "backgroundread.h"
#include "io/customerexport.h"
#include "messagebox.h"
#include "model/labels.h"
#include "models/customertablemodel.h"
#include "session.h"
#include "store/customerquery.h"
#include "views/celltips.h"
#include "views/exportfile.h"
#include "views/tablelayout.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace tierdesk::ui {

namespace {

/// How long after opening the search texts are read (see the constructor).
constexpr int kPrepareSearchAfterOpenMs = 2000;

QComboBox *filterCombo(const QString &objectName, const QString &allText, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->addItem(allText);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

} // namespace

CustomersView::CustomersView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CustomerTableModel(session, this))
    , m_search(new QLineEdit(this))
    , m_tier(filterCombo(QStringLiteral("tierFilter"), tr("All tiers"), this))
    , m_segment(filterCombo(QStringLiteral("segmentFilter"), tr("All segments"), this))
    , m_lifecycle(filterCombo(QStringLiteral("lifecycleFilter"), tr("All stages"), this))
    , m_grade(filterCombo(QStringLiteral("gradeFilter"), tr("All grades"), this))
    , m_owner(filterCombo(QStringLiteral("ownerFilter"), tr("All owners"), this))
    , m_tag(filterCombo(QStringLiteral("tagFilter"), tr("All tags"), this))
    , m_count(new QLabel(this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_table(new QTableView(this))
    , m_searchTimer(new QTimer(this))
{
    m_model->setObjectName(QStringLiteral("customerModel"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search name, company, phone or e-mail  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_count->setObjectName(QStringLiteral("matchCount"));
    m_export->setObjectName(QStringLiteral("exportCustomersButton"));
    m_export->setToolTip(tr("Save the customers shown, in this order, as an Excel workbook (.xlsx) or as "
                            "a CSV file for Excel, WPS and LibreOffice"));
    m_export->setEnabled(false);

    for (ValueTier t : {ValueTier::A, ValueTier::B, ValueTier::C, ValueTier::D})
        m_tier->addItem(labels::valueTier(t), toText(t));
    for (int s = 0; s < SegmentCount; ++s)
        m_segment->addItem(labels::segment(Segment(s)), toText(Segment(s)));
    for (Lifecycle l : {Lifecycle::Prospect, Lifecycle::New, Lifecycle::Growth, Lifecycle::Mature,
                        Lifecycle::Decline, Lifecycle::Lost})
        m_lifecycle->addItem(labels::lifecycle(l), toText(l));
    for (Grade g : {Grade::S, Grade::A, Grade::B, Grade::C, Grade::D})
        m_grade->addItem(labels::grade(g), toText(g));

    m_table->setObjectName(QStringLiteral("customerTable"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setItemDelegate(new CellTipDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSortIndicator(CustomerTableModel::Name, Qt::AscendingOrder);
    // The customer list shows who they are and where they stand; the queue columns belong to
    // Today's calls.
    using M = CustomerTableModel;
    new TableLayout(m_table, {QStringLiteral("customers/header"),
                              {M::Name, M::Company, M::Phone, M::Owner, M::ValueTier, M::Segment,
                               M::Lifecycle, M::Loyalty, M::Grade, M::LastContact, M::NextDue, M::Monetary},
                              {},
                              {{M::Company, 14}, {M::Owner, 6}}});

    // Typing coalesces into one query per event-loop pass: no fixed delay, no query per key
    // when keys arrive faster than results.
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(0);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &CustomersView::applyFilter);
    for (QComboBox *combo : {m_tier, m_segment, m_lifecycle, m_grade, m_owner, m_tag})
        connect(combo, &QComboBox::currentIndexChanged, this, &CustomersView::applyFilter);
    connect(m_model, &CustomerTableModel::countChanged, this, &CustomersView::updateCount);
    connect(m_export, &QPushButton::clicked, this, &CustomersView::chooseExportFile);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openCustomerRequested(index.data(CustomerTableModel::IdRole).toLongLong());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CustomersView::currentCustomerChanged);
    connect(m_model, &CustomerTableModel::loaded, this, &CustomersView::afterLoad);

    // Down from the search box goes to the results, as in every launcher.
    m_search->installEventFilter(this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    for (QComboBox *combo : {m_tier, m_segment, m_lifecycle, m_grade, m_owner, m_tag})
        filters->addWidget(combo);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count);
    countRow->addStretch();
    countRow->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(countRow);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CustomersView::currentCustomerChanged);
    connect(session, &Session::customersChanged, this, &CustomersView::reload);
    connect(session, &Session::customerAboutToChange, m_model, &CustomerTableModel::rememberCustomer);
    connect(session, &Session::customerChanged, this, [this](CustomerId id) {
        // An edit may change what the search finds: the texts in memory are read again (a logged
        // call does not change them; the worker sees that and stops).
        m_model->prepareSearch();
        // A call or an edit changes one row: in place, unless it moves in the list's order.
        if (m_model->updateCustomer(id))
            return;
        m_keepAfterLoad = currentCustomer();
        m_model->reload();
    });
    connect(session, &Session::opened, this, &CustomersView::reload);
    connect(session, &Session::customersChanged, m_model, &CustomerTableModel::prepareSearch);
    // At opening, once the window has shown its lists and charts: the texts take a core for
    // about a second at a million customers, which made the first paints wait for it.
    connect(session, &Session::opened, this, [this] {
        QTimer::singleShot(kPrepareSearchAfterOpenMs, m_model, &CustomerTableModel::prepareSearch);
    });
    // A classification of everyone holds every customer's facts and results: the search texts
    // (about 100 MB at a million customers) make room while it runs, and are read again after.
    connect(session, &Session::reclassifyStarted, m_model, &CustomerTableModel::releaseSearch);
    connect(session, &Session::closed, m_model, &CustomerTableModel::releaseSearch);
    connect(session, &Session::reclassifyFinished, m_model, &CustomerTableModel::prepareSearch);
    // The same while the import wizard is open (it keeps the window from searching meanwhile).
    connect(session, &Session::searchTextsPaused, m_model, &CustomerTableModel::releaseSearch);
    connect(session, &Session::searchTextsResumed, m_model, &CustomerTableModel::prepareSearch);
}

bool CustomersView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_model->rowCount() > 0) {
            m_table->setFocus(Qt::TabFocusReason);
            if (!m_table->currentIndex().isValid())
                m_table->setCurrentIndex(m_model->index(0, CustomerTableModel::Name));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CustomersView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CustomersView::fillChoices()
{
    if (!m_session->isOpen())
        return;
    store::CustomerQuery query(m_session->database());
    auto refill = [](QComboBox *combo, const QStringList &values) {
        const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
        const QSignalBlocker block(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const QString &v : values)
            combo->addItem(v, v);
        const int keep = current.isEmpty() ? 0 : combo->findText(current);
        combo->setCurrentIndex(std::max(0, keep));
    };
    if (auto owners = query.owners())
        refill(m_owner, *owners);
    if (auto tags = query.tags())
        refill(m_tag, *tags);
}

void CustomersView::reload()
{
    m_keepAfterLoad = currentCustomer();
    fillChoices();
    applyFilter();
}

void CustomersView::afterLoad()
{
    // The new rows' layout now, not from the view's timer after the window painted them once:
    // each paint of the rows shapes every visible cell's text again (4 ms on a 1280 × 800
    // window, a good part of a keystroke's time).
    m_table->doItemsLayout();
    if (const auto keep = std::exchange(m_keepAfterLoad, std::nullopt))
        selectCustomer(*keep);
    // Enter or Down in the search box before a big search's rows came: they go to its first row.
    if (m_table->hasFocus() && !m_table->currentIndex().isValid() && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, CustomerTableModel::Name));
}

void CustomersView::applyFilter()
{
    store::CustomerFilter f;
    f.search = m_search->text();
    f.tier = valueTierFromText(m_tier->currentData().toString());
    f.segment = segmentFromText(m_segment->currentData().toString());
    f.lifecycle = lifecycleFromText(m_lifecycle->currentData().toString());
    f.grade = gradeFromText(m_grade->currentData().toString());
    f.owner = m_owner->currentData().toString();
    f.tag = m_tag->currentData().toString();
    m_model->setFilter(f);
    // A big database is searched by a worker: the rows of the last search stay until its answer.
    if (m_model->isLoading())
        m_count->setText(tr("Searching…"));
}

void CustomersView::updateCount(qint64 count)
{
    m_export->setEnabled(count > 0 && !isExporting());
    if (!m_model->lastError().isEmpty()) {
        m_count->setText(m_model->lastError());
        return;
    }
    if (!m_model->isCountExact()) {
        m_count->setText(tr("More than %L1 customers (counting…)").arg(count));
        return;
    }
    m_count->setText(tr("%n customer(s)", nullptr, int(std::min<qint64>(count, INT_MAX))));
}

Result<qint64> CustomersView::exportCustomers(const QString &path)
{
    if (!m_session->isOpen())
        return fail(tr("No database is open."));
    return io::exportCustomers(path, m_session->database(), m_model->filter(), m_model->sortKey(),
                               m_model->isDescending());
}

void CustomersView::chooseExportFile()
{
    //: The suggested file name (without extension) of an exported customer list; %1 is today
    const QString path = ui::chooseExportFile(
        this, tr("Export customers"), tr("customers-%1").arg(m_session->today().toString(Qt::ISODate)));
    if (!path.isEmpty())
        exportToFile(path);
}

bool CustomersView::exportToFile(const QString &path)
{
    if (isExporting())
        return false;
    if (m_session->worksInBackground()) {
        exportInBackground(path);
        return true;
    }
    auto written = exportCustomers(path);
    if (!written)
        MessageBox::critical(this, tr("Export failed"), written.error().message);
    return written.has_value();
}

CustomersView::~CustomersView()
{
    stopRead(m_stopExport);
}

bool CustomersView::isExporting() const
{
    return m_stopExport != nullptr;
}

void CustomersView::exportInBackground(const QString &path)
{
    // A million customers take seconds to write (the window stayed frozen for 18 s before): a
    // worker writes them with its own connection, the window shows how far it is.
    const auto progress = std::make_shared<ExportProgress>();
    QProgressDialog *dialog = exportProgressDialog(this, tr("Export customers"), path, progress);
    m_exportProgress = dialog;
    connect(dialog, &QProgressDialog::canceled, this, [this, progress] {
        // The worker stops after its page (no file is left) or at its next SQLite step; its
        // answer is dropped.
        progress->cancelled = true;
        endExport();
    });
    m_export->setEnabled(false);
    const store::CustomerFilter filter = m_model->filter();
    const store::CustomerSort sort = m_model->sortKey();
    const bool descending = m_model->isDescending();
    m_stopExport = readInBackground<qint64>(
        this, m_session->database().path(),
        [path, filter, sort, descending, progress](store::Database &db) {
            return io::exportCustomers(
                path, db, filter, sort, descending,
                [progress](qint64 written, qint64 total) { return progress->report(written, total); });
        },
        [this, path](const Result<qint64> &written) {
            endExport();
            if (!written)
                MessageBox::critical(this, tr("Export failed"), written.error().message);
            emit exportFinished(path, written ? QString() : written.error().message);
        });
    dialog->show();
}

void CustomersView::endExport()
{
    if (!m_stopExport)
        return;
    stopRead(m_stopExport);
    m_export->setEnabled(m_model->rowCount() > 0);
    closeExportProgress(m_exportProgress, this);
}

std::optional<CustomerId> CustomersView::currentCustomer() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return index.siblingAtColumn(0).data(CustomerTableModel::IdRole).toLongLong();
}

void CustomersView::selectCustomer(CustomerId id)
{
    int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, CustomerTableModel::Name));
    m_table->scrollTo(m_model->index(row, CustomerTableModel::Name));
}

} // namespace tierdesk::ui
