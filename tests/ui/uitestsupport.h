#pragma once

#include "backgroundread.h"
#include "models/customertablemodel.h"
#include "session.h"

#include <QSemaphore>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <gtest/gtest.h>
#include <memory>

namespace tierdesk::test {

/// A database file in a temporary folder with a small hand-made team, classified as of
/// 2026-06-30, and a Session on it whose today is that date.
///
/// Customers (ids fixed):
///  1 王伟 / 上海明华贸易有限公司, +86 138 0013 8000, owner 李娜, grade A, big buyer, due (overdue)
///  2 Anna Schmidt / Northwind Foods GmbH, 13900001111, owner Anna, buyer without grade, declining
///  3 张秀英, prospect, never called, created 2026-06-01 (due)
///  4 李强, prospect with a follow-up set for 2026-07-10 (not due)
///  5 王伟 (duplicate of 1: same phone in another format "0086-138-0013-8000")
class UiFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    QTemporaryDir dir;
    std::unique_ptr<ui::Session> session;
    QString dbPath;
};

/// Every database counts as big while it lives (ui::isBigDatabase()): the lists, the charts, the
/// dialogs' reads, the wizard's plan and import go to workers, as at 64 MB and more.
/// The limit before it comes back at the end of the scope.
class BigDatabase final {
public:
    BigDatabase() { ui::setBigDatabaseBytes(0); }
    ~BigDatabase() { ui::setBigDatabaseBytes(m_limit); }
    BigDatabase(const BigDatabase &) = delete;
    BigDatabase &operator=(const BigDatabase &) = delete;

private:
    qint64 m_limit = ui::bigDatabaseBytes();
};

/// Holds the threads of ui::readInBackground() (ui::readerPool()) until release() or the end of
/// the scope: a read started meanwhile waits for them, so that a test sees
/// the window as it is before a worker's answer, and in which order the answers come.
class WorkerGate final {
public:
    WorkerGate();
    ~WorkerGate();
    WorkerGate(const WorkerGate &) = delete;
    WorkerGate &operator=(const WorkerGate &) = delete;
    void release();

private:
    std::shared_ptr<QSemaphore> m_open = std::make_shared<QSemaphore>();
    int m_threads = 0;
    bool m_released = false;
};

/// `hook` runs as each classification run begins its write (ClassificationStore::
/// setWriteStartedHook()), until the end of the scope; then, once the runs' workers are done (one
/// may still be in the hook), it is removed.
class WriteStartedHook final {
public:
    explicit WriteStartedHook(std::function<void(const std::atomic<bool> *)> hook);
    ~WriteStartedHook();
    WriteStartedHook(const WriteStartedHook &) = delete;
    WriteStartedHook &operator=(const WriteStartedHook &) = delete;
};

/// The first classification run that begins its write is held there, as a run's write holds the
/// file for seconds at a million customers: until its stop flag is set (a write of the window,
/// closing the file), or 15 s. Unhooked at the end of the scope, once the runs' workers are done.
class HoldTheFirstRunsWrite final {
public:
    HoldTheFirstRunsWrite();
    HoldTheFirstRunsWrite(const HoldTheFirstRunsWrite &) = delete;
    HoldTheFirstRunsWrite &operator=(const HoldTheFirstRunsWrite &) = delete;
    /// How many runs began their write.
    int runs() const { return *m_runs; }

private:
    std::shared_ptr<std::atomic<int>> m_runs = std::make_shared<std::atomic<int>>(0);
    WriteStartedHook m_hook;
};

} // namespace tierdesk::test
