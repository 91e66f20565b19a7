<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CustomerTimelineModel</name>
    <message>
        <source>Profit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome / amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeCustomers</name>
    <message>
        <source>Merge customer #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetCustomerField</name>
    <message>
        <source>Edit name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change customer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the Money answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the Authority answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the Need answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change creation date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetCustomerGrade</name>
    <message>
        <source>Change grade</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk-cli</name>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports customers.csv, orders.csv and calls.csv from DIR, keeping their ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder with the three interchange files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the valid rows even when some rows are rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 customers, %2 orders and %3 calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows were rejected and not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows were rejected; nothing was imported. Fix them and import again, or use --keep-going.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifies every customer and stores the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The as-of date (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also write the results to FILE.csv (- for the terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classified %1 customers as of %2 in %3 ms: %4 buyers; tiers A %5, B %6, C %7, D %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the call list of a day: the follow-up queue in priority order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file to write (- for the terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain UTF-8 with LF line ends, without the byte-order mark and formula guard that spreadsheets need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers to call on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes customers.csv, orders.csv and calls.csv into DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to write to (created if needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a realistic demo database: customers, orders and calls over three years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many customers (default 2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo&apos;s today (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do nothing when the database already has customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --customers takes a number from 1 to %1, --seed a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has %2 customers; no demo created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created a demo with %1 customers, %2 orders and %3 calls in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: tierdesk-cli [--db PATH] COMMAND [OPTIONS]

Commands:
  import DIR [--keep-going]           import the three interchange files, ids kept
  classify [--as-of D] [--out F.csv]  classify every customer and store the results
  queue [--as-of D] --out F.csv       the call list of a day, in priority order
  export DIR                          write the three interchange files
  demo --customers N [--seed S]       create a demo database (--if-missing: only if empty)

--db PATH defaults to %1.
Run &apos;tierdesk-cli COMMAND --help&apos; for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: --as-of “%1” is not a date of the form YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::classify</name>
    <message>
        <source>Position %1: expected a closing %2 for the value quoted at position %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;=&apos; after &apos;!&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: unexpected character &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S (about to close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (clear intent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B (interested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C (latent need)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D (no need now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>D: refunds exceed purchases in the last %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>D: no spend in the last %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A (key): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B (major): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C (ordinary): %1 spent in the last %2 days, rank %3 of %4 buying customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RFM scores: this customer has not bought yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R %1 (last order %2 days ago), F %3 (%4 orders in the window), M %5 (%6 net).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase frequency: not a buyer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High frequency: F score %1 (4 or 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium frequency: F score 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low frequency: F score %1 (1 or 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loyalty tier: not a buyer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>High loyalty: recent (R %1), frequent (F %2) and %n order(s) in all.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Low loyalty: has bought only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low loyalty: no recent purchase (R %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Medium loyalty: repeat buyer (%n orders), not yet both recent and frequent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Prospect: no purchase yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>New: first order on %1, less than %n day(s) ago.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lost: no order for %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Declining: no order for %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Declining: %1 in the last %2 days against %3 in the %2 days before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growing: %1 in the last %2 days against %3 in the %2 days before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mature: steady spending (%1 recently, %2 before).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent: never ordered and never called.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Active: last order or call on %1 (within %n day(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Normal: last order or call on %1 (within %n day(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Silent: last order or call on %1, more than %n day(s) ago.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No intent grade: set one, or answer the MAN questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Suggested %1 from MAN: %n of 3 answered yes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, set on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Suggest %1: no reached call in %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Suggest %1: grade %2 held %n day(s) without an order.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>follow-up set for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>grade %1: every %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tier %1 customer: every %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>regular check-in: every %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>win-back: declining, every %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward them and ask for referrals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer a membership.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onboard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the relationship.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a limited-time offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call personally, now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager calls to win them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a low-cost reminder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: the condition is empty; expected a field such as monetary, &apos;not&apos; or &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;)&apos; has no matching &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;and&apos;, &apos;or&apos; or the end of the condition after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;)&apos; to close the &apos;(&apos; at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;and&apos;, &apos;or&apos; or &apos;)&apos; after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: the condition is nested too deeply; use at most %2 levels of parentheses and &apos;not&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a field; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected a field, &apos;not&apos; or &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected a field, &apos;not&apos; or &apos;(&apos; after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; cannot be compared with &apos;%3&apos;; use =, !=, in or not in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;in&apos; after &apos;not&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected =, !=, in or not in after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected =, !=, &lt;, &lt;=, &gt;, &gt;=, in or not in after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;(&apos; after &apos;in&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;,&apos; or &apos;)&apos; after &apos;%2&apos;; the list is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected &apos;,&apos; or &apos;)&apos; after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: expected a value after &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not an amount; expected a number with at most two decimals, such as 100000 or 1234.56</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a whole number; expected a number such as 30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a value tier; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a level; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a lifecycle stage; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not an engagement level; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a segment; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a value matrix class; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a grade; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a customer type; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a valid value; expected one of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::classify::Settings</name>
    <message>
        <source>Setting “%1” must be a decimal number such as 0.05, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting “segment_map” must name 25 segments, one for each R × F cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting “segment_map”: “%1” is not a segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of key customers (A) cannot be larger than the cumulative share of A and B.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two half-windows (2 × %1 days) must fit in the window of %2 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Active” must be a shorter time than “silent”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer must be declining before being lost: decline days must not exceed lost days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every tag rule needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag rule “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting “%1” must be a whole number from %2 to %3, not “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::csv</name>
    <message>
        <source>Line %1 is not valid %2 text. Check the file&apos;s encoding, or save the file as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build cannot read %1 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid %1 text. Check the file&apos;s encoding, or save the file as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 (BOM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown text encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field %1 contains a quote but does not start with one. A field with quotes must be enclosed in quotes, and each quote inside it doubled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field %1 has text after its closing quote. A quote inside a quoted field must be doubled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field %1 opens a quote that is never closed before the end of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not open for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is longer than %1 MiB. Probably a quote is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::io::CallList</name>
    <message>
        <source>suggest grade %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::io::Demo</name>
    <message>
        <source>Creating the demo database was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A demo database has between 1 and %L1 customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has customers. Demo data can only be added to an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::io::Interchange</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: it needs at least the header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2: the header row cannot be read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the header has no column “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no %1 in “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id %1 is not a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row is not valid UTF-8 (save the file as UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type %1 is not one of individual, enterprise, government, channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created_at %1 is not a date of the form YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intent %1 is not one of S, A, B, C, D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer_id %1 is not a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer %1 was rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer %1 is not in customers.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ordered_at %1 is not a date of the form YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount %1 is not a number with at most two decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profit %1 is not a number with at most two decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>called_at %1 is not a time of the form YYYY-MM-DDTHH:MM:SS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direction %1 is not one of out, in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome %1 is not one of reached, no_answer, voicemail, busy, wrong_number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration_s %1 is not a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next_follow_up %1 is not a date of the form YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::labels</name>
    <message>
        <source>Individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Government</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S — about to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A — clear intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B — interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C — latent need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D — no need now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A · Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B · Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C · Ordinary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D · Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordinary customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <comment>level</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <comment>level</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <comment>level</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <comment>lifecycle stage</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>engagement</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyal customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important to develop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important to retain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important to win back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General to develop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General to retain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General to win back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S · closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A · top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B · high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C · normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D · low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::store</name>
    <message>
        <source>The database is busy: another program (or another TierDesk window) is writing to it. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is read-only. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged or is not a TierDesk database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file could not be read or written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change breaks a rule of the database (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database error occurred (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this id exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its customer does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer needs a creation date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tags were not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the customers to merge no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge was not undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order needs a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call needs a date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call cannot last less than zero seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The classification was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::store::Database</name>
    <message>
        <source>“%1” is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” is read-only. Ask for write access or copy it to a folder of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” needs an upgrade, which is not possible while it is opened read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create an in-memory database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a TierDesk database, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” is locked by another program. Close it there and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the database “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” was made by a newer version of TierDesk (schema %2; this version knows up to %3). Update TierDesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database “%1” is damaged. Restore it from a backup; TierDesk will not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upgrade the database to version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the backup to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be verified; it was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the backup into place at “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the database file “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is not usable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ChartsView</name>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value pyramid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM segment map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up load, next 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier migration since last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save “%1” as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save “%1” as a PDF page for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No classified customers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classified as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>whose customers · as of which day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) · %1 % of revenue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) · net sales of the last %1 days: %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Customers per stage as of %1. Declining customers are called at least every %2 days (win-back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n buyer(s) by recency (rows, 5 = bought most recently) and frequency (columns, 5 = buys most often)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No buyers yet: the map shows customers with orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) due in the next 14 days, by priority. Today&apos;s bar includes %1 overdue from earlier days.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is due in the next 14 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: the tier at the end of %1. Columns: the tier now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;▲ %2&lt;/b&gt; moved up&lt;/span&gt; · &lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;▼ %4&lt;/b&gt; moved down&lt;/span&gt; · &lt;b&gt;%5&lt;/b&gt; stayed · &lt;b&gt;%6&lt;/b&gt; new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to compare with yet: no classification was saved in %1. The migration appears once customers have been classified in two consecutive months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be saved to %1. Check that the folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerDialog</name>
    <message>
        <source>Unknown</source>
        <comment>MAN answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>MAN answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <comment>MAN answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profi&amp;le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie&amp;rs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <comment>customer type</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. VIP, trade fair 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate tags with commas or semicolons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <comment>grade</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archi&amp;ved: hidden from the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gr&amp;ade:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAN qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Money (can pay):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aut&amp;hority (decides):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nee&amp;d:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not classified yet — run Classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls or orders yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge into this customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selected customer&apos;s calls and orders here and removes it. Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by hand on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested grade from the MAN answers: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grade yet: set one, or answer the MAN questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Customer[*]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this customer before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results of the classification as of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results of the last classification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R %1 · F %2 · M %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No segment: this customer has not bought yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the value matrix: this customer has not bought yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s). Reason: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same phone number and e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other customer has this phone number or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) already have this phone number or e-mail. Is this one of them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other customer(s) have the same phone number or e-mail. Select one and merge it into this customer to keep a single record.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>D&amp;uplicates (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 into %2?

All calls (%3) and orders (%4) of %1 move to %2, empty fields of %2 are filled in from %1, and %1 disappears from the customer list.

You can take this back with Undo (Ctrl+Z) while this window is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerTableModel</name>
    <message>
        <source>%1 (suggested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend (12 mo.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomersView</name>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, company, phone or e-mail  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::FollowUpModel</name>
    <message numerus="yes">
        <source>%1, %2: %n customer(s) due</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LifecycleModel</name>
    <message numerus="yes">
        <source>%1: %n customer(s), %2 %</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LogCallDialog</name>
    <message>
        <source>Log a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys 1–5 or the first letter pick the outcome here; Ctrl+1–5 from anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;irection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mm:ss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes and seconds. Typing here stops the timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dura&amp;tion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was said, what was promised. Enter starts a new line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 &amp;day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+&amp;3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 &amp;week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-&amp;up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and ne&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save, then log a call for the next customer in the queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…%2 outcome · %3 save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a call — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (suggested by MAN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, today · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n day(s) ago · %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n day(s) overdue · %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s) · %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unchanged (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop counting the call&apos;s duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on counting from the duration shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer: try again tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy: try again tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong number: find the right one, call tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voicemail: give them time to call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due again on %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1: the customer stays in today&apos;s queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s) — suggested: %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Call not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open. Open one, then log the call again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The duration must be minutes and seconds, like 4:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving? The note you typed will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MainWindow</name>
    <message>
        <source>TierDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export today&apos;s call list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print today&apos;s call list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open customer card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an &amp;order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today&apos;s calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Classify all customers now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About TierDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers.tierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — TierDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not classified yet (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About TierDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;TierDesk %1&lt;/h3&gt;&lt;p&gt;A desktop CRM for small sales teams: customer tiers, RFM segments and who to call next. Your data stays in one file on this computer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MigrationModel</name>
    <message numerus="yes">
        <source>%n customer(s) stayed in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) moved up from %1 to %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) moved down from %1 to %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new customer(s) in %1 (not classified last month)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Now %1</source>
        <comment>tier now</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <comment>customers without a tier last month</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was %1</source>
        <comment>tier last month</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::OrderDialog</name>
    <message>
        <source>Add an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an order — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · last order %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1 was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice number, products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A negative amount is a refund, e.g. -200.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most two decimals. Type thousands as 1234 or 1,234.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an amount. Type it like 1234.50, or -200 for a refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount of zero changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund of %1: it lowers the customer&apos;s spending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open. Open one, then add the order again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::PyramidModel</name>
    <message numerus="yes">
        <source>%1 — %n customer(s) · %2 % of revenue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of revenue (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueView</name>
    <message>
        <source>&amp;Log call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log a call with the selected customer, then go on to the next (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower the grade as suggested: the grade was held without progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this call list as a CSV file that opens in Excel and WPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (me)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is due today. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is &quot;N customers to call&quot;; %2 is &quot;N overdue&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) to call</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply suggestion: grade %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call-list-%1.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print call list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::RfmGridModel</name>
    <message numerus="yes">
        <source>R %1 · F %2 — %3: %n buyer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>F %1</source>
        <comment>frequency score</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R %1</source>
        <comment>recency score</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::Session</name>
    <message>
        <source>Customer %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SettingsDialog</name>
    <message numerus="yes">
        <source> day(s)</source>
        <comment>spin box suffix</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> %</source>
        <comment>spin box suffix</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers &amp;&amp; stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up cadence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These preferences belong to you and are kept on this computer, not in the team database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 李娜</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner of the customers you add; your queue shows your own customers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used the next time you start TierDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value tiers (ABC pyramid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers who spent in the window, ranked by spend. Ties at a boundary go to the better tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier &amp;A (key), top:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best-spending customers in this share are key customers (A).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers A + &amp;B, top:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative: the customers in this share who are not A are major customers (B).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend is summed over the window; its recent half is compared with the half before it to find growth and decline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend &amp;window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders in this many days up to today count towards spend, frequency and tiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Half-window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two half-windows must fit in the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest touch is the latest order or call. Customers touched longer ago are silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — &amp;touched within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — touched w&amp;ithin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first stage that matches, from the top. Recent spend is the spend of the recent half-window, compared with the half-window before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1 — first order within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1 — no order for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — or recent spend &amp;under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declining when the recent spend is below this share of the previous half&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1 — recent spend over:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growing when the recent spend is above this share of the previous half&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest de&amp;motion after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S or A held this long without an order, or B without a reached call, is suggested one grade lower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFM value matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An R, F or M score from this value up counts as high in the value matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A score is high &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings are kept in the team database and apply to everyone who opens it. Tiers, stages and due dates change at the next classification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By intent grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days between follow-up calls for a customer with a grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1:</source>
        <comment>form label; the first letter is the mnemonic</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyers without a grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By value tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prospects without a grade:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Win-back, at least every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A declining customer is called at least this often, whatever the cadence above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer is due this many days after the last call, unless the call set a follow-up date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested action per RFM segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown with the segment on the customer card. Leave a line empty to use the built-in text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R %1 F %2</source>
        <comment>RFM scores of a segment map cell</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A tag rule gives its tag to every customer whose condition holds. Rules are applied at every classification; their tags are shown beside the tags you set by hand.&lt;/p&gt;&lt;p&gt;Examples:&lt;br&gt;%1 — spent at least 100,000 in the window&lt;br&gt;%2 — key and major customers who are declining&lt;/p&gt;&lt;p&gt;Fields: %3. Combine conditions with &lt;i&gt;and&lt;/i&gt;, &lt;i&gt;or&lt;/i&gt;, &lt;i&gt;not&lt;/i&gt; and parentheses.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 needs a tag name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 (“%2”): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set every threshold, cadence and suggested action back to the built-in values? Your tag rules, name and language are kept. Nothing is saved until you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclassify Now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new settings change tiers, stages and due dates at the next classification. Reclassify all customers now? It runs in the background.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to TierDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to TierDesk&lt;/h2&gt;&lt;p&gt;Keep your customers on your own computer, log every call in seconds, and let TierDesk tell you who to call next.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sample team with 5,000 customers, three years of orders and calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new, empty database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your customers stay in one file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an existing database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A TierDesk file from you or your team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers.tierdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
