#pragma once

#include <QString>

#include <expected>

namespace tierdesk {

/// What went wrong, in words a user can read. The message is already translated; `detail` keeps
/// the untranslated technical cause (an SQLite message, a file name) for logs and support.
struct Error {
    QString message;
    QString detail;
};

template<typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(tr("…"));`.
inline std::unexpected<Error> fail(QString message, QString detail = {})
{
    return std::unexpected(Error{std::move(message), std::move(detail)});
}

} // namespace tierdesk
