#pragma once

#include "session.h"

#include <QTemporaryDir>

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

} // namespace tierdesk::test
