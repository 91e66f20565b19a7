#pragma once

#include <QString>

namespace tierdesk {

/// Every QStandardPaths call of TierDesk goes through here, so that tests (test mode) and the
/// `--db` override apply everywhere.
class AppPaths final {
public:
    /// Sets the application identity that the standard locations are derived from. Call once in
    /// main(), before anything else asks for a path.
    static void setUpApplication();
    /// The folder with the user's data (created on demand by the store).
    static QString dataDir();
    /// The default database: `<data folder>/tierdesk.sqlite`.
    static QString defaultDatabase();
};

} // namespace tierdesk
