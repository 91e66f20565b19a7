#include "importhistorydialog.h"

#include "messagebox.h"
#include "session.h"
#include "writeprogress.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {

namespace {

// Prefixed: inside a QDialog, a bare `Rejected` would be QDialog::Rejected.
enum Column {
    ColWhen,
    ColSource,
    ColKind,
    ColCreated,
    ColChanged,
    ColSkipped,
    ColRejected,
    ColState,
    ColumnCount
};

QTableWidgetItem *number(qint64 n)
{
    auto *item = new QTableWidgetItem(QLocale().toString(n));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ImportHistoryDialog::ImportHistoryDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("importHistoryDialog"));
    setWindowTitle(tr("Import history"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importHistorySummary"));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("importHistoryTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Imported"), tr("File"), tr("What"), tr("Created"), tr("Changed"),
                                        tr("Skipped"), tr("Not imported"), tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ImportHistoryDialog::updateButtons);

    m_undo = new QPushButton(tr("&Undo this import…"), this);
    m_undo->setObjectName(QStringLiteral("undoImportButton"));
    connect(m_undo, &QPushButton::clicked, this, &ImportHistoryDialog::undoSelected);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_undo);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(900, 420);
    reload();
}

ImportHistoryDialog::~ImportHistoryDialog() = default;

void ImportHistoryDialog::reload()
{
    m_table->setRowCount(0);
    m_batches.clear();
    auto batches = store::ImportLog(m_session->database()).batches();
    if (!batches) {
        m_summary->setText(batches.error().message);
        updateButtons();
        return;
    }
    m_batches = std::move(*batches);
    m_summary->setText(m_batches.empty() ? tr("Nothing has been imported into this database yet.")
                                         : tr("Every import can be undone as a whole while it stands: the "
                                              "customers, orders or calls it added go, and the customers it "
                                              "changed get their earlier details back."));
    m_table->setRowCount(int(m_batches.size()));
    const QLocale locale;
    for (int r = 0; r < int(m_batches.size()); ++r) {
        const store::ImportBatch &b = m_batches[std::size_t(r)];
        m_table->setItem(
            r, ColWhen,
            new QTableWidgetItem(locale.toString(b.importedAt.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(r, ColSource, new QTableWidgetItem(b.source));
        QString kind;
        switch (b.kind) {
        case store::ImportKind::Customers:
            kind = tr("Customers");
            break;
        case store::ImportKind::Orders:
            kind = tr("Orders");
            break;
        case store::ImportKind::Calls:
            kind = tr("Calls");
            break;
        }
        m_table->setItem(r, ColKind, new QTableWidgetItem(kind));
        m_table->setItem(r, ColCreated, number(b.created));
        m_table->setItem(r, ColChanged, number(b.updated));
        m_table->setItem(r, ColSkipped, number(b.skipped));
        m_table->setItem(r, ColRejected, number(b.rejected));
        m_table->setItem(
            r, ColState,
            new QTableWidgetItem(
                b.undoneAt.isValid()
                    ? tr("Undone %1").arg(locale.toString(b.undoneAt.toLocalTime(), QLocale::ShortFormat))
                    : QString()));
        if (b.undoneAt.isValid())
            for (int c = 0; c < ColumnCount; ++c)
                m_table->item(r, c)->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    }
    m_table->resizeColumnsToContents();
    if (!m_batches.empty())
        m_table->selectRow(0);
    updateButtons();
}

const store::ImportBatch *ImportHistoryDialog::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= int(m_batches.size()) || m_table->selectedItems().isEmpty())
        return nullptr;
    return &m_batches[std::size_t(row)];
}

void ImportHistoryDialog::updateButtons()
{
    const store::ImportBatch *b = selected();
    m_undo->setEnabled(b && !b->undoneAt.isValid() && !m_undoing);
}

bool ImportHistoryDialog::undoSelected()
{
    const store::ImportBatch *b = selected();
    if (!b || b->undoneAt.isValid() || m_undoing)
        return false;
    QString question;
    switch (b->kind) {
    case store::ImportKind::Customers:
        question =
            tr("Undo the import of “%1”? The %2 customers it created are removed and the %3 it changed "
               "get their earlier details back.")
                .arg(b->source)
                .arg(b->created)
                .arg(b->updated);
        break;
    case store::ImportKind::Orders:
        question =
            tr("Undo the import of “%1”? The %2 orders it added are removed.").arg(b->source).arg(b->created);
        break;
    case store::ImportKind::Calls:
        question =
            tr("Undo the import of “%1”? The %2 calls it added are removed.").arg(b->source).arg(b->created);
        break;
    }
    if (MessageBox::question(this, tr("Undo this import"), question) != QMessageBox::Yes)
        return false;
    if (!m_session->worksInBackground()) {
        const Result<void> ok = m_session->undoImport(b->id);
        finishUndo(ok);
        return bool(ok);
    }
    // A big database: an import of a million calls took ten seconds to undo. A worker writes it
    // in one transaction, as on the window's thread; the progress dialog, modal to every window,
    // says so and lets nothing else write meanwhile. It has no Cancel: the undo is one
    // transaction, over in seconds.
    QPointer<QProgressDialog> progress =
        showWriteProgress(this, QStringLiteral("undoImportProgress"), tr("Undo this import"),
                          tr("Undoing the import of “%1”…").arg(b->source));
    m_undoing = true;
    updateButtons();
    m_session->undoImportInBackground(b->id, this, [this, progress](const Result<void> &ok) mutable {
        m_undoing = false;
        closeWriteProgress(progress);
        finishUndo(ok);
    });
    return true;
}

void ImportHistoryDialog::finishUndo(const Result<void> &ok)
{
    if (!ok)
        MessageBox::warning(this, tr("Undo this import"), ok.error().message);
    else
        reload();
    updateButtons();
    emit undone(bool(ok));
}

} // namespace tierdesk::ui
