#pragma once

#include "classification.h"
#include "settings.h"

#include <QString>

/// One translated sentence for each result, as a salesperson would say it
/// ("A: 128,400.00 spent in the last 12 months, rank 3 of 2,314 buyers").
namespace tierdesk::classify {

QString explainValueTier(const Classification &c, const Summary &s, const Settings &settings);
QString explainRfm(const Classification &c, const CustomerFacts &f);
QString explainFrequencyTier(const Classification &c);
QString explainLoyalty(const Classification &c, const CustomerFacts &f);
QString explainLifecycle(const Classification &c, const CustomerFacts &f, const Settings &settings);
QString explainEngagement(const Classification &c, const CustomerFacts &f, const Settings &settings);
QString explainGrade(const Classification &c, const CustomerFacts &f);
QString explainDemotion(const Classification &c, const CustomerFacts &f, const Settings &settings);
/// The queue's reason: "follow-up set for 2026-06-28", "grade A: every 3 days", …
QString reasonText(const DueReason &reason);
/// The suggested action for a segment (the team's text if it set one).
QString segmentAction(Segment s, const Settings &settings);

} // namespace tierdesk::classify
