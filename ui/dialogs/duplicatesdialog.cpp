#include "duplicatesdialog.h"

#include "format.h"
#include "messagebox.h"
#include "model/memory.h"
#include "session.h"
#include "store/duplicates.h"
#include "writeprogress.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tierdesk::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

/// The groups of duplicates and their customers: on the window's connection for a small
/// database, on a worker's for a big one (findDuplicateGroups() alone takes seconds at a million
/// customers).
Result<DuplicatesDialog::Found> readGroups(store::Database &db)
{
    auto groups = store::findDuplicateGroups(db);
    if (!groups)
        return std::unexpected(groups.error());
    DuplicatesDialog::Found found;
    found.members.reserve(groups->size());
    store::CustomerRepository repo(db);
    for (const store::DuplicateGroup &g : *groups) {
        std::vector<Customer> &members = found.members.emplace_back();
        for (CustomerId id : g.ids) {
            auto c = repo.find(id);
            if (c && *c)
                members.push_back(std::move(**c));
        }
    }
    found.groups = std::move(*groups);
    return found;
}

} // namespace

DuplicatesDialog::DuplicatesDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_merge(new QPushButton(tr("&Merge group"), this))
    , m_undo(new QPushButton(tr("&Undo merge"), this))
    , m_open(new QPushButton(tr("&Open card"), this))
{
    setObjectName(QStringLiteral("duplicatesDialog"));
    setWindowTitle(tr("Duplicate customers"));
    m_summary->setObjectName(QStringLiteral("duplicatesSummary"));
    m_summary->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("duplicatesTree"));
    m_tree->setColumnCount(6);
    m_tree->setHeaderLabels(
        {tr("Name"), tr("Company"), tr("Phone"), tr("E-mail"), tr("Owner"), tr("Created")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setRootIsDecorated(true);
    m_merge->setObjectName(QStringLiteral("mergeGroupButton"));
    m_merge->setToolTip(
        tr("Keep the selected customer (or the oldest) and move the others' calls, orders and "
           "tags to it"));
    m_undo->setObjectName(QStringLiteral("undoMergeButton"));
    m_open->setObjectName(QStringLiteral("openDuplicateButton"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_merge, &QPushButton::clicked, this, &DuplicatesDialog::mergeCurrentGroup);
    connect(m_undo, &QPushButton::clicked, this, &DuplicatesDialog::undoLastMerge);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_tree->currentItem(); item && item->parent())
            emit openCustomerRequested(item->data(0, kIdRole).toLongLong());
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &DuplicatesDialog::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && item->parent())
            emit openCustomerRequested(item->data(0, kIdRole).toLongLong());
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_merge);
    buttons->addWidget(m_undo);
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    resize(900, 520);
    reload();
}

DuplicatesDialog::~DuplicatesDialog()
{
    stopRead(m_loading); // its answer has no one to go to
    // The groups' items (some 10 MB for the first 1,000 groups of a million customers) go, and the
    // window's heap gives them back to the system, in a worker: a trim walks every heap, and the
    // window's thread would wait on it.
    m_tree->clear();
    (void)QtConcurrent::run(readerPool(), [] { releaseFreeMemory(); });
}

int DuplicatesDialog::groupCount() const
{
    return m_tree->topLevelItemCount();
}

void DuplicatesDialog::reload()
{
    stopRead(m_loading); // nobody waits for the previous read any more
    m_tree->clear();
    if (!m_session->worksInBackground()) {
        showGroups(readGroups(m_session->database()));
        return;
    }
    const QString path = m_session->database().path();
    m_summary->setText(tr("Looking for customers who share a phone number or an e-mail address…"));
    m_loading = readInBackground<Found>(
        this, path,
        [](store::Database &db) {
            auto found = readGroups(db);
            // What the read freed in this thread's heap (the ids of some 100,000 customers joined
            // into groups, the pages the cache let go of) goes back to the system: it stayed
            // resident under the search texts, which a merge has the lists read again meanwhile.
            releaseFreeMemory();
            return found;
        },
        [this](const Result<Found> &found) {
            m_loading.reset();
            showGroups(found);
        });
    updateButtons();
}

void DuplicatesDialog::showGroups(const Result<Found> &found)
{
    m_tree->clear();
    if (!found) {
        m_summary->setText(found.error().message);
        updateButtons();
        emit loaded();
        return;
    }
    // The items are built outside the tree and go in at once, expanded at once: one by one, the
    // first 1,000 groups of a million customers held the window's thread for 1.9 s.
    QList<QTreeWidgetItem *> groups;
    groups.reserve(qsizetype(found->groups.size()));
    for (std::size_t i = 0; i < found->groups.size(); ++i) {
        const store::DuplicateGroup &g = found->groups[i];
        auto *group = new QTreeWidgetItem;
        const QString why = g.byPhone && g.byEmail ? tr("same phone or e-mail")
                            : g.byPhone            ? tr("same phone")
                                                   : tr("same e-mail");
        QList<QTreeWidgetItem *> members;
        members.reserve(qsizetype(found->members[i].size()));
        for (const Customer &x : found->members[i]) {
            auto *item = new QTreeWidgetItem(
                {x.name, x.company, x.phone, x.email, x.owner, format::date(x.createdAt)});
            item->setData(0, kIdRole, QVariant::fromValue<qint64>(x.id));
            members.append(item);
        }
        group->addChildren(members);
        group->setText(0, tr("%1 · %n record(s) · %2", nullptr, group->childCount())
                              .arg(group->child(0) ? group->child(0)->text(0) : QString(), why));
        groups.append(group);
    }
    m_tree->addTopLevelItems(groups);
    for (QTreeWidgetItem *group : std::as_const(groups))
        group->setFirstColumnSpanned(true);
    m_tree->expandAll();
    m_summary->setText(found->groups.empty()
                           ? tr("No duplicates: no two customers share a phone number or an e-mail address.")
                           : tr("%n group(s) of customers share a phone number or an e-mail address. Select "
                                "the customer to keep, then merge: calls, orders and tags move to it.",
                                nullptr, int(found->groups.size())));
    m_tree->resizeColumnToContents(0);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateButtons();
    emit loaded();
}

bool DuplicatesDialog::mergeCurrentGroup()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || isLoading() || isWriting())
        return false;
    QTreeWidgetItem *group = item->parent() ? item->parent() : item;
    QTreeWidgetItem *keepItem = item->parent() ? item : group->child(0);
    const CustomerId keep = keepItem->data(0, kIdRole).toLongLong();
    std::vector<CustomerId> others;
    for (int i = 0; i < group->childCount(); ++i) {
        const CustomerId other = group->child(i)->data(0, kIdRole).toLongLong();
        if (other != keep)
            others.push_back(other);
    }
    if (m_session->worksInBackground()) {
        // A big database: the merges are written by a worker, one after another as here, behind a
        // progress dialog that keeps every window from writing meanwhile.
        m_progress = showWriteProgress(this, QStringLiteral("duplicatesProgress"), tr("Merge group"),
                                       tr("Merge group"));
        updateButtons();
        m_session->mergeInBackground(keep, std::move(others), this,
                                     [this](std::vector<store::MergeRecord> done, const Result<void> &ok) {
                                         closeWriteProgress(m_progress);
                                         if (!ok)
                                             MessageBox::warning(this, tr("Merge group"), ok.error().message);
                                         if (!done.empty())
                                             m_undoStack.push_back(std::move(done));
                                         reload();
                                     });
        return true;
    }
    std::vector<store::MergeRecord> done;
    for (CustomerId other : others) {
        auto record = m_session->merge(keep, other);
        if (!record) {
            MessageBox::warning(this, tr("Merge group"), record.error().message);
            break;
        }
        done.push_back(std::move(*record));
    }
    if (!done.empty())
        m_undoStack.push_back(std::move(done));
    reload();
    return !m_undoStack.empty();
}

bool DuplicatesDialog::undoLastMerge()
{
    if (m_undoStack.empty() || isLoading() || isWriting())
        return false;
    std::vector<store::MergeRecord> records = std::move(m_undoStack.back());
    m_undoStack.pop_back();
    // Newest first: each unmerge expects the state its merge left.
    std::reverse(records.begin(), records.end());
    if (m_session->worksInBackground()) {
        m_progress =
            showWriteProgress(this, QStringLiteral("duplicatesProgress"), tr("Undo merge"), tr("Undo merge"));
        updateButtons();
        m_session->unmergeInBackground(std::move(records), this, [this](const Result<void> &ok) {
            closeWriteProgress(m_progress);
            if (!ok)
                MessageBox::warning(this, tr("Undo merge"), ok.error().message);
            reload();
        });
        return true;
    }
    for (const store::MergeRecord &record : records) {
        if (auto ok = m_session->unmerge(record); !ok) {
            MessageBox::warning(this, tr("Undo merge"), ok.error().message);
            reload();
            return false;
        }
    }
    reload();
    return true;
}

void DuplicatesDialog::updateButtons()
{
    // While a worker reads, the list is empty, and while one writes it is out of date: merging and
    // undoing wait for it.
    QTreeWidgetItem *item = m_tree->currentItem();
    m_merge->setEnabled(item != nullptr && !isLoading() && !isWriting());
    m_open->setEnabled(item && item->parent());
    m_undo->setEnabled(!m_undoStack.empty() && !isLoading() && !isWriting());
}

} // namespace tierdesk::ui
