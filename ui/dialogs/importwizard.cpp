#include "importwizard.h"

#include "messagebox.h"
#include "session.h"
#include "store/database.h"
#include "views/exportfile.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk::ui {

namespace {

constexpr int kPreviewRows = 50;
constexpr int kReviewRows = 500;

QTableWidget *makeTable(const QString &objectName, QWidget *parent)
{
    auto *t = new QTableWidget(parent);
    t->setObjectName(objectName);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QLabel *wrapping(const QString &objectName, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    return l;
}

} // namespace

ImportWizard::ImportWizard(Session *session, Kind kind, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_kind(kind)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(title());
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilePage, buildFilePage());
    setPage(ColumnsPage, buildColumnsPage());
    setPage(ReviewPage, buildReviewPage());
    setPage(ImportPage, buildImportPage());
    setButtonText(QWizard::CommitButton, tr("&Import"));
    resize(860, 600);
    // The window cannot search while the wizard is open: on a big database the search texts (some
    // 80 MB at a million customers) make room for the list, its plan and the workers' reads, and
    // are read again once it closes. They were under the review's and the import's peaks.
    if (m_session->worksInBackground()) {
        m_searchPausedIn = m_session;
        m_session->pauseSearchTexts();
    }
}

ImportWizard::~ImportWizard()
{
    stopRead(m_stopRead);
    stopRead(m_stopPlan);
    // An import still being written rolls back (the window is closing).
    if (m_importProgress)
        m_importProgress->cancelled = true;
    // A list of 20,000 rows and its plan took a tenth of a second and more to free: a worker
    // frees them.
    if (m_session->worksInBackground())
        (void)QtConcurrent::run(readerPool(), [table = std::move(m_table), plan = std::move(m_plan),
                                               activityPlan = std::move(m_activityPlan)] {});
    if (m_searchPausedIn)
        m_searchPausedIn->resumeSearchTexts();
}

template<typename Plan>
Result<QByteArray> ImportWizard::rowsToFix(const io::Table &table, const Plan &plan)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (auto written = io::writeProblemRows(&buffer, table, plan); !written)
        return std::unexpected(written.error());
    return bytes;
}

QString ImportWizard::title() const
{
    switch (m_kind) {
    case Kind::Customers:
        break;
    case Kind::Orders:
        return tr("Import orders");
    case Kind::Calls:
        return tr("Import calls");
    }
    return tr("Import customers");
}

// ---- 1. File

QWizardPage *ImportWizard::buildFilePage()
{
    auto *page = new QWizardPage(this);
    switch (m_kind) {
    case Kind::Customers:
        page->setTitle(tr("Choose the customer list"));
        page->setSubTitle(tr("A CSV file saved from Excel, WPS or another CRM. Chinese files in GBK or UTF-8 "
                             "are recognised; change the encoding below if the preview looks wrong."));
        break;
    case Kind::Orders:
        page->setTitle(tr("Choose the order list"));
        page->setSubTitle(tr("A CSV file from a shop system, Excel or WPS: one order per row, with the "
                             "customer's id, phone or e-mail, the date and the amount."));
        break;
    case Kind::Calls:
        page->setTitle(tr("Choose the call list"));
        page->setSubTitle(tr("A CSV file from a phone system, Excel or WPS: one call per row, with the "
                             "customer's id, phone or e-mail and when the call was."));
        break;
    }
    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("importFileEdit"));
    m_file->setReadOnly(true);
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setObjectName(QStringLiteral("importBrowseButton"));
    connect(browse, &QPushButton::clicked, this, &ImportWizard::chooseFile);

    m_encoding = new QComboBox(page);
    m_encoding->setObjectName(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("Detect"), -1);
    for (auto e : {csv::Encoding::Utf8, csv::Encoding::Utf8Bom, csv::Encoding::Gb18030,
                   csv::Encoding::Utf16Le, csv::Encoding::Utf16Be})
        m_encoding->addItem(csv::encodingName(e), int(e));
    m_delimiter = new QComboBox(page);
    m_delimiter->setObjectName(QStringLiteral("importDelimiter"));
    m_delimiter->addItem(tr("Detect"), 0);
    m_delimiter->addItem(tr("Comma ,"), int(','));
    m_delimiter->addItem(tr("Semicolon ;"), int(';'));
    m_delimiter->addItem(tr("Tab"), int('\t'));
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportWizard::reload);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ImportWizard::reload);

    m_fileInfo = wrapping(QStringLiteral("importFileInfo"), page);
    m_preview = makeTable(QStringLiteral("importPreview"), page);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *options = new QHBoxLayout;
    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), fileRow);
    auto *encodingLabel = new QLabel(tr("&Encoding:"), page);
    encodingLabel->setBuddy(m_encoding);
    auto *delimiterLabel = new QLabel(tr("&Separator:"), page);
    delimiterLabel->setBuddy(m_delimiter);
    options->addWidget(encodingLabel);
    options->addWidget(m_encoding);
    options->addSpacing(16);
    options->addWidget(delimiterLabel);
    options->addWidget(m_delimiter);
    options->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(options);
    layout->addWidget(m_fileInfo);
    layout->addWidget(m_preview, 1);
    return page;
}

void ImportWizard::chooseFile()
{
    const QString start = m_path.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                              : QFileInfo(m_path).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, title(), start, tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool ImportWizard::loadFile(const QString &path)
{
    m_path = path;
    m_file->setText(QDir::toNativeSeparators(path));
    reload();
    return m_table.has_value() || m_stopRead;
}

void ImportWizard::reload()
{
    stopRead(m_stopRead);
    m_table.reset();
    m_plan.reset();
    m_activityPlan.reset();
    if (m_path.isEmpty())
        return;
    io::TableOptions options;
    if (const int e = m_encoding->currentData().toInt(); e >= 0)
        options.encoding = csv::Encoding(e);
    if (const int d = m_delimiter->currentData().toInt(); d > 0)
        options.delimiter = char(d);
    if (!m_session->worksInBackground()) {
        showTable(io::readTable(m_path, options));
        return;
    }
    // A list of 20,000 customers took a quarter of a second to read and decode; a worker of
    // readerPool() reads it (no connection needed), the page waits for it.
    const StopFlag stop = m_stopRead = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<Result<io::Table>>(this);
    connect(watcher, &QFutureWatcher<Result<io::Table>>::finished, this, [this, watcher, stop] {
        watcher->deleteLater();
        if (*stop)
            return; // another file or encoding was chosen meanwhile
        m_stopRead.reset();
        unsetCursor();
        showTable(watcher->future().takeResult());
    });
    setCursor(Qt::BusyCursor);
    watcher->setFuture(QtConcurrent::run(readerPool(), [path = m_path, options, stop]() -> Result<io::Table> {
        if (*stop)
            return std::unexpected(Error{});
        return io::readTable(path, options);
    }));
    emit page(FilePage)->completeChanged();
}

void ImportWizard::showTable(Result<io::Table> loaded)
{
    if (!loaded) {
        m_fileInfo->setText(QStringLiteral("<span style=\"color:#b00020;\">%1</span>")
                                .arg(loaded.error().message.toHtmlEscaped()));
        m_preview->clear();
        m_preview->setRowCount(0);
        m_preview->setColumnCount(0);
    } else {
        m_table = std::move(*loaded);
        const QString separator = m_table->delimiter == '\t'  ? tr("tab")
                                  : m_table->delimiter == ';' ? tr("semicolon")
                                                              : tr("comma");
        QString info = tr("%n row(s) · %1 · separated by %2", nullptr, int(m_table->rows.size()))
                           .arg(csv::encodingName(m_table->encoding), separator);
        if (!m_table->problems.empty())
            info += QStringLiteral(" · <span style=\"color:#b00020;\">%1</span>")
                        .arg(tr("%n row(s) the file itself gets wrong (they will be listed)", nullptr,
                                int(m_table->problems.size())));
        m_fileInfo->setText(info);
        fillPreview();
    }
    emit page(FilePage)->completeChanged();
}

void ImportWizard::fillPreview()
{
    m_preview->clear();
    m_preview->setColumnCount(int(m_table->header.size()));
    m_preview->setHorizontalHeaderLabels(m_table->header);
    const int rows = int(std::min<std::size_t>(m_table->rows.size(), kPreviewRows));
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < m_table->header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(m_table->rows[std::size_t(r)].value(c)));
    m_preview->resizeColumnsToContents();
}

// ---- 2. Columns

QWizardPage *ImportWizard::buildColumnsPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("What each column holds"));
    page->setSubTitle(tr("Guessed from the column titles. Change any that are wrong; columns set to "
                         "“(ignore)” are not imported."));
    m_columns = makeTable(QStringLiteral("importColumns"), page);
    m_columns->setColumnCount(3);
    m_columns->setHorizontalHeaderLabels({tr("Column"), tr("Imported as"), tr("First values")});
    m_columnsHint = wrapping(QStringLiteral("importColumnsHint"), page);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_columns, 1);
    layout->addWidget(m_columnsHint);
    return page;
}

void ImportWizard::fillColumns()
{
    // Each column's choices and guess, as the field's number.
    std::vector<std::pair<QString, int>> choices;
    std::vector<int> guessed;
    if (customers()) {
        for (int f = 0; f < io::FieldCount; ++f)
            choices.emplace_back(io::fieldLabel(io::Field(f)), f);
        for (io::Field f : io::guessMapping(m_table->header))
            guessed.push_back(int(f));
    } else {
        for (io::ActivityField f : io::activityFields(activityKind()))
            choices.emplace_back(io::activityFieldLabel(f), int(f));
        for (io::ActivityField f : io::guessActivityMapping(activityKind(), m_table->header))
            guessed.push_back(int(f));
    }
    m_columns->setRowCount(int(m_table->header.size()));
    for (int c = 0; c < m_table->header.size(); ++c) {
        m_columns->setItem(c, 0, new QTableWidgetItem(m_table->header[c]));
        auto *field = new QComboBox(m_columns);
        field->setObjectName(QStringLiteral("importField_%1").arg(c));
        for (const auto &[label, value] : choices)
            field->addItem(label, value);
        field->setCurrentIndex(field->findData(guessed[std::size_t(c)]));
        connect(field, &QComboBox::currentIndexChanged, this, [this] {
            m_plan.reset();
            m_activityPlan.reset();
        });
        m_columns->setCellWidget(c, 1, field);
        QStringList samples;
        for (std::size_t r = 0; r < m_table->rows.size() && samples.size() < 3; ++r) {
            const QString v = m_table->rows[r].value(c).trimmed();
            if (!v.isEmpty())
                samples << v;
        }
        m_columns->setItem(c, 2, new QTableWidgetItem(samples.join(QStringLiteral(" · "))));
    }
    m_columns->resizeColumnsToContents();
    // The field choosers are cell widgets, which resizeColumnsToContents() does not measure.
    int chooser = m_columns->horizontalHeader()->sectionSize(1);
    for (int c = 0; c < m_columns->rowCount(); ++c)
        chooser = std::max(chooser, m_columns->cellWidget(c, 1)->sizeHint().width());
    m_columns->horizontalHeader()->resizeSection(1, chooser);
    if (customers())
        m_columnsHint->setText(tr("Duplicates are found by phone number (any format) and e-mail, in the "
                                  "database and inside the file."));
    else if (m_kind == Kind::Orders)
        m_columnsHint->setText(
            tr("Each row finds its customer by id, else by phone number (any format), else by "
               "e-mail. An order with the same customer, day and amount as one already there is "
               "a duplicate."));
    else
        m_columnsHint->setText(
            tr("Each row finds its customer by id, else by phone number (any format), else by "
               "e-mail. A call with the same customer and time (to the second; to the minute when "
               "the list has no seconds) as one already there is a duplicate."));
}

std::vector<int> ImportWizard::mapping() const
{
    std::vector<int> out;
    for (int c = 0; c < m_columns->rowCount(); ++c)
        out.push_back(qobject_cast<QComboBox *>(m_columns->cellWidget(c, 1))->currentData().toInt());
    return out;
}

io::PlanOptions ImportWizard::planOptions() const
{
    io::PlanOptions options;
    options.defaultOwner = m_session->userName();
    options.today = m_session->today();
    options.duplicates = io::Decision::Merge;
    return options;
}

io::ActivityPlanOptions ImportWizard::activityPlanOptions() const
{
    io::ActivityPlanOptions options;
    options.today = m_session->today();
    options.duplicates = io::Decision::Skip;
    return options;
}

bool ImportWizard::makePlan()
{
    const std::vector<int> columns = mapping();
    std::optional<Error> error;
    if (customers()) {
        std::vector<io::Field> fields;
        for (int f : columns)
            fields.push_back(io::Field(f));
        if (auto planned = io::planImport(m_session->database(), *m_table, fields, planOptions()))
            m_plan = std::move(*planned);
        else
            error = planned.error();
    } else {
        std::vector<io::ActivityField> fields;
        for (int f : columns)
            fields.push_back(io::ActivityField(f));
        if (auto planned = io::planActivityImport(m_session->database(), activityKind(), *m_table, fields,
                                                  activityPlanOptions()))
            m_activityPlan = std::move(*planned);
        else
            error = planned.error();
    }
    if (error) {
        MessageBox::warning(this, title(), error->message);
        return false;
    }
    return true;
}

void ImportWizard::planInBackground()
{
    if (m_stopPlan)
        return;
    // At a million customers the plan looks up every row's phone and e-mail (seconds for a list
    // of 20,000): a worker reads them, the page waits.
    const auto table = std::make_shared<const io::Table>(*m_table);
    const std::vector<int> columns = mapping();
    m_plan.reset();
    m_activityPlan.reset();
    m_columns->setEnabled(false);
    button(QWizard::NextButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    setCursor(Qt::BusyCursor);
    // The plan comes as a pointer: readInBackground() hands over a copy of the worker's answer,
    // and 20,000 planned rows took tens of milliseconds to copy.
    auto planned = [this](const auto &plan, auto &into) {
        endPlan();
        if (!plan) {
            MessageBox::warning(this, title(), plan.error().message);
            return;
        }
        into = std::move(**plan);
        m_planReady = true;
        next();
    };
    if (customers()) {
        std::vector<io::Field> fields;
        for (int f : columns)
            fields.push_back(io::Field(f));
        m_stopPlan = readInBackground<std::shared_ptr<io::Plan>>(
            this, m_session->path(),
            [table, fields,
             options = planOptions()](store::Database &db) -> Result<std::shared_ptr<io::Plan>> {
                auto plan = io::planImport(db, *table, fields, options);
                if (!plan)
                    return std::unexpected(plan.error());
                return std::make_shared<io::Plan>(std::move(*plan));
            },
            [this, planned](const Result<std::shared_ptr<io::Plan>> &plan) { planned(plan, m_plan); });
    } else {
        std::vector<io::ActivityField> fields;
        for (int f : columns)
            fields.push_back(io::ActivityField(f));
        m_stopPlan = readInBackground<std::shared_ptr<io::ActivityPlan>>(
            this, m_session->path(),
            [table, fields, kind = activityKind(), options = activityPlanOptions()](
                store::Database &db) -> Result<std::shared_ptr<io::ActivityPlan>> {
                auto plan = io::planActivityImport(db, kind, *table, fields, options);
                if (!plan)
                    return std::unexpected(plan.error());
                return std::make_shared<io::ActivityPlan>(std::move(*plan));
            },
            [this, planned](const Result<std::shared_ptr<io::ActivityPlan>> &plan) {
                planned(plan, m_activityPlan);
            });
    }
}

void ImportWizard::endPlan()
{
    stopRead(m_stopPlan);
    m_columns->setEnabled(true);
    button(QWizard::NextButton)->setEnabled(true);
    button(QWizard::BackButton)->setEnabled(true);
    unsetCursor();
}

// ---- 3. Review

QWizardPage *ImportWizard::buildReviewPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Review"));
    page->setSubTitle(customers()
                          ? tr("Nothing has been changed yet. Decide what happens to the duplicates, "
                               "then import.")
                          : tr("Nothing has been changed yet. Decide what happens to the rows that are "
                               "already there, then import."));
    page->setCommitPage(true);
    m_summary = wrapping(QStringLiteral("importSummary"), page);
    m_allDuplicates = new QComboBox(page);
    m_allDuplicates->setObjectName(QStringLiteral("importAllDuplicates"));
    if (customers()) {
        for (auto d : {io::Decision::Merge, io::Decision::Update, io::Decision::Skip, io::Decision::Create})
            m_allDuplicates->addItem(io::decisionLabel(d), int(d));
    } else {
        m_allDuplicates->addItem(tr("Skip (already there)"), int(io::Decision::Skip));
        m_allDuplicates->addItem(tr("Add anyway"), int(io::Decision::Create));
    }
    connect(m_allDuplicates, &QComboBox::currentIndexChanged, this, [this] {
        const auto d = io::Decision(m_allDuplicates->currentData().toInt());
        if (m_plan && customers())
            io::decideAllDuplicates(*m_plan, d);
        else if (m_activityPlan && !customers())
            io::decideAllDuplicates(*m_activityPlan, d);
        else
            return;
        for (int r = 0; r < m_review->rowCount(); ++r)
            if (auto *combo = qobject_cast<QComboBox *>(m_review->cellWidget(r, 4)))
                combo->setCurrentIndex(combo->findData(int(d)));
    });
    m_review = makeTable(QStringLiteral("importReview"), page);
    // Its columns fit the first rows (the visible ones and more), not all 500 of a big list.
    m_review->horizontalHeader()->setResizeContentsPrecision(50);
    m_review->setColumnCount(5);
    if (customers())
        m_review->setHorizontalHeaderLabels(
            {tr("Line"), tr("Name"), tr("Phone"), tr("What was found"), tr("Action")});
    else
        m_review->setHorizontalHeaderLabels(
            {tr("Line"), tr("Customer"), tr("Date"), tr("What was found"), tr("Action")});

    auto *all = new QHBoxLayout;
    auto *allLabel = new QLabel(tr("For &all duplicates:"), page);
    allLabel->setBuddy(m_allDuplicates);
    all->addWidget(allLabel);
    all->addWidget(m_allDuplicates);
    all->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summary);
    layout->addLayout(all);
    layout->addWidget(m_review, 1);
    return page;
}

void ImportWizard::fillReview()
{
    // 500 rows with their choosers took up to half a second: they are added a batch per turn of
    // the event loop, and a fill still on its way for an earlier plan stops.
    const int fill = ++m_reviewFill;
    m_reviewFilling = true;
    m_review->setUpdatesEnabled(false);
    if (customers())
        fillCustomerReview();
    else
        fillActivityReview();
    // The table has its rows from the start: a row inserted among rows with choosers moved each
    // of them (the batches took longer and longer, 150 ms at the end).
    qint64 listed = m_reviewRows;
    if (customers()) {
        for (const io::PlannedRow &p : m_plan->rows)
            listed += !p.valid() || p.duplicate();
    } else {
        for (const io::PlannedActivity &p : m_activityPlan->rows)
            listed += !p.valid() || p.duplicate();
    }
    m_review->setRowCount(int(std::min<qint64>(listed, kReviewRows)));
    fillReviewRows(0, fill);
}

void ImportWizard::fillReviewRows(std::size_t from, int fill)
{
    constexpr int kBatch = 50;
    m_review->setUpdatesEnabled(false);
    const std::size_t rows = customers() ? m_plan->rows.size() : m_activityPlan->rows.size();
    std::size_t i = from;
    for (int added = 0; i < rows && m_reviewRows < kReviewRows && added < kBatch; ++i)
        added += int(customers() ? addCustomerReviewRow(i) : addActivityReviewRow(i));
    if (i < rows && m_reviewRows < kReviewRows) {
        m_review->setUpdatesEnabled(true);
        QTimer::singleShot(0, this, [this, i, fill] {
            if (fill != m_reviewFill)
                return; // a newer fill goes on
            if (currentId() != ReviewPage ||
                !(customers() ? m_plan.has_value() : m_activityPlan.has_value())) {
                m_reviewFilling = false; // left, or the plan was dropped or went to the import
                return;
            }
            fillReviewRows(i, fill);
        });
        return;
    }
    m_reviewFilling = false;
    finishReview(m_reviewAttention);
    m_review->setUpdatesEnabled(true);
}

QComboBox *ImportWizard::decisionBox(const QString &objectName, std::initializer_list<io::Decision> choices,
                                     io::Decision current)
{
    auto *box = new QComboBox(m_review);
    box->setObjectName(objectName);
    for (auto d : choices)
        box->addItem(customers()               ? io::decisionLabel(d)
                     : d == io::Decision::Skip ? tr("Skip (already there)")
                                               : tr("Add anyway"),
                     int(d));
    box->setCurrentIndex(box->findData(int(current)));
    return box;
}

void ImportWizard::finishReview(qint64 attention)
{
    if (attention > kReviewRows)
        m_summary->setText(
            m_summary->text() + QStringLiteral("<br>") +
            tr("The first %1 rows that need a look are listed; the others follow the choice for "
               "all duplicates.")
                .arg(kReviewRows));
    m_review->resizeColumnsToContents();
    m_review->horizontalHeader()->resizeSection(3,
                                                std::min(m_review->horizontalHeader()->sectionSize(3), 420));
}

int ImportWizard::addReviewRow(qint64 line, const QString &who, const QString &what, const QString &found)
{
    const int row = m_reviewRows++;
    if (row >= m_review->rowCount())
        m_review->insertRow(row);
    auto *lineItem = new QTableWidgetItem(QString::number(line));
    lineItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_review->setItem(row, 0, lineItem);
    m_review->setItem(row, 1, new QTableWidgetItem(who));
    m_review->setItem(row, 2, new QTableWidgetItem(what));
    m_review->setItem(row, 3, new QTableWidgetItem(found));
    m_review->item(row, 3)->setToolTip(found);
    return row;
}

void ImportWizard::markNotImported(int row)
{
    m_review->setItem(row, 4, new QTableWidgetItem(tr("Not imported")));
    for (int c = 0; c < 5; ++c)
        m_review->item(row, c)->setForeground(QColor(0xb0, 0x00, 0x20));
}

int ImportWizard::addFileProblems()
{
    m_review->setRowCount(0);
    m_reviewRows = 0;
    for (const io::Table::Problem &p : m_table->problems) {
        if (m_reviewRows >= kReviewRows)
            break;
        // A customer list's first column is mostly the name; an order's is its own number.
        markNotImported(
            addReviewRow(p.line, customers() ? p.fields.value(0) : QString(), QString(), p.reason));
    }
    return m_reviewRows;
}

void ImportWizard::fillActivityReview()
{
    const io::ActivityPlan &plan = *m_activityPlan;
    const qint64 fileProblems = qint64(m_table->problems.size());
    const qint64 fresh = plan.valid() - plan.duplicatesInDatabase() - plan.duplicatesInFile();
    m_summary->setText(
        (m_kind == Kind::Orders
             ? tr("<b>%1</b> new orders for <b>%2</b> customers · <b>%3</b> already in the database · "
                  "<b>%4</b> repeated in the file · <b>%5</b> cannot be imported")
             : tr("<b>%1</b> new calls for <b>%2</b> customers · <b>%3</b> already in the database · "
                  "<b>%4</b> repeated in the file · <b>%5</b> cannot be imported"))
            .arg(fresh)
            .arg(plan.customers())
            .arg(plan.duplicatesInDatabase())
            .arg(plan.duplicatesInFile())
            .arg(plan.invalid() + fileProblems));
    addFileProblems();
    m_reviewAttention = plan.invalid() + fileProblems + plan.duplicatesInDatabase() + plan.duplicatesInFile();
}

bool ImportWizard::addActivityReviewRow(std::size_t i)
{
    const io::ActivityPlan &plan = *m_activityPlan;
    const io::PlannedActivity &p = plan.rows[i];
    if (p.valid() && !p.duplicate())
        return false;
    const QString who =
        p.customer ? QStringLiteral("%1 (%2)").arg(p.customerName).arg(p.customer) : QString();
    const QString when = m_kind == Kind::Orders ? QLocale().toString(p.order.orderedAt, QLocale::ShortFormat)
                                                : QLocale().toString(p.call.calledAt, QLocale::ShortFormat);
    QString found;
    if (!p.valid())
        found = p.errors.join(u' ');
    else if (p.existing)
        found = m_kind == Kind::Orders ? tr("The same order is in the database (customer, day and amount)")
                                       : tr("The same call is in the database (customer and time)");
    else
        found = tr("The same as line %1 of the file").arg(plan.rows[std::size_t(p.earlierRow)].line);
    const int r = addReviewRow(p.line, who, p.valid() ? when : QString(), found);
    if (!p.valid()) {
        markNotImported(r);
        return true;
    }
    auto *decision = decisionBox(QStringLiteral("importDecision_%1").arg(p.line),
                                 {io::Decision::Skip, io::Decision::Create}, p.decision);
    connect(decision, &QComboBox::currentIndexChanged, this, [this, i, decision] {
        m_activityPlan->rows[i].decision = io::Decision(decision->currentData().toInt());
    });
    m_review->setCellWidget(r, 4, decision);
    return true;
}

void ImportWizard::fillCustomerReview()
{
    const io::Plan &plan = *m_plan;
    const qint64 fileProblems = qint64(m_table->problems.size());
    const qint64 fresh = plan.valid() - plan.duplicatesInDatabase() - plan.duplicatesInFile();
    m_summary->setText(
        tr("<b>%1</b> new customers · <b>%2</b> already in the database · <b>%3</b> repeated in "
           "the file · <b>%4</b> cannot be imported")
            .arg(fresh)
            .arg(plan.duplicatesInDatabase())
            .arg(plan.duplicatesInFile())
            .arg(plan.invalid() + fileProblems));

    addFileProblems();
    m_reviewAttention = plan.invalid() + fileProblems + plan.duplicatesInDatabase() + plan.duplicatesInFile();
}

bool ImportWizard::addCustomerReviewRow(std::size_t i)
{
    const io::Plan &plan = *m_plan;
    const io::PlannedRow &p = plan.rows[i];
    if (p.valid() && !p.duplicate())
        return false;
    QString found;
    if (!p.valid()) {
        found = p.errors.join(u' ');
    } else {
        const QString by = p.matchedByPhone ? tr("phone") : tr("e-mail");
        found =
            p.existing
                ? tr("Same %1 as customer %2 in the database").arg(by).arg(*p.existing)
                : tr("Same %1 as line %2 of the file").arg(by).arg(plan.rows[std::size_t(p.earlierRow)].line);
    }
    const int r = addReviewRow(p.line, p.customer.name, p.customer.phone, found);
    if (!p.valid()) {
        markNotImported(r);
        return true;
    }
    auto *decision = decisionBox(
        QStringLiteral("importDecision_%1").arg(p.line),
        {io::Decision::Merge, io::Decision::Update, io::Decision::Skip, io::Decision::Create}, p.decision);
    connect(decision, &QComboBox::currentIndexChanged, this, [this, i, decision] {
        m_plan->rows[i].decision = io::Decision(decision->currentData().toInt());
    });
    m_review->setCellWidget(r, 4, decision);
    return true;
}

// ---- 4. Import

QWizardPage *ImportWizard::buildImportPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Import"));
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_result = wrapping(QStringLiteral("importResult"), page);
    m_saveProblems = new QPushButton(tr("Save rows to fix as CSV…"), page);
    m_saveProblems->setObjectName(QStringLiteral("importSaveProblems"));
    m_undo = new QPushButton(tr("&Undo this import"), page);
    m_undo->setObjectName(QStringLiteral("importUndo"));
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_importProgress)
            m_progress->setValue(int(m_importProgress->written.load()));
    });
    connect(m_saveProblems, &QPushButton::clicked, this, [this] {
        const QString suggested = QFileInfo(m_path).absolutePath() + QLatin1Char('/') +
                                  tr("%1-to-fix.csv").arg(QFileInfo(m_path).completeBaseName());
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save rows to fix"), suggested, tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            saveProblems(path);
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        const QString question =
            m_kind == Kind::Orders ? tr("Remove the orders this import added?")
            : m_kind == Kind::Calls
                ? tr("Remove the calls this import added?")
                : tr("Remove the customers this import created and restore the ones it changed?");
        if (MessageBox::question(this, tr("Undo this import"), question) == QMessageBox::Yes)
            undoImport();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveProblems);
    buttons->addWidget(m_undo);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return page;
}

void ImportWizard::runImport()
{
    m_importing = true;
    m_cancel = false;
    m_saveProblems->setEnabled(false);
    m_undo->setEnabled(false);
    m_result->setText(tr("Importing… (Esc cancels)"));
    // Cancel, while it runs.
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    if (m_session->worksInBackground()) {
        importInBackground();
        return;
    }
    auto progress = [this](qint64 done, qint64) {
        m_progress->setValue(int(done));
        QApplication::processEvents();
        return !m_cancel;
    };
    if (!customers()) {
        runActivityImport(progress);
        return;
    }
    m_progress->setRange(0, int(m_plan->rows.size()));
    showCustomerReport(m_session->importCustomers(*m_plan, QFileInfo(m_path).fileName(),
                                                  qint64(m_table->problems.size()), progress));
}

void ImportWizard::importInBackground()
{
    m_importProgress = std::make_shared<ExportProgress>();
    m_progress->setRange(0, int(customers() ? m_plan->rows.size() : m_activityPlan->rows.size()));
    m_progress->setValue(0);
    m_progressTimer->start();
    // A classification going on stops (its write would hold the import's up), and runs again after
    // the import, with it.
    m_session->beginBackgroundImport();
    const QString path = m_session->path();
    const std::shared_ptr<const store::Database::DamageCheck> check = m_session->database().damageCheck();
    const QString source = QFileInfo(m_path).fileName();
    const qint64 problems = qint64(m_table->problems.size());
    const std::shared_ptr<ExportProgress> progress = m_importProgress;
    const QPointer<ImportWizard> self(this);
    const QPointer<Session> session(m_session);
    // The worker writes with a connection of its own and tells the window by a queued call; it
    // touches nothing of the wizard, which may be gone by then (the session is told anyway). Its
    // pool is the classification's: the session waits for it before the database closes.
    auto report = [progress](qint64 done, qint64 total) { return progress->report(done, total); };
    // The list and its plan go to the worker for good: the wizard cannot go back once the import
    // started, and all it needs of them after is the rows to fix (saveProblems()), which the
    // worker writes once the import is done. It frees them then, before the classification that
    // an import of orders or calls starts (some 20 MiB for 20,000 rows, under the run's peak).
    auto table = std::make_shared<io::Table>(std::move(*m_table));
    m_table.reset();
    if (customers()) {
        auto plan = std::make_shared<io::Plan>(std::move(*m_plan));
        m_plan.reset();
        (void)QtConcurrent::run(Session::workerPool(), [=]() mutable {
            Result<io::CustomerImportReport> done = [&]() -> Result<io::CustomerImportReport> {
                store::Database db;
                if (auto ok = db.openBeside(path, check); !ok)
                    return std::unexpected(ok.error());
                return io::applyImport(db, *plan, source, problems, report);
            }();
            const bool toFix = done && !done->cancelled && (done->rejected > 0 || done->skipped > 0);
            Result<QByteArray> rows = toFix ? rowsToFix(*table, *plan) : Result<QByteArray>(QByteArray());
            table.reset();
            plan.reset();
            QMetaObject::invokeMethod(
                qApp,
                [self, session, done, rows] {
                    if (session)
                        session->endBackgroundImport(done && !done->cancelled &&
                                                         (done->created || done->updated || done->merged),
                                                     false);
                    if (self) {
                        self->m_rowsToFix = rows;
                        self->showCustomerReport(done);
                    }
                },
                Qt::QueuedConnection);
        });
    } else {
        auto plan = std::make_shared<io::ActivityPlan>(std::move(*m_activityPlan));
        m_activityPlan.reset();
        (void)QtConcurrent::run(Session::workerPool(), [=]() mutable {
            Result<io::ActivityImportReport> done = [&]() -> Result<io::ActivityImportReport> {
                store::Database db;
                if (auto ok = db.openBeside(path, check); !ok)
                    return std::unexpected(ok.error());
                return io::applyActivityImport(db, *plan, source, problems, report);
            }();
            const bool toFix = done && !done->cancelled && (done->rejected > 0 || done->skipped > 0);
            Result<QByteArray> rows = toFix ? rowsToFix(*table, *plan) : Result<QByteArray>(QByteArray());
            table.reset();
            plan.reset();
            QMetaObject::invokeMethod(
                qApp,
                [self, session, done, rows] {
                    if (session)
                        session->endBackgroundImport(done && !done->cancelled && done->created > 0, true);
                    if (self) {
                        self->m_rowsToFix = rows;
                        self->showActivityReport(done);
                    }
                },
                Qt::QueuedConnection);
        });
    }
}

void ImportWizard::showCustomerReport(const Result<io::CustomerImportReport> &report)
{
    if (!importFinished(report ? nullptr : &report.error(), report && report->cancelled))
        return;
    m_report = *report;
    m_result->setText(tr("<b>Done.</b> %1 created · %2 merged · %3 updated · %4 skipped · %5 not imported.")
                          .arg(report->created)
                          .arg(report->merged)
                          .arg(report->updated)
                          .arg(report->skipped)
                          .arg(report->rejected));
    m_saveProblems->setEnabled(report->rejected > 0 || report->skipped > 0);
    m_undo->setEnabled(report->created + report->merged + report->updated > 0);
}

bool ImportWizard::importFinished(const Error *error, bool cancelled)
{
    m_importing = false;
    m_progressTimer->stop();
    m_importProgress.reset();
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    if (error) {
        m_result->setText(QStringLiteral("<span style=\"color:#b00020;\">%1</span>")
                              .arg(tr("Nothing was imported: %1").arg(error->message).toHtmlEscaped()));
        return false;
    }
    m_progress->setValue(m_progress->maximum());
    if (cancelled) {
        m_result->setText(tr("Cancelled. Nothing was imported."));
        return false;
    }
    return true;
}

void ImportWizard::runActivityImport(const std::function<bool(qint64, qint64)> &progress)
{
    m_progress->setRange(0, int(m_activityPlan->rows.size()));
    showActivityReport(m_session->importActivities(*m_activityPlan, QFileInfo(m_path).fileName(),
                                                   qint64(m_table->problems.size()), progress));
}

void ImportWizard::showActivityReport(const Result<io::ActivityImportReport> &report)
{
    if (!importFinished(report ? nullptr : &report.error(), report && report->cancelled))
        return;
    m_activityReport = *report;
    QString done =
        (m_kind == Kind::Orders ? tr("<b>Done.</b> %1 orders added · %2 skipped · %3 not imported.")
                                : tr("<b>Done.</b> %1 calls added · %2 skipped · %3 not imported."))
            .arg(report->created)
            .arg(report->skipped)
            .arg(report->rejected);
    if (report->created > 0)
        done += QStringLiteral("<br>") + tr("The customers are being classified again with the new history.");
    m_result->setText(done);
    m_saveProblems->setEnabled(report->rejected > 0 || report->skipped > 0);
    m_undo->setEnabled(report->created > 0);
}

bool ImportWizard::saveProblems(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        MessageBox::critical(this, tr("Save rows to fix"),
                             tr("Could not write “%1”: %2").arg(path, file.errorString()));
        return false;
    }
    Result<qint64> written = 0;
    if (m_rowsToFix) { // written by the import's worker (importInBackground())
        if (!*m_rowsToFix)
            written = std::unexpected(m_rowsToFix->error());
        else if (file.write(**m_rowsToFix) != (*m_rowsToFix)->size())
            written = std::unexpected(Error{file.errorString(), {}});
    } else if (m_table && (customers() ? m_plan.has_value() : m_activityPlan.has_value())) {
        written = customers() ? io::writeProblemRows(&file, *m_table, *m_plan)
                              : io::writeProblemRows(&file, *m_table, *m_activityPlan);
    }
    if (!written || !file.commit()) {
        file.cancelWriting();
        MessageBox::critical(
            this, tr("Save rows to fix"),
            tr("Could not write “%1”: %2").arg(path, written ? file.errorString() : written.error().message));
        return false;
    }
    return true;
}

bool ImportWizard::undoImport()
{
    const qint64 batch =
        customers() ? (m_report ? m_report->batch : 0) : (m_activityReport ? m_activityReport->batch : 0);
    if (batch == 0)
        return false;
    if (auto ok = m_session->undoImport(batch); !ok) {
        MessageBox::warning(this, tr("Undo this import"), ok.error().message);
        return false;
    }
    m_undo->setEnabled(false);
    m_result->setText(m_result->text() + QStringLiteral("<br>") + tr("The import was undone."));
    return true;
}

// ---- Navigation

void ImportWizard::initializePage(int id)
{
    switch (id) {
    case ColumnsPage:
        fillColumns();
        break;
    case ReviewPage:
        m_allDuplicates->setCurrentIndex(0);
        fillReview();
        break;
    case ImportPage:
        runImport();
        break;
    default:
        break;
    }
}

bool ImportWizard::validateCurrentPage()
{
    switch (currentId()) {
    case FilePage:
        if (m_stopRead)
            return false; // still reading: Next again once it shows
        if (!m_table) {
            MessageBox::warning(this, title(), tr("Choose a file that can be read first."));
            return false;
        }
        return true;
    case ColumnsPage:
        if (!m_session->worksInBackground())
            return makePlan();
        if (std::exchange(m_planReady, false))
            return true;
        planInBackground(); // next() again when it is made
        return false;
    default:
        return true;
    }
}

void ImportWizard::reject()
{
    if (m_importing) {
        m_cancel = true; // the import rolls back and the page says so
        if (m_importProgress)
            m_importProgress->cancelled = true;
        return;
    }
    stopRead(m_stopRead);
    if (m_stopPlan)
        endPlan(); // nothing was written
    QWizard::reject();
}

void ImportWizard::done(int result)
{
    if (m_importing && result != QDialog::Rejected)
        return;
    QWizard::done(result);
}

} // namespace tierdesk::ui
