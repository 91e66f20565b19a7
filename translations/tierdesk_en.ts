<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tierdesk-cli</name>
    <message numerus="yes">
        <source>Wrote the %n rejected or skipped row(s) to %1.</source>
        <translation>
            <numerusform>Wrote the %n rejected or skipped row to %1.</numerusform>
            <numerusform>Wrote the %n rejected or skipped rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) written.</source>
        <translation>
            <numerusform>%n customer written.</numerusform>
            <numerusform>%n customers written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::classify</name>
    <message numerus="yes">
        <source>D: refunds exceed purchases in the last %n day(s).</source>
        <translation>
            <numerusform>D: refunds exceed purchases in the last %n day.</numerusform>
            <numerusform>D: refunds exceed purchases in the last %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>D: no spend in the last %n day(s).</source>
        <translation>
            <numerusform>D: no spend in the last %n day.</numerusform>
            <numerusform>D: no spend in the last %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>High loyalty: recent (R %1), frequent (F %2) and %n order(s) in all.</source>
        <translation>
            <numerusform>High loyalty: recent (R %1), frequent (F %2) and %n order in all.</numerusform>
            <numerusform>High loyalty: recent (R %1), frequent (F %2) and %n orders in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Medium loyalty: repeat buyer (%n orders), not yet both recent and frequent.</source>
        <translation>
            <numerusform>Medium loyalty: repeat buyer (%n order), not yet both recent and frequent.</numerusform>
            <numerusform>Medium loyalty: repeat buyer (%n orders), not yet both recent and frequent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New: first order on %1, less than %n day(s) ago.</source>
        <translation>
            <numerusform>New: first order on %1, less than %n day ago.</numerusform>
            <numerusform>New: first order on %1, less than %n days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lost: no order for %n day(s).</source>
        <translation>
            <numerusform>Lost: no order for %n day.</numerusform>
            <numerusform>Lost: no order for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Declining: no order for %n day(s).</source>
        <translation>
            <numerusform>Declining: no order for %n day.</numerusform>
            <numerusform>Declining: no order for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Active: last order or call on %1 (within %n day(s)).</source>
        <translation>
            <numerusform>Active: last order or call on %1 (within %n day).</numerusform>
            <numerusform>Active: last order or call on %1 (within %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Normal: last order or call on %1 (within %n day(s)).</source>
        <translation>
            <numerusform>Normal: last order or call on %1 (within %n day).</numerusform>
            <numerusform>Normal: last order or call on %1 (within %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Silent: last order or call on %1, more than %n day(s) ago.</source>
        <translation>
            <numerusform>Silent: last order or call on %1, more than %n day ago.</numerusform>
            <numerusform>Silent: last order or call on %1, more than %n days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Suggested %1 from MAN: %n of 3 answered yes.</source>
        <translation>
            <numerusform>Suggested %1 from MAN: %n of 3 answered yes.</numerusform>
            <numerusform>Suggested %1 from MAN: %n of 3 answered yes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Suggest %1: no reached call in %n day(s).</source>
        <translation>
            <numerusform>Suggest %1: no reached call in %n day.</numerusform>
            <numerusform>Suggest %1: no reached call in %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Suggest %1: grade %2 held %n day(s) without an order.</source>
        <translation>
            <numerusform>Suggest %1: grade %2 held %n day without an order.</numerusform>
            <numerusform>Suggest %1: grade %2 held %n days without an order.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>grade %1: every %n day(s)</source>
        <translation>
            <numerusform>grade %1: every %n day</numerusform>
            <numerusform>grade %1: every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tier %1 customer: every %n day(s)</source>
        <translation>
            <numerusform>tier %1 customer: every %n day</numerusform>
            <numerusform>tier %1 customer: every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>regular check-in: every %n day(s)</source>
        <translation>
            <numerusform>regular check-in: every %n day</numerusform>
            <numerusform>regular check-in: every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>win-back: declining, every %n day(s)</source>
        <translation>
            <numerusform>win-back: declining, every %n day</numerusform>
            <numerusform>win-back: declining, every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::store::ImportLog</name>
    <message numerus="yes">
        <source>%n customer(s) created by this import have calls or orders by now; undoing the import would delete them. Nothing was changed.</source>
        <translation>
            <numerusform>%n customer created by this import has calls or orders by now; undoing the import would delete it. Nothing was changed.</numerusform>
            <numerusform>%n customers created by this import have calls or orders by now; undoing the import would delete them. Nothing was changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ChartsView</name>
    <message numerus="yes">
        <source>%n customer(s) · %1 % of revenue</source>
        <translation>
            <numerusform>%n customer · %1 % of revenue</numerusform>
            <numerusform>%n customers · %1 % of revenue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) · net sales of the last %1 days: %2</source>
        <translation>
            <numerusform>%n customer · net sales of the last %1 days: %2</numerusform>
            <numerusform>%n customers · net sales of the last %1 days: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n buyer(s) by recency (rows, 5 = bought most recently) and frequency (columns, 5 = buys most often)</source>
        <translation>
            <numerusform>%n buyer by recency (rows, 5 = bought most recently) and frequency (columns, 5 = buys most often)</numerusform>
            <numerusform>%n buyers by recency (rows, 5 = bought most recently) and frequency (columns, 5 = buys most often)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) due in the next 14 days, by priority. Today&apos;s bar includes %1 overdue from earlier days.</source>
        <translation>
            <numerusform>%n customer due in the next 14 days, by priority. Today&apos;s bar includes %1 overdue from earlier days.</numerusform>
            <numerusform>%n customers due in the next 14 days, by priority. Today&apos;s bar includes %1 overdue from earlier days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerDialog</name>
    <message numerus="yes">
        <source>Overdue by %n day(s). Reason: %1</source>
        <translation>
            <numerusform>Overdue by %n day. Reason: %1</numerusform>
            <numerusform>Overdue by %n days. Reason: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) already have this phone number or e-mail. Is this one of them?</source>
        <translation>
            <numerusform>%n customer already has this phone number or e-mail. Is this the same customer?</numerusform>
            <numerusform>%n customers already have this phone number or e-mail. Is this one of them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other customer(s) have the same phone number or e-mail. Select one and merge it into this customer to keep a single record.</source>
        <translation>
            <numerusform>%n other customer has the same phone number or e-mail. Select it and merge it into this customer to keep a single record.</numerusform>
            <numerusform>%n other customers have the same phone number or e-mail. Select one and merge it into this customer to keep a single record.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Call: %1, %n day(s) overdue</source>
        <translation>
            <numerusform>Call: %1, %n day overdue</numerusform>
            <numerusform>Call: %1, %n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerTableModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomersView</name>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::DuplicatesDialog</name>
    <message numerus="yes">
        <source>%1 · %n record(s) · %2</source>
        <translation>
            <numerusform>%1 · %n record · %2</numerusform>
            <numerusform>%1 · %n records · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of customers share a phone number or an e-mail address. Select the customer to keep, then merge: calls, orders and tags move to it.</source>
        <translation>
            <numerusform>%n group of customers shares a phone number or an e-mail address. Select the customer to keep, then merge: calls, orders and tags move to it.</numerusform>
            <numerusform>%n groups of customers share a phone number or an e-mail address. Select the customer to keep, then merge: calls, orders and tags move to it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::FollowUpModel</name>
    <message numerus="yes">
        <source>%1, %2: %n customer(s) due</source>
        <translation>
            <numerusform>%1, %2: %n customer due</numerusform>
            <numerusform>%1, %2: %n customers due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ImportWizard</name>
    <message numerus="yes">
        <source>%n row(s) · %1 · separated by %2</source>
        <translation>
            <numerusform>%n row · %1 · separated by %2</numerusform>
            <numerusform>%n rows · %1 · separated by %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) the file itself gets wrong (they will be listed)</source>
        <translation>
            <numerusform>%n row the file itself gets wrong (it will be listed)</numerusform>
            <numerusform>%n rows the file itself gets wrong (they will be listed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LifecycleModel</name>
    <message numerus="yes">
        <source>%1: %n customer(s), %2 %</source>
        <translation>
            <numerusform>%1: %n customer, %2 %</numerusform>
            <numerusform>%1: %n customers, %2 %</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LogCallDialog</name>
    <message numerus="yes">
        <source>%1, %n day(s) ago · %2</source>
        <translation>
            <numerusform>%1, %n day ago · %2</numerusform>
            <numerusform>%1, %n days ago · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n day(s) overdue · %2</source>
        <translation>
            <numerusform>%1, %n day overdue · %2</numerusform>
            <numerusform>%1, %n days overdue · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s) · %2</source>
        <translation>
            <numerusform>%1, in %n day · %2</numerusform>
            <numerusform>%1, in %n days · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s)</source>
        <translation>
            <numerusform>%1, in %n day</numerusform>
            <numerusform>%1, in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s) — suggested: %2</source>
        <translation>
            <numerusform>%1, in %n day — suggested: %2</numerusform>
            <numerusform>%1, in %n days — suggested: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MigrationModel</name>
    <message numerus="yes">
        <source>%n customer(s) stayed in %1</source>
        <translation>
            <numerusform>%n customer stayed in %1</numerusform>
            <numerusform>%n customers stayed in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) moved up from %1 to %2</source>
        <translation>
            <numerusform>%n customer moved up from %1 to %2</numerusform>
            <numerusform>%n customers moved up from %1 to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) moved down from %1 to %2</source>
        <translation>
            <numerusform>%n customer moved down from %1 to %2</numerusform>
            <numerusform>%n customers moved down from %1 to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new customer(s) in %1 (not classified last month)</source>
        <translation>
            <numerusform>%n new customer in %1 (not classified last month)</numerusform>
            <numerusform>%n new customers in %1 (not classified last month)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::PyramidModel</name>
    <message numerus="yes">
        <source>%1 — %n customer(s) · %2 % of revenue</source>
        <translation>
            <numerusform>%1 — %n customer · %2 % of revenue</numerusform>
            <numerusform>%1 — %n customers · %2 % of revenue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueView</name>
    <message numerus="yes">
        <source>%n customer(s) to call</source>
        <translation>
            <numerusform>%n customer to call</numerusform>
            <numerusform>%n customers to call</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::RfmGridModel</name>
    <message numerus="yes">
        <source>R %1 · F %2 — %3: %n buyer(s)</source>
        <translation>
            <numerusform>R %1 · F %2 — %3: %n buyer</numerusform>
            <numerusform>R %1 · F %2 — %3: %n buyers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SettingsDialog</name>
    <message numerus="yes">
        <source> day(s)</source>
        <comment>spin box suffix</comment>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
</TS>
