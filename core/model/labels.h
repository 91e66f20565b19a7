#pragma once

#include "types.h"

#include <QString>

/// Translated display names of the value types, in the sales terms each language uses
/// (A → "Key customer" / 关键客户). The stable text forms for files are in types.h.
namespace tierdesk::labels {

QString customerType(CustomerType v);
QString grade(Grade v);      ///< "S — about to close"
QString gradeShort(Grade v); ///< "S"
QString direction(Direction v);
QString outcome(Outcome v);
QString valueTier(ValueTier v);     ///< "A · Key"
QString valueTierName(ValueTier v); ///< "Key customer"
QString level(Level v);
QString lifecycle(Lifecycle v);
QString engagement(Engagement v);
QString segment(Segment v);
QString matrix(Matrix v);
/// Priority class 0–5 as a short label ("S", "A / tier A", …).
QString priorityClass(int cls);

} // namespace tierdesk::labels
