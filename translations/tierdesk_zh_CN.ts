<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MergeCustomers</name>
    <message>
        <source>Merge customer #%1</source>
        <translation>合并客户 #%1</translation>
    </message>
</context>
<context>
    <name>SetCustomerField</name>
    <message>
        <source>Edit name</source>
        <translation>修改姓名</translation>
    </message>
    <message>
        <source>Edit company</source>
        <translation>修改公司</translation>
    </message>
    <message>
        <source>Change customer type</source>
        <translation>更改客户类型</translation>
    </message>
    <message>
        <source>Edit phone</source>
        <translation>修改电话</translation>
    </message>
    <message>
        <source>Edit e-mail</source>
        <translation>修改邮箱</translation>
    </message>
    <message>
        <source>Edit city</source>
        <translation>修改城市</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>更改负责人</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>修改标签</translation>
    </message>
    <message>
        <source>Change grade</source>
        <translation>更改意向等级</translation>
    </message>
    <message>
        <source>Change the Money answer</source>
        <translation>更改“购买力”回答</translation>
    </message>
    <message>
        <source>Change the Authority answer</source>
        <translation>更改“决策权”回答</translation>
    </message>
    <message>
        <source>Change the Need answer</source>
        <translation>更改“需求”回答</translation>
    </message>
    <message>
        <source>Change archived</source>
        <translation>更改归档状态</translation>
    </message>
    <message>
        <source>Change creation date</source>
        <translation>更改创建日期</translation>
    </message>
    <message>
        <source>Archive customer</source>
        <translation>归档客户</translation>
    </message>
    <message>
        <source>Restore from archive</source>
        <translation>从归档中恢复</translation>
    </message>
</context>
<context>
    <name>SetCustomerGrade</name>
    <message>
        <source>Change grade</source>
        <translation>更改意向等级</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>TierDesk — customer tiers and who to call next</source>
        <translation>TierDesk — 客户分级与跟进计划</translation>
    </message>
    <message>
        <source>Open the database at PATH.</source>
        <translation>打开 PATH 处的数据库。</translation>
    </message>
    <message>
        <source>Interface language: zh_CN or en (default: system).</source>
        <translation>界面语言：zh_CN 或 en（默认跟随系统）。</translation>
    </message>
    <message>
        <source>Work as of this day instead of today (YYYY-MM-DD).</source>
        <translation>以指定日期（YYYY-MM-DD）代替今天作为统计日期。</translation>
    </message>
</context>
<context>
    <name>tierdesk-cli</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>  (%1)</source>
        <translation>  （%1）</translation>
    </message>
    <message>
        <source>Could not write to standard output.</source>
        <translation>无法写入标准输出。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Imports customers.csv, orders.csv and calls.csv from DIR, keeping their ids.</source>
        <translation>从 DIR 导入 customers.csv、orders.csv 和 calls.csv，并保留原有 id。</translation>
    </message>
    <message>
        <source>Folder with the three interchange files.</source>
        <translation>存放三个交换文件的文件夹。</translation>
    </message>
    <message>
        <source>Import the valid rows even when some rows are rejected.</source>
        <translation>即使部分行被拒绝，也导入其余有效的行。</translation>
    </message>
    <message>
        <source>Imported %1 customers, %2 orders and %3 calls.</source>
        <translation>已导入 %1 位客户、%2 笔订单和 %3 条通话记录。</translation>
    </message>
    <message>
        <source>%1 rows were rejected and not imported.</source>
        <translation>%1 行被拒绝，未导入。</translation>
    </message>
    <message>
        <source>%1 rows were rejected; nothing was imported. Fix them and import again, or use --keep-going.</source>
        <translation>%1 行被拒绝，未导入任何数据。请修正这些行后重新导入，或使用 --keep-going。</translation>
    </message>
    <message>
        <source>Classifies every customer and stores the results.</source>
        <translation>为所有客户分级并保存结果。</translation>
    </message>
    <message>
        <source>The as-of date (default: today).</source>
        <translation>统计日期（默认：今天）。</translation>
    </message>
    <message>
        <source>Also write the results to FILE.csv (- for the terminal).</source>
        <translation>同时将结果写入 FILE.csv（- 表示输出到终端）。</translation>
    </message>
    <message>
        <source>Classified %1 customers as of %2 in %3 ms: %4 buyers; tiers A %5, B %6, C %7, D %8.</source>
        <translation>已按统计日期 %2 为 %1 位客户完成分级，用时 %3 毫秒：成交客户 %4 位；价值等级 A %5、B %6、C %7、D %8。</translation>
    </message>
    <message>
        <source>Writes the call list of a day: the follow-up queue in priority order.</source>
        <translation>输出某一天的拨打清单，即按优先级排序的跟进队列。</translation>
    </message>
    <message>
        <source>The day (default: today).</source>
        <translation>日期（默认：今天）。</translation>
    </message>
    <message>
        <source>Plain UTF-8 with LF line ends, without the byte-order mark and formula guard that spreadsheets need.</source>
        <translation>输出纯 UTF-8 文本，使用 LF 换行，不带电子表格所需的字节顺序标记（BOM）和公式防护。</translation>
    </message>
    <message>
        <source>%1 customers to call on %2.</source>
        <translation>%2 需拨打 %1 位客户。</translation>
    </message>
    <message>
        <source>Writes customers.csv, orders.csv and calls.csv into DIR.</source>
        <translation>将 customers.csv、orders.csv 和 calls.csv 写入 DIR。</translation>
    </message>
    <message>
        <source>The folder to write to (created if needed).</source>
        <translation>目标文件夹（不存在时自动创建）。</translation>
    </message>
    <message>
        <source>Creates a realistic demo database: customers, orders and calls over three years.</source>
        <translation>创建一个贴近真实的演示数据库：包含三年的客户、订单和通话记录。</translation>
    </message>
    <message>
        <source>How many customers (default 2000).</source>
        <translation>客户数量（默认 2000）。</translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>The demo&apos;s today (default: today).</source>
        <translation>演示数据中的“今天”（默认：今天）。</translation>
    </message>
    <message>
        <source>Do nothing when the database already has customers.</source>
        <translation>数据库中已有客户时不执行任何操作。</translation>
    </message>
    <message>
        <source>error: --customers takes a number from 1 to %1, --seed a whole number.</source>
        <translation>错误：--customers 须为 1 到 %1 之间的数字，--seed 须为整数。</translation>
    </message>
    <message>
        <source>%1 already has %2 customers; no demo created.</source>
        <translation>%1 中已有 %2 位客户，未创建演示数据。</translation>
    </message>
    <message>
        <source>Created a demo with %1 customers, %2 orders and %3 calls in %4.</source>
        <translation>已在 %4 中创建演示数据：%1 位客户、%2 笔订单、%3 条通话记录。</translation>
    </message>
    <message>
        <source>error: --as-of “%1” is not a date of the form YYYY-MM-DD.</source>
        <translation>错误：--as-of 的值“%1”不是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>error: unknown command “%1”.</source>
        <translation>错误：未知命令“%1”。</translation>
    </message>
    <message>
        <source>Imports a customer list (CSV from Excel, WPS or another CRM): columns are mapped from the header, duplicates are found by phone and e-mail in the database and in the file, and the whole import can be undone with undo-import.</source>
        <translation>导入客户名单（从 Excel、WPS 或其他 CRM 导出的 CSV）：按表头自动对应各列，按电话和邮箱在数据库和文件内查找重复客户，整次导入可用 undo-import 撤销。</translation>
    </message>
    <message>
        <source>The CSV file.</source>
        <translation>CSV 文件。</translation>
    </message>
    <message>
        <source>utf-8, utf-8-bom, gb18030 (gbk), utf-16le or utf-16be (default: detected).</source>
        <translation>utf-8、utf-8-bom、gb18030（gbk）、utf-16le 或 utf-16be（默认：自动检测）。</translation>
    </message>
    <message>
        <source>comma, semicolon or tab (default: detected).</source>
        <translation>comma（逗号）、semicolon（分号）或 tab（制表符）；默认自动检测。</translation>
    </message>
    <message>
        <source>Map a column by its header (or 1-based number) to a field: name, company, phone, email, city, owner, tags, type, grade, created_at or ignore. Repeatable; the other columns are guessed.</source>
        <translation>将某一列（按表头名称或从 1 开始的列号指定）对应到字段：name、company、phone、email、city、owner、tags、type、grade、created_at 或 ignore。可多次使用；其余各列自动推测。</translation>
    </message>
    <message>
        <source>What to do with a duplicate: merge (fill empty fields, add tags; default), update (overwrite), skip or create.</source>
        <translation>重复客户的处理方式：merge（合并：补全空白字段并添加标签；默认）、update（更新已有客户，覆盖原值）、skip（跳过）或 create（新建客户）。</translation>
    </message>
    <message>
        <source>Owner of the rows without one.</source>
        <translation>为未填写负责人的行指定负责人。</translation>
    </message>
    <message>
        <source>Write the rejected and skipped rows, with the reason, to this CSV file (fix it and import it again).</source>
        <translation>将被拒绝和被跳过的行连同原因写入此 CSV 文件（修正后可重新导入）。</translation>
    </message>
    <message>
        <source>Check the file and report, without importing.</source>
        <translation>只检查文件并报告结果，不导入。</translation>
    </message>
    <message>
        <source>Unknown encoding “%1”.</source>
        <translation>未知的编码“%1”。</translation>
    </message>
    <message>
        <source>Unknown delimiter “%1”.</source>
        <translation>未知的分隔符“%1”。</translation>
    </message>
    <message>
        <source>Unknown --duplicates action “%1”.</source>
        <translation>未知的 --duplicates 处理方式“%1”。</translation>
    </message>
    <message>
        <source>Cannot use --map “%1”: no such column or field.</source>
        <translation>无法使用 --map 的值“%1”：找不到该列或字段。</translation>
    </message>
    <message>
        <source>  %1 → %2</source>
        <translation>  %1 → %2</translation>
    </message>
    <message>
        <source>%1 rows: %2 valid, %3 rejected; duplicates: %4 in the database, %5 in the file.</source>
        <translation>共 %1 行：%2 行有效，%3 行被拒绝；重复客户：与数据库重复 %4 行，文件内重复 %5 行。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the %n rejected or skipped row(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行被拒绝或跳过的数据写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1: %2 created, %3 updated, %4 merged, %5 skipped, %6 rejected. Undo it with: tierdesk-cli undo-import %1</source>
        <translation>第 %1 次导入：新建 %2 位客户，更新 %3 位，合并 %4 位，跳过 %5 行，拒绝 %6 行。如需撤销，请运行：tierdesk-cli undo-import %1</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation> （已撤销）</translation>
    </message>
    <message>
        <source>The import&apos;s number.</source>
        <translation>导入批次编号。</translation>
    </message>
    <message>
        <source>Import %1 was undone.</source>
        <translation>已撤销第 %1 次导入。</translation>
    </message>
    <message>
        <source>The file to write: FILE.csv, or FILE.xlsx for an Excel workbook (- writes CSV to the terminal).</source>
        <translation>要写入的文件：FILE.csv，或 Excel 工作簿 FILE.xlsx（- 表示以 CSV 格式输出到终端）。</translation>
    </message>
    <message>
        <source>error: --plain is for CSV files, not for %1.</source>
        <translation>错误：--plain 只适用于 CSV 文件，不适用于 %1。</translation>
    </message>
    <message>
        <source>Writes the customer list, as the Customers table shows it, to CSV or Excel.</source>
        <translation>将客户列表（与“客户”页表格所显示的一致）导出为 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>Only this owner&apos;s customers.</source>
        <translation>仅导出该负责人的客户。</translation>
    </message>
    <message>
        <source>Only customers of this value tier: A, B, C or D.</source>
        <translation>仅导出该价值等级的客户：A、B、C 或 D。</translation>
    </message>
    <message>
        <source>Only customers whose name, company, phone or e-mail contains TEXT.</source>
        <translation>仅导出姓名、公司、电话或邮箱中包含 TEXT 的客户。</translation>
    </message>
    <message>
        <source>error: --tier takes A, B, C or D, not “%1”.</source>
        <translation>错误：--tier 的值须为 A、B、C 或 D，而不是“%1”。</translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation>逗号（,）</translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation>分号（;）</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Shows how TierDesk reads a CSV file: its encoding, delimiter, rows and fields.</source>
        <translation>显示 TierDesk 如何读取 CSV 文件：编码、分隔符、行和字段。</translation>
    </message>
    <message>
        <source>The CSV file to inspect.</source>
        <translation>要检查的 CSV 文件。</translation>
    </message>
    <message>
        <source>Read the file in this encoding instead of detecting it: UTF-8, UTF-8-BOM, GB18030 (or GBK), UTF-16LE, UTF-16BE.</source>
        <translation>按此编码读取文件，不自动检测：UTF-8、UTF-8-BOM、GB18030（或 GBK）、UTF-16LE、UTF-16BE。</translation>
    </message>
    <message>
        <source>Use this field separator instead of detecting it: , or ; or tab.</source>
        <translation>使用此字段分隔符，不自动检测：, 或 ; 或 tab。</translation>
    </message>
    <message>
        <source>Print the encoding, the delimiter and every row as JSON, or the error and its line.</source>
        <translation>以 JSON 格式输出编码、分隔符和每一行；出错时输出错误及其所在行。</translation>
    </message>
    <message>
        <source>error: unknown encoding “%1”; use UTF-8, UTF-8-BOM, GB18030, UTF-16LE or UTF-16BE.</source>
        <translation>错误：未知的编码“%1”；请使用 UTF-8、UTF-8-BOM、GB18030、UTF-16LE 或 UTF-16BE。</translation>
    </message>
    <message>
        <source>error: --delimiter takes , or ; or tab, not “%1”.</source>
        <translation>错误：--delimiter 的值须为 , 或 ; 或 tab，而不是“%1”。</translation>
    </message>
    <message>
        <source>error: line %1: %2</source>
        <translation>错误：第 %1 行：%2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>as given</source>
        <extracomment>How csv-inspect learnt the encoding or delimiter: the user named it</extracomment>
        <translation>按指定</translation>
    </message>
    <message>
        <source>detected</source>
        <extracomment>How csv-inspect learnt the encoding or delimiter: it guessed from the file</extracomment>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Encoding: %1, %2</source>
        <translation>编码：%1，%2</translation>
    </message>
    <message>
        <source>Delimiter: %1, %2</source>
        <translation>分隔符：%1，%2</translation>
    </message>
    <message>
        <source>Rows: %1 (the header and %2 more)</source>
        <translation>行数：%1（表头及另外 %2 行）</translation>
    </message>
    <message>
        <source>Fields in the header: %1</source>
        <translation>表头字段数：%1</translation>
    </message>
    <message>
        <source>  %1 rows with %2 fields</source>
        <translation>  %1 行有 %2 个字段</translation>
    </message>
    <message>
        <source>Ragged rows (not as many fields as the header): %1</source>
        <translation>字段数与表头不一致的行：%1</translation>
    </message>
    <message>
        <source>  line %1: %2 fields</source>
        <translation>  第 %1 行：%2 个字段</translation>
    </message>
    <message>
        <source>  … and %1 more</source>
        <translation>  … 另有 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) written.</source>
        <translation>
            <numerusform>已写入 %n 位客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imports orders (CSV from a shop system, Excel or WPS) for the customers they name by customer id, phone or e-mail. An order already there (same customer, day and amount) is skipped. The whole import can be undone with undo-import; the customers are classified again afterwards.</source>
        <translation>导入订单（来自商城系统、Excel 或 WPS 的 CSV），按客户编号、电话或邮箱找到对应客户。已存在的订单（同一客户、同一天、同一金额）会跳过。整批导入可用 undo-import 撤销；导入后会重新为客户分级。</translation>
    </message>
    <message>
        <source>Map a column by its header (or 1-based number) to a field: customer_id, phone, email, date, amount, profit, note or ignore. Repeatable; the other columns are guessed.</source>
        <translation>按列标题（或从 1 开始的列号）指定该列对应的字段：customer_id、phone、email、date、amount、profit、note 或 ignore。可重复使用；其余列自动识别。</translation>
    </message>
    <message>
        <source>Map a column by its header (or 1-based number) to a field: customer_id, phone, email, date, time, direction, outcome, duration, next_follow_up, note or ignore. Repeatable; the other columns are guessed.</source>
        <translation>按列标题（或从 1 开始的列号）指定该列对应的字段：customer_id、phone、email、date、time、direction、outcome、duration、next_follow_up、note 或 ignore。可重复使用；其余列自动识别。</translation>
    </message>
    <message>
        <source>What to do with a row that is already there: skip (default) or create.</source>
        <translation>已存在的记录如何处理：skip（跳过，默认）或 create（仍然新增）。</translation>
    </message>
    <message>
        <source>Do not classify the customers again after the import.</source>
        <translation>导入后不重新分级。</translation>
    </message>
    <message>
        <source>Today, for the check that no row lies in the future and for the classification (default: today).</source>
        <translation>“今天”的日期，用于检查记录是否晚于今天以及分级（默认：今天）。</translation>
    </message>
    <message>
        <source>%1 rows: %2 valid for %3 customers, %4 rejected; already there: %5 in the database, %6 earlier in the file.</source>
        <translation>共 %1 行：%2 行有效（涉及 %3 位客户），%4 行被拒绝；已存在：数据库中 %5 行，文件前文 %6 行。</translation>
    </message>
    <message>
        <source>Import %1: %2 orders added, %3 skipped, %4 rejected. Undo it with: tierdesk-cli undo-import %1</source>
        <translation>导入 %1：新增 %2 个订单，跳过 %3 行，拒绝 %4 行。撤销命令：tierdesk-cli undo-import %1</translation>
    </message>
    <message>
        <source>Import %1: %2 calls added, %3 skipped, %4 rejected. Undo it with: tierdesk-cli undo-import %1</source>
        <translation>导入 %1：新增 %2 条通话，跳过 %3 行，拒绝 %4 行。撤销命令：tierdesk-cli undo-import %1</translation>
    </message>
    <message>
        <source>Classified %1 customers again as of %2.</source>
        <translation>已按 %2 重新为 %1 位客户分级。</translation>
    </message>
    <message>
        <source>Lists the imports, newest first.</source>
        <translation>列出所有导入批次，最新的在前。</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>%1  %2  %3 (%4): %5 created, %6 changed, %7 skipped, %8 rejected%9</source>
        <translation>%1  %2  %3（%4）：新建 %5，修改 %6，跳过 %7，拒绝 %8%9</translation>
    </message>
    <message>
        <source>Undoes an import as a whole (see &apos;imports&apos; for the numbers).</source>
        <translation>整批撤销一次导入（编号见 imports 命令）。</translation>
    </message>
    <message>
        <source>Imports calls (CSV from a phone system, Excel or WPS) for the customers they name by customer id, phone or e-mail. A call already there (same customer and time, to the second or to the minute when the file has no seconds) is skipped. The whole import can be undone with undo-import; the customers are classified again afterwards.</source>
        <translation>导入通话记录（来自电话系统、Excel 或 WPS 的 CSV），按客户编号、电话或邮箱找到对应客户。已存在的通话（同一客户、同一时间，精确到秒；文件没有秒时精确到分钟）会跳过。整批导入可用 undo-import 撤销；导入后会重新为客户分级。</translation>
    </message>
    <message>
        <source>The search index is complete; nothing to do.</source>
        <translation>搜索索引已完整，无需处理。</translation>
    </message>
    <message>
        <source>Indexed %1 customers for search.</source>
        <translation>已为 %1 位客户建立搜索索引。</translation>
    </message>
    <message>
        <source>The search index of these customers, and their index by company, are built when TierDesk next opens this database, or now with &apos;tierdesk-cli index-search&apos;. Until then, a search reads every customer&apos;s text, and a sort by company sorts them all.</source>
        <translation>这些客户的搜索索引和按公司排序的索引将在 TierDesk 下次打开此数据库时建立，也可以现在运行 &apos;tierdesk-cli index-search&apos; 建立。在此之前，搜索会逐一读取每位客户的文字，按公司排序也会对全部客户重新排序。</translation>
    </message>
    <message>
        <source>Builds the search index of the customers, and their index by company, that a big import left for later.</source>
        <translation>建立大批导入后留待稍后建立的客户搜索索引和按公司排序的索引。</translation>
    </message>
    <message>
        <source>Built the customer list&apos;s index by company.</source>
        <translation>已建立客户列表按公司排序的索引。</translation>
    </message>
    <message>
        <source>Usage: tierdesk-cli [--db PATH] COMMAND [OPTIONS]

Commands:
  import DIR [--keep-going]           import the three interchange files, ids kept
  classify [--as-of D] [--out F.csv]  classify every customer and store the results
  queue [--as-of D] --out F.csv|F.xlsx
                                      the call list of a day, in priority order
  export DIR                          write the three interchange files
  demo --customers N [--seed S]       create a demo database (--if-missing: only if empty)
  import-customers FILE [--map C=F]   import a customer list (CSV from Excel/WPS), with duplicates
  import-orders FILE [--map C=F]      import orders for customers found by id, phone or e-mail
  import-calls FILE [--map C=F]       import calls for customers found by id, phone or e-mail
  index-search                        build the search and company indexes a big import left
  imports                             list the imports
  undo-import N                       undo import N as a whole
  export-customers --out F.csv|F.xlsx [--owner NAME] [--tier A|B|C|D] [--search TEXT]
                                      the customer list, for Excel, WPS and LibreOffice
  csv-inspect FILE [--encoding NAME] [--delimiter C] [--json]
                                      how TierDesk reads a CSV file (no database needed)

--db PATH defaults to %1.
Run &apos;tierdesk-cli COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>用法：tierdesk-cli [--db PATH] COMMAND [OPTIONS]

命令：
  import DIR [--keep-going]           导入三个交换文件，保留原有 id
  classify [--as-of D] [--out F.csv]  为所有客户分级并保存结果
  queue [--as-of D] --out F.csv|F.xlsx
                                      某一天的拨打清单，按优先级排序
  export DIR                          导出三个交换文件
  demo --customers N [--seed S]       创建演示数据库（--if-missing：仅在数据库为空时）
  import-customers FILE [--map C=F]   导入客户名单（Excel/WPS 导出的 CSV），并处理重复客户
  import-orders FILE [--map C=F]      导入订单，按客户编号、电话或邮箱匹配客户
  import-calls FILE [--map C=F]       导入通话记录，按客户编号、电话或邮箱匹配客户
  index-search                        建立大批导入后留待稍后建立的搜索索引和公司索引
  imports                             列出导入记录
  undo-import N                       整体撤销第 N 次导入
  export-customers --out F.csv|F.xlsx [--owner NAME] [--tier A|B|C|D] [--search TEXT]
                                      导出客户列表，可用 Excel、WPS 和 LibreOffice 打开
  csv-inspect FILE [--encoding NAME] [--delimiter C] [--json]
                                      查看 TierDesk 如何读取 CSV 文件（无需数据库）

--db PATH 默认为 %1。
运行“tierdesk-cli COMMAND --help”可查看该命令的选项。</translation>
    </message>
</context>
<context>
    <name>tierdesk::classify</name>
    <message>
        <source>Position %1: expected a closing %2 for the value quoted at position %3</source>
        <translation>位置 %1：位置 %3 处开始的带引号的值缺少结尾的 %2</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;=&apos; after &apos;!&apos;</source>
        <translation>位置 %1：&apos;!&apos; 之后应为 &apos;=&apos;</translation>
    </message>
    <message>
        <source>Position %1: unexpected character &apos;%2&apos;</source>
        <translation>位置 %1：意外的字符 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>S (about to close)</source>
        <translation>S（即将成交）</translation>
    </message>
    <message>
        <source>A (clear intent)</source>
        <translation>A（意向明确）</translation>
    </message>
    <message>
        <source>B (interested)</source>
        <translation>B（有意向）</translation>
    </message>
    <message>
        <source>C (latent need)</source>
        <translation>C（潜在需求）</translation>
    </message>
    <message>
        <source>D (no need now)</source>
        <translation>D（暂无需求）</translation>
    </message>
    <message numerus="yes">
        <source>D: refunds exceed purchases in the last %n day(s).</source>
        <translation>
            <numerusform>D：近 %n 天内退款金额超过购买金额。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>D: no spend in the last %n day(s).</source>
        <translation>
            <numerusform>D：近 %n 天内无消费。</numerusform>
        </translation>
    </message>
    <message>
        <source>A (key): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).</source>
        <translation>A（关键客户）：近 %2 天消费 %1，在 %4 位有消费的客户中排名第 %3（前 %5）。</translation>
    </message>
    <message>
        <source>B (major): %1 spent in the last %2 days, rank %3 of %4 buying customers (top %5).</source>
        <translation>B（主要客户）：近 %2 天消费 %1，在 %4 位有消费的客户中排名第 %3（前 %5）。</translation>
    </message>
    <message>
        <source>C (ordinary): %1 spent in the last %2 days, rank %3 of %4 buying customers.</source>
        <translation>C（普通客户）：近 %2 天消费 %1，在 %4 位有消费的客户中排名第 %3。</translation>
    </message>
    <message>
        <source>No RFM scores: this customer has not bought yet.</source>
        <translation>无 RFM 评分：该客户尚未购买。</translation>
    </message>
    <message>
        <source>R %1 (last order %2 days ago), F %3 (%4 orders in the window), M %5 (%6 net).</source>
        <translation>R %1（最近一次下单在 %2 天前），F %3（统计期内 %4 笔订单），M %5（净消费 %6）。</translation>
    </message>
    <message>
        <source>No purchase frequency: not a buyer yet.</source>
        <translation>无购买频次：该客户尚未购买。</translation>
    </message>
    <message>
        <source>High frequency: F score %1 (4 or 5).</source>
        <translation>高频：F 评分为 %1（4 或 5）。</translation>
    </message>
    <message>
        <source>Medium frequency: F score 3.</source>
        <translation>中频：F 评分为 3。</translation>
    </message>
    <message>
        <source>Low frequency: F score %1 (1 or 2).</source>
        <translation>低频：F 评分为 %1（1 或 2）。</translation>
    </message>
    <message>
        <source>No loyalty tier: not a buyer yet.</source>
        <translation>无忠诚度：该客户尚未购买。</translation>
    </message>
    <message numerus="yes">
        <source>High loyalty: recent (R %1), frequent (F %2) and %n order(s) in all.</source>
        <translation>
            <numerusform>忠诚度高：近期有购买（R %1）、购买频繁（F %2），累计 %n 笔订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Low loyalty: has bought only once.</source>
        <translation>忠诚度低：仅购买过一次。</translation>
    </message>
    <message>
        <source>Low loyalty: no recent purchase (R %1).</source>
        <translation>忠诚度低：近期无购买（R %1）。</translation>
    </message>
    <message numerus="yes">
        <source>Medium loyalty: repeat buyer (%n orders), not yet both recent and frequent.</source>
        <translation>
            <numerusform>忠诚度中：复购客户（%n 笔订单），但尚未同时满足近期购买和频繁购买。</numerusform>
        </translation>
    </message>
    <message>
        <source>Prospect: no purchase yet.</source>
        <translation>潜在客户：尚无购买。</translation>
    </message>
    <message numerus="yes">
        <source>New: first order on %1, less than %n day(s) ago.</source>
        <translation>
            <numerusform>新客户：首单日期为 %1，距今不足 %n 天。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lost: no order for %n day(s).</source>
        <translation>
            <numerusform>流失：已 %n 天未下单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Declining: no order for %n day(s).</source>
        <translation>
            <numerusform>衰退期：已 %n 天未下单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Declining: %1 in the last %2 days against %3 in the %2 days before.</source>
        <translation>衰退期：近 %2 天消费 %1，此前 %2 天为 %3。</translation>
    </message>
    <message>
        <source>Growing: %1 in the last %2 days against %3 in the %2 days before.</source>
        <translation>成长期：近 %2 天消费 %1，此前 %2 天为 %3。</translation>
    </message>
    <message>
        <source>Mature: steady spending (%1 recently, %2 before).</source>
        <translation>成熟期：消费稳定（近期 %1，此前 %2）。</translation>
    </message>
    <message>
        <source>Silent: never ordered and never called.</source>
        <translation>沉默：从未下单，也从未通话。</translation>
    </message>
    <message numerus="yes">
        <source>Active: last order or call on %1 (within %n day(s)).</source>
        <translation>
            <numerusform>活跃：最近一次下单或通话在 %1（%n 天内）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Normal: last order or call on %1 (within %n day(s)).</source>
        <translation>
            <numerusform>一般：最近一次下单或通话在 %1（%n 天内）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Silent: last order or call on %1, more than %n day(s) ago.</source>
        <translation>
            <numerusform>沉默：最近一次下单或通话在 %1，已超过 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>No intent grade: set one, or answer the MAN questions.</source>
        <translation>无意向等级：请设置等级，或回答 MAN 资格问题。</translation>
    </message>
    <message numerus="yes">
        <source>Suggested %1 from MAN: %n of 3 answered yes.</source>
        <translation>
            <numerusform>根据 MAN 建议为 %1：3 项中有 %n 项为“是”。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, set on %2.</source>
        <translation>%1，设置于 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Suggest %1: no reached call in %n day(s).</source>
        <translation>
            <numerusform>建议降为 %1：%n 天内没有接通的通话。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Suggest %1: grade %2 held %n day(s) without an order.</source>
        <translation>
            <numerusform>建议降为 %1：%2 级已保持 %n 天且无订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>follow-up set for %1</source>
        <translation>已约定于 %1 跟进</translation>
    </message>
    <message numerus="yes">
        <source>grade %1: every %n day(s)</source>
        <translation>
            <numerusform>意向等级 %1：每 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tier %1 customer: every %n day(s)</source>
        <translation>
            <numerusform>价值等级 %1：每 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>regular check-in: every %n day(s)</source>
        <translation>
            <numerusform>例行回访：每 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>win-back: declining, every %n day(s)</source>
        <translation>
            <numerusform>挽回：处于衰退期，每 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Reward them and ask for referrals.</source>
        <translation>给予回馈，并请其转介绍。</translation>
    </message>
    <message>
        <source>Upsell.</source>
        <translation>追加销售。</translation>
    </message>
    <message>
        <source>Offer a membership.</source>
        <translation>邀请加入会员。</translation>
    </message>
    <message>
        <source>Onboard them.</source>
        <translation>做好新客户引导。</translation>
    </message>
    <message>
        <source>Build the relationship.</source>
        <translation>建立客户关系。</translation>
    </message>
    <message>
        <source>Make a limited-time offer.</source>
        <translation>提供限时优惠。</translation>
    </message>
    <message>
        <source>Reconnect.</source>
        <translation>重新建立联系。</translation>
    </message>
    <message>
        <source>Call personally, now.</source>
        <translation>立即亲自致电。</translation>
    </message>
    <message>
        <source>Manager calls to win them back.</source>
        <translation>由经理致电挽回。</translation>
    </message>
    <message>
        <source>Send a low-cost reminder.</source>
        <translation>发送低成本提醒。</translation>
    </message>
    <message>
        <source>Position %1: the condition is empty; expected a field such as monetary, &apos;not&apos; or &apos;(&apos;</source>
        <translation>位置 %1：条件为空；应为字段（如 monetary）、&apos;not&apos; 或 &apos;(&apos;</translation>
    </message>
    <message>
        <source>Position %1: &apos;)&apos; has no matching &apos;(&apos;</source>
        <translation>位置 %1：&apos;)&apos; 没有匹配的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;and&apos;, &apos;or&apos; or the end of the condition after &apos;%2&apos;</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为 &apos;and&apos;、&apos;or&apos; 或条件结束</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;)&apos; to close the &apos;(&apos; at position %2</source>
        <translation>位置 %1：缺少 &apos;)&apos;，无法闭合位置 %2 处的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;and&apos;, &apos;or&apos; or &apos;)&apos; after &apos;%2&apos;</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为 &apos;and&apos;、&apos;or&apos; 或 &apos;)&apos;</translation>
    </message>
    <message>
        <source>Position %1: the condition is nested too deeply; use at most %2 levels of parentheses and &apos;not&apos;</source>
        <translation>位置 %1：条件嵌套过深；括号和 &apos;not&apos; 最多嵌套 %2 层</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a field; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是字段；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: expected a field, &apos;not&apos; or &apos;(&apos;</source>
        <translation>位置 %1：应为字段、&apos;not&apos; 或 &apos;(&apos;</translation>
    </message>
    <message>
        <source>Position %1: expected a field, &apos;not&apos; or &apos;(&apos; after &apos;%2&apos;</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为字段、&apos;not&apos; 或 &apos;(&apos;</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; cannot be compared with &apos;%3&apos;; use =, !=, in or not in</source>
        <translation>位置 %1：&apos;%2&apos; 不能用 &apos;%3&apos; 比较；请使用 =、!=、in 或 not in</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;in&apos; after &apos;not&apos;</source>
        <translation>位置 %1：&apos;not&apos; 之后应为 &apos;in&apos;</translation>
    </message>
    <message>
        <source>Position %1: expected =, !=, in or not in after &apos;%2&apos;</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为 =、!=、in 或 not in</translation>
    </message>
    <message>
        <source>Position %1: expected =, !=, &lt;, &lt;=, &gt;, &gt;=, in or not in after &apos;%2&apos;</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为 =、!=、&lt;、&lt;=、&gt;、&gt;=、in 或 not in</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;(&apos; after &apos;in&apos;</source>
        <translation>位置 %1：&apos;in&apos; 之后应为 &apos;(&apos;</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;,&apos; or &apos;)&apos; after &apos;%2&apos;; the list is not closed</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为 &apos;,&apos; 或 &apos;)&apos;；列表未闭合</translation>
    </message>
    <message>
        <source>Position %1: expected &apos;,&apos; or &apos;)&apos; after &apos;%2&apos;</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为 &apos;,&apos; 或 &apos;)&apos;</translation>
    </message>
    <message>
        <source>Position %1: expected a value after &apos;%2&apos;</source>
        <translation>位置 %1：&apos;%2&apos; 之后应为一个值</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not an amount; expected a number with at most two decimals, such as 100000 or 1234.56</source>
        <translation>位置 %1：&apos;%2&apos; 不是金额；应为最多两位小数的数字，如 100000 或 1234.56</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a whole number; expected a number such as 30</source>
        <translation>位置 %1：&apos;%2&apos; 不是整数；应为整数，如 30</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a value tier; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是价值等级；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a level; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是有效的级别；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a lifecycle stage; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是生命周期阶段；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not an engagement level; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是活跃度级别；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a segment; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是分群；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a value matrix class; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是价值矩阵类别；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a grade; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是意向等级；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a customer type; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是客户类型；应为以下之一：%3</translation>
    </message>
    <message>
        <source>Position %1: &apos;%2&apos; is not a valid value; expected one of %3</source>
        <translation>位置 %1：&apos;%2&apos; 不是有效值；应为以下之一：%3</translation>
    </message>
</context>
<context>
    <name>tierdesk::classify::Settings</name>
    <message>
        <source>Setting “%1” must be a decimal number such as 0.05, not “%2”.</source>
        <translation>设置项“%1”必须是小数（如 0.05），而不是“%2”。</translation>
    </message>
    <message>
        <source>Setting “segment_map” must name 25 segments, one for each R × F cell.</source>
        <translation>设置项“segment_map”必须列出 25 个分群，R × F 的每个格子各对应一个。</translation>
    </message>
    <message>
        <source>Setting “segment_map”: “%1” is not a segment.</source>
        <translation>设置项“segment_map”：“%1”不是分群。</translation>
    </message>
    <message>
        <source>The share of key customers (A) cannot be larger than the cumulative share of A and B.</source>
        <translation>关键客户（A）的占比不能大于 A 与 B 的累计占比。</translation>
    </message>
    <message>
        <source>The two half-windows (2 × %1 days) must fit in the window of %2 days.</source>
        <translation>两个半期（2 × %1 天）不能超出 %2 天的统计期。</translation>
    </message>
    <message>
        <source>“Active” must be a shorter time than “silent”.</source>
        <translation>“活跃”的天数必须小于“沉默”的天数。</translation>
    </message>
    <message>
        <source>A customer must be declining before being lost: decline days must not exceed lost days.</source>
        <translation>客户须先进入衰退期才会流失：衰退期天数不能超过流失天数。</translation>
    </message>
    <message>
        <source>Every tag rule needs a name.</source>
        <translation>每条标签规则都需要名称。</translation>
    </message>
    <message>
        <source>Tag rule “%1”: %2</source>
        <translation>标签规则“%1”：%2</translation>
    </message>
    <message>
        <source>Setting “%1” must be a whole number from %2 to %3, not “%4”.</source>
        <translation>设置项“%1”必须是 %2 到 %3 之间的整数，而不是“%4”。</translation>
    </message>
</context>
<context>
    <name>tierdesk::csv</name>
    <message>
        <source>Line %1 is not valid %2 text. Check the file&apos;s encoding, or save the file as UTF-8.</source>
        <translation>第 %1 行不是有效的 %2 文本。请检查文件编码，或将文件另存为 UTF-8。</translation>
    </message>
    <message>
        <source>This build cannot read %1 text.</source>
        <translation>此版本无法读取 %1 编码的文本。</translation>
    </message>
    <message>
        <source>The file is not valid %1 text. Check the file&apos;s encoding, or save the file as UTF-8.</source>
        <translation>该文件不是有效的 %1 文本。请检查文件编码，或将文件另存为 UTF-8。</translation>
    </message>
    <message>
        <source>UTF-8 (BOM)</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>Unknown text encoding.</source>
        <translation>未知的文本编码。</translation>
    </message>
    <message>
        <source>Field %1 contains a quote but does not start with one. A field with quotes must be enclosed in quotes, and each quote inside it doubled.</source>
        <translation>第 %1 个字段包含引号，但不是以引号开头。含引号的字段必须用引号括起来，且其中的每个引号都要写成两个。</translation>
    </message>
    <message>
        <source>Field %1 has text after its closing quote. A quote inside a quoted field must be doubled.</source>
        <translation>第 %1 个字段在结束引号之后还有文本。带引号的字段中的引号必须写成两个。</translation>
    </message>
    <message>
        <source>Field %1 opens a quote that is never closed before the end of the file.</source>
        <translation>第 %1 个字段的引号直到文件末尾都没有闭合。</translation>
    </message>
    <message>
        <source>The file is not open for reading.</source>
        <translation>文件未以读取方式打开。</translation>
    </message>
    <message>
        <source>The record is longer than %1 MiB. Probably a quote is never closed.</source>
        <translation>该记录超过 %1 MiB，可能有引号未闭合。</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The file is not open for writing.</source>
        <translation>文件未以写入方式打开。</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>tierdesk::io::ActivityImport</name>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer&apos;s phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Customer&apos;s e-mail</source>
        <translation>客户邮箱</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>呼叫方向</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No column says whose order or call a row is: map the customer id, the phone or the e-mail.</source>
        <translation>没有哪一列能说明每行属于哪位客户：请在列对应中指定客户编号、电话或邮箱。</translation>
    </message>
    <message>
        <source>No column holds the date: choose one in the mapping.</source>
        <translation>没有日期列：请在列对应中指定一列。</translation>
    </message>
    <message>
        <source>No column holds the amount: choose one in the mapping.</source>
        <translation>没有金额列：请在列对应中指定一列。</translation>
    </message>
    <message>
        <source>“%1” is not a customer id.</source>
        <translation>“%1”不是有效的客户编号。</translation>
    </message>
    <message>
        <source>There is no customer %1.</source>
        <translation>不存在编号为 %1 的客户。</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>“%1”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>No customer has the e-mail %1.</source>
        <translation>没有客户使用邮箱 %1。</translation>
    </message>
    <message>
        <source>No customer has the phone number %1.</source>
        <translation>没有客户使用电话号码 %1。</translation>
    </message>
    <message>
        <source>Several customers (%1) have this phone number or e-mail: give the customer id, or merge the duplicates first.</source>
        <translation>多位客户（%1）使用此电话号码或邮箱：请填写客户编号，或先合并重复客户。</translation>
    </message>
    <message>
        <source>No customer id, phone or e-mail to find the customer by.</source>
        <translation>没有可用于查找客户的客户编号、电话或邮箱。</translation>
    </message>
    <message>
        <source>The date is missing.</source>
        <translation>缺少日期。</translation>
    </message>
    <message>
        <source>“%1” is not a date (2026-03-01, 2026/3/1 or 2026年3月1日).</source>
        <translation>“%1”不是有效日期（如 2026-03-01、2026/3/1 或 2026年3月1日）。</translation>
    </message>
    <message>
        <source>“%1” is not a time of day (9:05 or 09:05:30).</source>
        <translation>“%1”不是有效时刻（如 9:05 或 09:05:30）。</translation>
    </message>
    <message>
        <source>The date %1 is after today (%2).</source>
        <translation>日期 %1 晚于今天（%2）。</translation>
    </message>
    <message>
        <source>The amount is missing.</source>
        <translation>缺少金额。</translation>
    </message>
    <message>
        <source>“%1” is not an amount (1234.50, ¥1,234.50; at most two decimals).</source>
        <translation>“%1”不是有效金额（如 1234.50、¥1,234.50；最多两位小数）。</translation>
    </message>
    <message>
        <source>Unknown direction “%1” (out or in; 呼出 or 呼入).</source>
        <translation>未知的呼叫方向“%1”（out 或 in；呼出或呼入）。</translation>
    </message>
    <message>
        <source>“%1” is not a duration (seconds, 2:05 or 2分5秒).</source>
        <translation>“%1”不是有效时长（秒数、2:05 或 2分5秒）。</translation>
    </message>
    <message>
        <source>Unknown outcome “%1” (reached, no_answer, voicemail, busy, wrong_number; 接通, 未接, 留言, 占线, 空号).</source>
        <translation>未知的通话结果“%1”（reached、no_answer、voicemail、busy、wrong_number；接通、未接、留言、占线、空号）。</translation>
    </message>
    <message>
        <source>The next follow-up %1 is before the call.</source>
        <translation>下次跟进日期 %1 早于本次通话。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Skipped: order %1 is the same (customer, day and amount).</source>
        <translation>已跳过：与订单 %1 相同（客户、日期和金额）。</translation>
    </message>
    <message>
        <source>Skipped: the same as line %1.</source>
        <translation>已跳过：与第 %1 行相同。</translation>
    </message>
    <message>
        <source>Skipped: call %1 is the same (customer and time).</source>
        <translation>已跳过：与通话 %1 相同（客户和时间）。</translation>
    </message>
</context>
<context>
    <name>tierdesk::io::CallList</name>
    <message>
        <source>suggest grade %1</source>
        <translation>建议降为 %1 级</translation>
    </message>
    <message>
        <source>Call list %1</source>
        <extracomment>The name of the worksheet in an exported call list (at most 31 characters)</extracomment>
        <translation>拨打清单 %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::io::CustomerImport</name>
    <message>
        <source>%1 fields where the header has %2.</source>
        <translation>该行有 %1 个字段，而表头只有 %2 个。</translation>
    </message>
    <message>
        <source>The file is empty: there is no header row.</source>
        <translation>文件为空：没有表头行。</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Intent grade</source>
        <translation>意向等级</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Create new</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Update existing</source>
        <translation>更新已有客户</translation>
    </message>
    <message>
        <source>Merge (fill gaps)</source>
        <translation>合并（补全空白字段）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>No column holds the name or the company: choose one in the mapping.</source>
        <translation>没有对应到姓名或公司的列：请在列对应中指定一列。</translation>
    </message>
    <message>
        <source>Unknown customer type “%1” (individual, enterprise, government, channel; 个人, 企业, 政府, 渠道).</source>
        <translation>未知的客户类型“%1”（个人、企业、政府、渠道；individual、enterprise、government、channel）。</translation>
    </message>
    <message>
        <source>Unknown intent grade “%1” (S, A, B, C or D).</source>
        <translation>未知的意向等级“%1”（S、A、B、C 或 D）。</translation>
    </message>
    <message>
        <source>“%1” is not a date (2026-03-01, 2026/3/1 or 2026年3月1日).</source>
        <translation>“%1”不是有效日期（如 2026-03-01、2026/3/1 或 2026年3月1日）。</translation>
    </message>
    <message>
        <source>The creation date %1 is in the future.</source>
        <translation>创建日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>The phone number “%1” was turned into a number by a spreadsheet and lost digits; save the column as text and export again.</source>
        <translation>电话号码“%1”被电子表格转换成了数值，丢失了部分数字；请将该列设为文本格式后重新导出。</translation>
    </message>
    <message>
        <source>“%1” is not a phone number (fewer than 7 digits).</source>
        <translation>“%1”不是电话号码（不足 7 位数字）。</translation>
    </message>
    <message>
        <source>No name and no company.</source>
        <translation>姓名和公司均为空。</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>“%1”不是邮箱地址。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Line %1: customer %2 no longer exists.</source>
        <translation>第 %1 行：客户 %2 已不存在。</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Extra fields: %1</source>
        <translation>多余的字段：%1</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Skipped: the same %1 as customer %2.</source>
        <translation>已跳过：与客户 %2 的%1相同。</translation>
    </message>
    <message>
        <source>Skipped: the same %1 as line %2.</source>
        <translation>已跳过：与第 %2 行的%1相同。</translation>
    </message>
</context>
<context>
    <name>tierdesk::io::CustomerList</name>
    <message>
        <source>Customers</source>
        <extracomment>The name of the worksheet in an exported customer list (at most 31 characters)</extracomment>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>tierdesk::io::Demo</name>
    <message>
        <source>Creating the demo database was cancelled.</source>
        <translation>已取消创建演示数据库。</translation>
    </message>
    <message>
        <source>A demo database has between 1 and %L1 customers.</source>
        <translation>演示数据库的客户数须在 1 到 %L1 之间。</translation>
    </message>
    <message>
        <source>This database already has customers. Demo data can only be added to an empty database.</source>
        <translation>该数据库中已有客户。演示数据只能添加到空数据库中。</translation>
    </message>
</context>
<context>
    <name>tierdesk::io::Export</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Could not create the workbook %1.</source>
        <translation>无法创建工作簿 %1。</translation>
    </message>
    <message>
        <source>An Excel worksheet holds at most %1 rows. Export to CSV instead, or narrow the list.</source>
        <translation>一个 Excel 工作表最多只能容纳 %1 行。请改为导出 CSV，或缩小列表范围。</translation>
    </message>
</context>
<context>
    <name>tierdesk::io::Interchange</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is empty: it needs at least the header row.</source>
        <translation>%1 为空：至少需要包含表头行。</translation>
    </message>
    <message>
        <source>%1:%2: the header row cannot be read: %3</source>
        <translation>%1:%2：无法读取表头行：%3</translation>
    </message>
    <message>
        <source>%1: the header has no column “%2”.</source>
        <translation>%1：表头中没有“%2”列。</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>应有 %1 个字段，实际为 %2 个</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>There is no %1 in “%2”.</source>
        <translation>“%2”中没有 %1。</translation>
    </message>
    <message>
        <source>id %1 is not a positive whole number</source>
        <translation>id %1 不是正整数</translation>
    </message>
    <message>
        <source>the row is not valid UTF-8 (save the file as UTF-8)</source>
        <translation>该行不是有效的 UTF-8（请将文件另存为 UTF-8）</translation>
    </message>
    <message>
        <source>name is empty</source>
        <translation>name 为空</translation>
    </message>
    <message>
        <source>type %1 is not one of individual, enterprise, government, channel</source>
        <translation>type %1 不是 individual、enterprise、government、channel 之一</translation>
    </message>
    <message>
        <source>created_at %1 is not a date of the form YYYY-MM-DD</source>
        <translation>created_at %1 不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>intent %1 is not one of S, A, B, C, D</source>
        <translation>intent %1 不是 S、A、B、C、D 之一</translation>
    </message>
    <message>
        <source>customer_id %1 is not a positive whole number</source>
        <translation>customer_id %1 不是正整数</translation>
    </message>
    <message>
        <source>customer %1 was rejected</source>
        <translation>客户 %1 已被拒绝</translation>
    </message>
    <message>
        <source>customer %1 is not in customers.csv</source>
        <translation>客户 %1 不在 customers.csv 中</translation>
    </message>
    <message>
        <source>ordered_at %1 is not a date of the form YYYY-MM-DD</source>
        <translation>ordered_at %1 不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>amount %1 is not a number with at most two decimals</source>
        <translation>amount %1 不是最多两位小数的数字</translation>
    </message>
    <message>
        <source>profit %1 is not a number with at most two decimals</source>
        <translation>profit %1 不是最多两位小数的数字</translation>
    </message>
    <message>
        <source>called_at %1 is not a time of the form YYYY-MM-DDTHH:MM:SS</source>
        <translation>called_at %1 不是 YYYY-MM-DDTHH:MM:SS 格式的时间</translation>
    </message>
    <message>
        <source>direction %1 is not one of out, in</source>
        <translation>direction %1 不是 out、in 之一</translation>
    </message>
    <message>
        <source>outcome %1 is not one of reached, no_answer, voicemail, busy, wrong_number</source>
        <translation>outcome %1 不是 reached、no_answer、voicemail、busy、wrong_number 之一</translation>
    </message>
    <message>
        <source>duration_s %1 is not a number of seconds</source>
        <translation>duration_s %1 不是有效的秒数</translation>
    </message>
    <message>
        <source>next_follow_up %1 is not a date of the form YYYY-MM-DD</source>
        <translation>next_follow_up %1 不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
</context>
<context>
    <name>tierdesk::labels</name>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>Channel partner</source>
        <translation>渠道伙伴</translation>
    </message>
    <message>
        <source>S — about to close</source>
        <translation>S — 即将成交</translation>
    </message>
    <message>
        <source>A — clear intent</source>
        <translation>A — 意向明确</translation>
    </message>
    <message>
        <source>B — interested</source>
        <translation>B — 有意向</translation>
    </message>
    <message>
        <source>C — latent need</source>
        <translation>C — 潜在需求</translation>
    </message>
    <message>
        <source>D — no need now</source>
        <translation>D — 暂无需求</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未接听</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>语音信箱</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>A · Key</source>
        <translation>A · 关键客户</translation>
    </message>
    <message>
        <source>B · Major</source>
        <translation>B · 主要客户</translation>
    </message>
    <message>
        <source>C · Ordinary</source>
        <translation>C · 普通客户</translation>
    </message>
    <message>
        <source>D · Inactive</source>
        <translation>D · 休眠客户</translation>
    </message>
    <message>
        <source>Key customer</source>
        <translation>关键客户</translation>
    </message>
    <message>
        <source>Major customer</source>
        <translation>主要客户</translation>
    </message>
    <message>
        <source>Ordinary customer</source>
        <translation>普通客户</translation>
    </message>
    <message>
        <source>Inactive customer</source>
        <translation>休眠客户</translation>
    </message>
    <message>
        <source>High</source>
        <comment>level</comment>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <comment>level</comment>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <comment>level</comment>
        <translation>低</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>New</source>
        <comment>lifecycle stage</comment>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长期</translation>
    </message>
    <message>
        <source>Mature</source>
        <translation>成熟期</translation>
    </message>
    <message>
        <source>Declining</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Normal</source>
        <comment>engagement</comment>
        <translation>一般</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>沉默</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>冠军客户</translation>
    </message>
    <message>
        <source>Loyal customers</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>潜在忠诚客户</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>有潜力客户</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>即将沉睡</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>不能流失</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <source>Important value</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <source>Important to develop</source>
        <translation>重要发展客户</translation>
    </message>
    <message>
        <source>Important to retain</source>
        <translation>重要保持客户</translation>
    </message>
    <message>
        <source>Important to win back</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <source>General value</source>
        <translation>一般价值客户</translation>
    </message>
    <message>
        <source>General to develop</source>
        <translation>一般发展客户</translation>
    </message>
    <message>
        <source>General to retain</source>
        <translation>一般保持客户</translation>
    </message>
    <message>
        <source>General to win back</source>
        <translation>一般挽留客户</translation>
    </message>
    <message>
        <source>S · closing</source>
        <translation>S · 即将成交</translation>
    </message>
    <message>
        <source>A · top</source>
        <translation>A · 最高</translation>
    </message>
    <message>
        <source>B · high</source>
        <translation>B · 高</translation>
    </message>
    <message>
        <source>C · normal</source>
        <translation>C · 普通</translation>
    </message>
    <message>
        <source>D · low</source>
        <translation>D · 低</translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation>未定级</translation>
    </message>
</context>
<context>
    <name>tierdesk::store</name>
    <message>
        <source>The database is busy: another program (or another TierDesk window) is writing to it. Try again in a moment.</source>
        <translation>数据库正忙：另一个程序（或另一个 TierDesk 窗口）正在写入。请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>磁盘已满，未保存任何内容。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The database is read-only. Nothing was saved.</source>
        <translation>数据库为只读，未保存任何内容。</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a TierDesk database.</source>
        <translation>数据库文件已损坏，或不是 TierDesk 数据库。</translation>
    </message>
    <message>
        <source>The database file could not be read or written (%1).</source>
        <translation>无法读写数据库文件（%1）。</translation>
    </message>
    <message>
        <source>The change breaks a rule of the database (%1).</source>
        <translation>此更改违反了数据库的约束规则（%1）。</translation>
    </message>
    <message>
        <source>A database error occurred (%1).</source>
        <translation>发生数据库错误（%1）。</translation>
    </message>
    <message>
        <source>The merge was not saved.</source>
        <translation>合并未保存。</translation>
    </message>
    <message>
        <source>%1: this id exists already.</source>
        <translation>%1：此 id 已存在。</translation>
    </message>
    <message>
        <source>%1: its customer does not exist.</source>
        <translation>%1：所属客户不存在。</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户必须填写姓名。</translation>
    </message>
    <message>
        <source>A customer needs a creation date.</source>
        <translation>客户必须有创建日期。</translation>
    </message>
    <message>
        <source>The customer was not saved.</source>
        <translation>客户未保存。</translation>
    </message>
    <message>
        <source>Customer %1 no longer exists.</source>
        <translation>客户 %1 已不存在。</translation>
    </message>
    <message>
        <source>The tags were not saved.</source>
        <translation>标签未保存。</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation>客户不能与自身合并。</translation>
    </message>
    <message>
        <source>One of the customers to merge no longer exists.</source>
        <translation>要合并的客户之一已不存在。</translation>
    </message>
    <message>
        <source>The merge was not undone.</source>
        <translation>未能撤销合并。</translation>
    </message>
    <message>
        <source>An order needs a date.</source>
        <translation>订单必须有日期。</translation>
    </message>
    <message>
        <source>The order was not saved.</source>
        <translation>订单未保存。</translation>
    </message>
    <message>
        <source>A call needs a date and time.</source>
        <translation>通话记录必须有日期和时间。</translation>
    </message>
    <message>
        <source>A call cannot last less than zero seconds.</source>
        <translation>通话时长不能为负数。</translation>
    </message>
    <message>
        <source>The call was not saved.</source>
        <translation>通话记录未保存。</translation>
    </message>
    <message>
        <source>The settings were not saved.</source>
        <translation>设置未保存。</translation>
    </message>
    <message>
        <source>Customer %1 does not exist.</source>
        <translation>客户 %1 不存在。</translation>
    </message>
    <message>
        <source>Could not read the customers.</source>
        <translation>无法读取客户数据。</translation>
    </message>
    <message>
        <source>Could not read the orders.</source>
        <translation>无法读取订单数据。</translation>
    </message>
    <message>
        <source>Could not read the calls.</source>
        <translation>无法读取通话记录。</translation>
    </message>
    <message>
        <source>The classification was not saved.</source>
        <translation>分级结果未保存。</translation>
    </message>
    <message>
        <source>The follow-up was not saved.</source>
        <translation>跟进计划未保存。</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>通话记录 %1</translation>
    </message>
    <message>
        <source>The search index could not be built.</source>
        <translation>无法建立搜索索引。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Could not import the calls.</source>
        <translation>无法导入通话记录。</translation>
    </message>
    <message>
        <source>The customer list&apos;s indexes could not be built.</source>
        <translation>无法建立客户列表的索引。</translation>
    </message>
</context>
<context>
    <name>tierdesk::store::Database</name>
    <message>
        <source>“%1” is a folder, not a database file.</source>
        <translation>“%1”是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>The database “%1” is read-only. Ask for write access or copy it to a folder of your own.</source>
        <translation>数据库“%1”为只读。请申请写入权限，或将其复制到您自己的文件夹中。</translation>
    </message>
    <message>
        <source>The database “%1” does not exist.</source>
        <translation>数据库“%1”不存在。</translation>
    </message>
    <message>
        <source>Could not open the database “%1”.</source>
        <translation>无法打开数据库“%1”。</translation>
    </message>
    <message>
        <source>The database “%1” needs an upgrade, which is not possible while it is opened read-only.</source>
        <translation>数据库“%1”需要升级，但以只读方式打开时无法升级。</translation>
    </message>
    <message>
        <source>Could not create an in-memory database.</source>
        <translation>无法创建内存数据库。</translation>
    </message>
    <message>
        <source>“%1” is not a TierDesk database, or it is damaged.</source>
        <translation>“%1”不是 TierDesk 数据库，或文件已损坏。</translation>
    </message>
    <message>
        <source>The database “%1” is locked by another program. Close it there and try again.</source>
        <translation>数据库“%1”已被其他程序锁定。请在该程序中关闭后重试。</translation>
    </message>
    <message>
        <source>Could not read the database “%1”.</source>
        <translation>无法读取数据库“%1”。</translation>
    </message>
    <message>
        <source>The database “%1” was made by a newer version of TierDesk (schema %2; this version knows up to %3). Update TierDesk to open it.</source>
        <translation>数据库“%1”由更新版本的 TierDesk 创建（结构版本 %2；当前版本最高支持 %3）。请升级 TierDesk 后再打开。</translation>
    </message>
    <message>
        <source>Could not prepare the database.</source>
        <translation>无法初始化数据库。</translation>
    </message>
    <message>
        <source>The database “%1” is damaged. Restore it from a backup; TierDesk will not change it.</source>
        <translation>数据库“%1”已损坏。请从备份中恢复；TierDesk 不会修改该文件。</translation>
    </message>
    <message>
        <source>Could not upgrade the database to version %1.</source>
        <translation>无法将数据库升级到版本 %1。</translation>
    </message>
    <message>
        <source>Could not write the backup.</source>
        <translation>无法写入备份。</translation>
    </message>
    <message>
        <source>Could not write the backup to “%1”.</source>
        <translation>无法将备份写入“%1”。</translation>
    </message>
    <message>
        <source>The backup could not be verified; it was not kept.</source>
        <translation>备份校验失败，已丢弃该备份。</translation>
    </message>
    <message>
        <source>Could not move the backup into place at “%1”.</source>
        <translation>无法将备份移动到“%1”。</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <source>Could not create the folder “%1”.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>Could not create the database file “%1”: %2.</source>
        <translation>无法创建数据库文件“%1”：%2。</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is not usable.</source>
        <translation>Qt 的 SQLite 驱动不可用。</translation>
    </message>
</context>
<context>
    <name>tierdesk::store::ImportLog</name>
    <message>
        <source>The import log could not be written.</source>
        <translation>无法写入导入记录。</translation>
    </message>
    <message>
        <source>The import was not undone.</source>
        <translation>未能撤销导入。</translation>
    </message>
    <message>
        <source>There is no import number %1.</source>
        <translation>不存在第 %1 次导入。</translation>
    </message>
    <message>
        <source>Import number %1 has been undone already.</source>
        <translation>第 %1 次导入已被撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) created by this import have calls or orders by now; undoing the import would delete them. Nothing was changed.</source>
        <translation>
            <numerusform>此次导入新建的客户中已有 %n 位有了通话或订单记录，撤销导入会将其删除。未做任何更改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ChartsView</name>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>Value pyramid</source>
        <translation>价值金字塔</translation>
    </message>
    <message>
        <source>Lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>RFM segment map</source>
        <translation>RFM 分群图</translation>
    </message>
    <message>
        <source>Follow-up load, next 14 days</source>
        <translation>未来 14 天跟进量</translation>
    </message>
    <message>
        <source>Tier migration since last month</source>
        <translation>较上月的等级迁移</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>全团队</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Save “%1” as an image</source>
        <translation>将“%1”保存为图片</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save “%1” as a PDF page for printing</source>
        <translation>将“%1”保存为 PDF 页面，便于打印</translation>
    </message>
    <message>
        <source>No classified customers yet</source>
        <translation>暂无已分级的客户</translation>
    </message>
    <message>
        <source>Classified as of %1</source>
        <translation>分级统计日期：%1</translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation>尚未分级</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>whose customers · as of which day</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The chart could not be read: %1</source>
        <translation>无法读取图表数据：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) · %1 % of revenue</source>
        <translation>
            <numerusform>%n 位客户 · 营收占比 %1 %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) · net sales of the last %1 days: %2</source>
        <translation>
            <numerusform>%n 位客户 · 近 %1 天净销售额：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers per stage as of %1. Declining customers are called at least every %2 days (win-back).</source>
        <translation>截至 %1 各阶段的客户数。衰退期客户至少每 %2 天致电一次（挽回）。</translation>
    </message>
    <message numerus="yes">
        <source>%n buyer(s) by recency (rows, 5 = bought most recently) and frequency (columns, 5 = buys most often)</source>
        <translation>
            <numerusform>%n 位成交客户，按最近消费（行，5 = 最近购买）和消费频次（列，5 = 购买最频繁）分布</numerusform>
        </translation>
    </message>
    <message>
        <source>No buyers yet: the map shows customers with orders.</source>
        <translation>暂无成交客户：此图只显示有订单的客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) due in the next 14 days, by priority. Today&apos;s bar includes %1 overdue from earlier days.</source>
        <translation>
            <numerusform>未来 14 天内共有 %n 位客户到期待跟进，按优先级显示。今天的柱条包含之前逾期的 %1 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is due in the next 14 days.</source>
        <translation>未来 14 天内没有到期待跟进的客户。</translation>
    </message>
    <message>
        <source>Rows: the tier at the end of %1. Columns: the tier now.</source>
        <translation>行：%1底的价值等级。列：当前价值等级。</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;▲ %2&lt;/b&gt; moved up&lt;/span&gt; · &lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;▼ %4&lt;/b&gt; moved down&lt;/span&gt; · &lt;b&gt;%5&lt;/b&gt; stayed · &lt;b&gt;%6&lt;/b&gt; new</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;▲ %2&lt;/b&gt; 位升级&lt;/span&gt; · &lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;▼ %4&lt;/b&gt; 位降级&lt;/span&gt; · &lt;b&gt;%5&lt;/b&gt; 位不变 · &lt;b&gt;%6&lt;/b&gt; 位新增</translation>
    </message>
    <message>
        <source>Nothing to compare with yet: no classification was saved in %1. The migration appears once customers have been classified in two consecutive months.</source>
        <translation>暂无可对比的数据：%1 没有保存过分级结果。连续两个月都完成客户分级后，才会显示等级迁移。</translation>
    </message>
    <message>
        <source>Save chart as PDF</source>
        <translation>将图表保存为 PDF</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Chart not saved</source>
        <translation>图表未保存</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1. Check that the folder exists and that you may write to it.</source>
        <translation>无法将图表保存到 %1。请检查文件夹是否存在，以及您是否有写入权限。</translation>
    </message>
    <message>
        <source>%1 · updating…</source>
        <comment>as-of text · the charts are being read</comment>
        <translation>%1 · 正在更新…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerDialog</name>
    <message>
        <source>Unknown</source>
        <comment>MAN answer</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>MAN answer</comment>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <comment>MAN answer</comment>
        <translation>否</translation>
    </message>
    <message>
        <source>Profi&amp;le</source>
        <translation>资料(&amp;L)</translation>
    </message>
    <message>
        <source>Tie&amp;rs</source>
        <translation>分级(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>D&amp;uplicates</source>
        <translation>重复客户(&amp;U)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>撤销：%1（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>重做：%1（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户必须填写姓名。</translation>
    </message>
    <message>
        <source>Not set</source>
        <comment>customer type</comment>
        <translation>未设置</translation>
    </message>
    <message>
        <source>e.g. VIP, trade fair 2026</source>
        <translation>例如：VIP，2026 展会</translation>
    </message>
    <message>
        <source>Separate tags with commas or semicolons.</source>
        <translation>多个标签请用逗号或分号分隔。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>城市(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建日期：</translation>
    </message>
    <message>
        <source>None</source>
        <comment>grade</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>Archi&amp;ved: hidden from the queue</source>
        <translation>已归档(&amp;V)：不出现在跟进队列中</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Gr&amp;ade:</source>
        <translation>意向等级(&amp;A)：</translation>
    </message>
    <message>
        <source>MAN qualification</source>
        <translation>MAN 资格</translation>
    </message>
    <message>
        <source>&amp;Money (can pay):</source>
        <translation>购买力（能否支付）(&amp;M)：</translation>
    </message>
    <message>
        <source>Aut&amp;hority (decides):</source>
        <translation>决策权（能否拍板）(&amp;H)：</translation>
    </message>
    <message>
        <source>Nee&amp;d:</source>
        <translation>需求(&amp;D)：</translation>
    </message>
    <message>
        <source>Not classified yet — run Classify.</source>
        <translation>尚未分级——请先执行分级。</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>RFM scores</source>
        <translation>RFM 评分</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Value matrix</source>
        <translation>价值矩阵</translation>
    </message>
    <message>
        <source>Purchase frequency</source>
        <translation>购买频次</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>忠诚度</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>Intent grade</source>
        <translation>意向等级</translation>
    </message>
    <message>
        <source>Demotion</source>
        <translation>降级建议</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>No calls or orders yet.</source>
        <translation>暂无通话或订单记录。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Why it matches</source>
        <translation>匹配原因</translation>
    </message>
    <message>
        <source>&amp;Merge into this customer…</source>
        <translation>合并到此客户(&amp;M)…</translation>
    </message>
    <message>
        <source>Moves the selected customer&apos;s calls and orders here and removes it. Undo brings it back.</source>
        <translation>将所选客户的通话和订单移到此客户名下，并删除所选客户。可通过撤销恢复。</translation>
    </message>
    <message>
        <source>Customer %1 no longer exists.</source>
        <translation>客户 %1 已不存在。</translation>
    </message>
    <message>
        <source>Set by hand on %1.</source>
        <translation>于 %1 手动设置。</translation>
    </message>
    <message>
        <source>Set by hand.</source>
        <translation>手动设置。</translation>
    </message>
    <message>
        <source>Suggested grade from the MAN answers: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>根据 MAN 回答建议的等级：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No grade yet: set one, or answer the MAN questions.</source>
        <translation>尚无意向等级：请设置等级，或回答 MAN 资格问题。</translation>
    </message>
    <message>
        <source>New customer[*]</source>
        <translation>新建客户[*]</translation>
    </message>
    <message>
        <source>%1 — Customer[*]</source>
        <translation>%1 — 客户[*]</translation>
    </message>
    <message>
        <source>Customer not saved</source>
        <translation>客户未保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to this customer before closing?</source>
        <translation>关闭前是否保存对此客户的更改？</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>关闭前是否保存对“%1”的更改？</translation>
    </message>
    <message>
        <source>Results of the classification as of %1.</source>
        <translation>统计日期为 %1 的分级结果。</translation>
    </message>
    <message>
        <source>Results of the last classification.</source>
        <translation>最近一次分级的结果。</translation>
    </message>
    <message>
        <source>R %1 · F %2 · M %3</source>
        <translation>R %1 · F %2 · M %3</translation>
    </message>
    <message>
        <source>Suggested action: %1</source>
        <translation>建议措施：%1</translation>
    </message>
    <message>
        <source>No segment: this customer has not bought yet.</source>
        <translation>无分群：该客户尚未购买。</translation>
    </message>
    <message>
        <source>Not in the value matrix: this customer has not bought yet.</source>
        <translation>不在价值矩阵中：该客户尚未购买。</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s). Reason: %1</source>
        <translation>
            <numerusform>已逾期 %n 天。原因：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Same phone number and e-mail</source>
        <translation>电话和邮箱均相同</translation>
    </message>
    <message>
        <source>Same phone number</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>Same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (#%2)</translation>
    </message>
    <message>
        <source>No other customer has this phone number or e-mail.</source>
        <translation>没有其他客户使用此电话或邮箱。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) already have this phone number or e-mail. Is this one of them?</source>
        <translation>
            <numerusform>已有 %n 位客户使用此电话或邮箱。是否为其中之一？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other customer(s) have the same phone number or e-mail. Select one and merge it into this customer to keep a single record.</source>
        <translation>
            <numerusform>另有 %n 位客户的电话或邮箱与此相同。请选择一位合并到此客户，只保留一条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>D&amp;uplicates (%1)</source>
        <translation>重复客户（%1）(&amp;U)</translation>
    </message>
    <message>
        <source>Merge %1 into %2?

All calls (%3) and orders (%4) of %1 move to %2, empty fields of %2 are filled in from %1, and %1 disappears from the customer list.

You can take this back with Undo (Ctrl+Z) while this window is open.</source>
        <translation>要将 %1 合并到 %2 吗？

%1 的全部通话（%3 条）和订单（%4 笔）将移到 %2 名下，%2 的空白字段将用 %1 的信息补全，%1 将从客户列表中消失。

在此窗口关闭前，可以用撤销（Ctrl+Z）恢复。</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>意向 %1</translation>
    </message>
    <message numerus="yes">
        <source>Call: %1, %n day(s) overdue</source>
        <translation>
            <numerusform>应跟进：%1，逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Next call: %1</source>
        <translation>下次跟进：%1</translation>
    </message>
    <message>
        <source>Reading the results of the classification…</source>
        <translation>正在读取分级结果…</translation>
    </message>
    <message>
        <source>Reading the calls and orders…</source>
        <translation>正在读取通话和订单…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerTableModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Suggest %1</source>
        <translation>建议降为 %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>忠诚度</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>意向等级</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Why call</source>
        <translation>跟进原因</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Spend (12 mo.)</source>
        <translation>近 12 个月消费</translation>
    </message>
    <message>
        <source>%1: suggested by the MAN answers, not set by hand</source>
        <translation>%1：根据 MAN 资格建议，未手动设置</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerTimelineModel</name>
    <message>
        <source>Profit: %1</source>
        <translation>利润：%1</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>呼入通话</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>呼出通话</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Outcome / amount</source>
        <translation>结果 / 金额</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomersView</name>
    <message>
        <source>All tiers</source>
        <translation>全部价值等级</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>全部意向等级</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Search name, company, phone or e-mail  (Ctrl+F)</source>
        <translation>搜索姓名、公司、电话或邮箱  (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the customers shown, in this order, as an Excel workbook (.xlsx) or as a CSV file for Excel, WPS and LibreOffice</source>
        <translation>将当前显示的客户按此顺序保存为 Excel 工作簿（.xlsx），或保存为可用 Excel、WPS 和 LibreOffice 打开的 CSV 文件</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>尚未打开数据库。</translation>
    </message>
    <message>
        <source>Export customers</source>
        <extracomment>The suggested file name (without extension) of an exported customer list; %1 is today</extracomment>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>customers-%1</source>
        <translation>客户-%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>More than %L1 customers (counting…)</source>
        <translation>超过 %L1 位客户（正在统计…）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::DuplicatesDialog</name>
    <message>
        <source>&amp;Merge group</source>
        <translation>合并该组(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>撤销合并(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Open card</source>
        <translation>打开客户卡片(&amp;O)</translation>
    </message>
    <message>
        <source>Duplicate customers</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Keep the selected customer (or the oldest) and move the others&apos; calls, orders and tags to it</source>
        <translation>保留所选客户（未选中具体客户时保留最早创建的），并将其他客户的通话、订单和标签移到该客户名下</translation>
    </message>
    <message>
        <source>same phone or e-mail</source>
        <translation>电话或邮箱相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n record(s) · %2</source>
        <translation>
            <numerusform>%1 · %n 条记录 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No duplicates: no two customers share a phone number or an e-mail address.</source>
        <translation>没有重复客户：任意两位客户的电话和邮箱都不相同。</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of customers share a phone number or an e-mail address. Select the customer to keep, then merge: calls, orders and tags move to it.</source>
        <translation>
            <numerusform>有 %n 组客户的电话或邮箱相同。请选择要保留的客户，然后合并：通话、订单和标签将移到该客户名下。</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge group</source>
        <translation>合并该组</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Looking for customers who share a phone number or an e-mail address…</source>
        <translation>正在查找电话号码或电子邮箱相同的客户…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::Export</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::FollowUpModel</name>
    <message numerus="yes">
        <source>%1, %2: %n customer(s) due</source>
        <translation>
            <numerusform>%1，%2：%n 位客户到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Undo this import…</source>
        <translation>撤销此次导入(&amp;U)…</translation>
    </message>
    <message>
        <source>Nothing has been imported into this database yet.</source>
        <translation>此数据库尚未导入过任何数据。</translation>
    </message>
    <message>
        <source>Every import can be undone as a whole while it stands: the customers, orders or calls it added go, and the customers it changed get their earlier details back.</source>
        <translation>每次导入都可以整批撤销：删除它添加的客户、订单或通话记录，并把它修改过的客户恢复为原来的资料。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <source>Undo the import of “%1”? The %2 customers it created are removed and the %3 it changed get their earlier details back.</source>
        <translation>撤销“%1”的导入？将删除它新建的 %2 位客户，并恢复它修改过的 %3 位客户的原有资料。</translation>
    </message>
    <message>
        <source>Undo the import of “%1”? The %2 orders it added are removed.</source>
        <translation>撤销“%1”的导入？将删除它添加的 %2 个订单。</translation>
    </message>
    <message>
        <source>Undo the import of “%1”? The %2 calls it added are removed.</source>
        <translation>撤销“%1”的导入？将删除它添加的 %2 条通话记录。</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销此次导入</translation>
    </message>
    <message>
        <source>Undoing the import of “%1”…</source>
        <translation>正在撤销“%1”的导入…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ImportWizard</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Choose the customer list</source>
        <translation>选择客户名单</translation>
    </message>
    <message>
        <source>A CSV file saved from Excel, WPS or another CRM. Chinese files in GBK or UTF-8 are recognised; change the encoding below if the preview looks wrong.</source>
        <translation>从 Excel、WPS 或其他 CRM 保存的 CSV 文件。可识别 GBK 或 UTF-8 编码的中文文件；如果预览显示乱码，请在下方更改编码。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>分隔符(&amp;S)：</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) · %1 · separated by %2</source>
        <translation>
            <numerusform>%n 行 · %1 · 以%2分隔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) the file itself gets wrong (they will be listed)</source>
        <translation>
            <numerusform>文件本身有 %n 行格式错误（将在后面列出）</numerusform>
        </translation>
    </message>
    <message>
        <source>What each column holds</source>
        <translation>各列对应的字段</translation>
    </message>
    <message>
        <source>Guessed from the column titles. Change any that are wrong; columns set to “(ignore)” are not imported.</source>
        <translation>已根据列标题自动推测。如有不对请修改；设为“（忽略）”的列不会导入。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行的值</translation>
    </message>
    <message>
        <source>Duplicates are found by phone number (any format) and e-mail, in the database and inside the file.</source>
        <translation>按电话号码（任何格式均可）和邮箱查找重复客户，范围包括数据库和文件本身。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Decide what happens to the duplicates, then import.</source>
        <translation>目前尚未做任何更改。请决定如何处理重复客户，然后导入。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>For &amp;all duplicates:</source>
        <translation>所有重复项(&amp;A)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; new customers · &lt;b&gt;%2&lt;/b&gt; already in the database · &lt;b&gt;%3&lt;/b&gt; repeated in the file · &lt;b&gt;%4&lt;/b&gt; cannot be imported</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 位新客户 · &lt;b&gt;%2&lt;/b&gt; 位已在数据库中 · &lt;b&gt;%3&lt;/b&gt; 行在文件内重复 · &lt;b&gt;%4&lt;/b&gt; 行无法导入</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Same %1 as customer %2 in the database</source>
        <translation>与数据库中客户 %2 的%1相同</translation>
    </message>
    <message>
        <source>Same %1 as line %2 of the file</source>
        <translation>与文件第 %2 行的%1相同</translation>
    </message>
    <message>
        <source>The first %1 rows that need a look are listed; the others follow the choice for all duplicates.</source>
        <translation>此处只列出需要查看的前 %1 行；其余各行按“所有重复项”的选择处理。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Save rows to fix as CSV…</source>
        <translation>将待修正的行另存为 CSV…</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>撤销此次导入(&amp;U)</translation>
    </message>
    <message>
        <source>%1-to-fix.csv</source>
        <translation>%1-待修正.csv</translation>
    </message>
    <message>
        <source>Save rows to fix</source>
        <translation>保存待修正的行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销此次导入</translation>
    </message>
    <message>
        <source>Remove the customers this import created and restore the ones it changed?</source>
        <translation>要删除此次导入新建的客户，并将被更改的客户恢复原状吗？</translation>
    </message>
    <message>
        <source>Importing… (Esc cancels)</source>
        <translation>正在导入…（按 Esc 取消）</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Done.&lt;/b&gt; %1 created · %2 merged · %3 updated · %4 skipped · %5 not imported.</source>
        <translation>&lt;b&gt;完成。&lt;/b&gt;新建 %1 · 合并 %2 · 更新 %3 · 跳过 %4 · 未导入 %5。</translation>
    </message>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>已撤销此次导入。</translation>
    </message>
    <message>
        <source>Choose a file that can be read first.</source>
        <translation>请先选择一个可以读取的文件。</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>Import calls</source>
        <translation>导入通话记录</translation>
    </message>
    <message>
        <source>Choose the order list</source>
        <translation>选择订单列表</translation>
    </message>
    <message>
        <source>A CSV file from a shop system, Excel or WPS: one order per row, with the customer&apos;s id, phone or e-mail, the date and the amount.</source>
        <translation>来自商城系统、Excel 或 WPS 的 CSV 文件：每行一个订单，包含客户编号、电话或邮箱，以及日期和金额。</translation>
    </message>
    <message>
        <source>Choose the call list</source>
        <translation>选择通话记录</translation>
    </message>
    <message>
        <source>A CSV file from a phone system, Excel or WPS: one call per row, with the customer&apos;s id, phone or e-mail and when the call was.</source>
        <translation>来自电话系统、Excel 或 WPS 的 CSV 文件：每行一次通话，包含客户编号、电话或邮箱，以及通话时间。</translation>
    </message>
    <message>
        <source>Each row finds its customer by id, else by phone number (any format), else by e-mail. An order with the same customer, day and amount as one already there is a duplicate.</source>
        <translation>每行先按客户编号查找客户，其次按电话号码（任意格式），再次按邮箱。客户、日期和金额都与已有订单相同的视为重复。</translation>
    </message>
    <message>
        <source>Skip (already there)</source>
        <translation>跳过（已存在）</translation>
    </message>
    <message>
        <source>Add anyway</source>
        <translation>仍然添加</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; new orders for &lt;b&gt;%2&lt;/b&gt; customers · &lt;b&gt;%3&lt;/b&gt; already in the database · &lt;b&gt;%4&lt;/b&gt; repeated in the file · &lt;b&gt;%5&lt;/b&gt; cannot be imported</source>
        <translation>新订单 &lt;b&gt;%1&lt;/b&gt; 个（涉及 &lt;b&gt;%2&lt;/b&gt; 位客户）· 数据库中已有 &lt;b&gt;%3&lt;/b&gt; 个 · 文件内重复 &lt;b&gt;%4&lt;/b&gt; 个 · 无法导入 &lt;b&gt;%5&lt;/b&gt; 行</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; new calls for &lt;b&gt;%2&lt;/b&gt; customers · &lt;b&gt;%3&lt;/b&gt; already in the database · &lt;b&gt;%4&lt;/b&gt; repeated in the file · &lt;b&gt;%5&lt;/b&gt; cannot be imported</source>
        <translation>新通话 &lt;b&gt;%1&lt;/b&gt; 条（涉及 &lt;b&gt;%2&lt;/b&gt; 位客户）· 数据库中已有 &lt;b&gt;%3&lt;/b&gt; 条 · 文件内重复 &lt;b&gt;%4&lt;/b&gt; 条 · 无法导入 &lt;b&gt;%5&lt;/b&gt; 行</translation>
    </message>
    <message>
        <source>The same order is in the database (customer, day and amount)</source>
        <translation>数据库中已有相同订单（客户、日期和金额）</translation>
    </message>
    <message>
        <source>The same as line %1 of the file</source>
        <translation>与文件第 %1 行相同</translation>
    </message>
    <message>
        <source>Remove the orders this import added?</source>
        <translation>删除本次导入添加的订单？</translation>
    </message>
    <message>
        <source>Remove the calls this import added?</source>
        <translation>删除本次导入添加的通话记录？</translation>
    </message>
    <message>
        <source>&lt;b&gt;Done.&lt;/b&gt; %1 orders added · %2 skipped · %3 not imported.</source>
        <translation>&lt;b&gt;完成。&lt;/b&gt;新增订单 %1 个 · 跳过 %2 行 · 未导入 %3 行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Done.&lt;/b&gt; %1 calls added · %2 skipped · %3 not imported.</source>
        <translation>&lt;b&gt;完成。&lt;/b&gt;新增通话 %1 条 · 跳过 %2 行 · 未导入 %3 行。</translation>
    </message>
    <message>
        <source>The customers are being classified again with the new history.</source>
        <translation>正在根据新的历史记录重新为客户分级。</translation>
    </message>
    <message>
        <source>Nothing has been changed yet. Decide what happens to the rows that are already there, then import.</source>
        <translation>目前尚未做任何更改。请决定如何处理已存在的记录，然后导入。</translation>
    </message>
    <message>
        <source>Each row finds its customer by id, else by phone number (any format), else by e-mail. A call with the same customer and time (to the second; to the minute when the list has no seconds) as one already there is a duplicate.</source>
        <translation>每行先按客户编号查找客户，其次按电话号码（任意格式），再次按邮箱。客户和时间都与已有通话相同的视为重复（精确到秒；列表没有秒时精确到分钟）。</translation>
    </message>
    <message>
        <source>The same call is in the database (customer and time)</source>
        <translation>数据库中已有相同通话（客户和时间）</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LifecycleModel</name>
    <message numerus="yes">
        <source>%1: %n customer(s), %2 %</source>
        <translation>
            <numerusform>%1：%n 位客户，占 %2 %</numerusform>
        </translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>占比 (%)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LogCallDialog</name>
    <message>
        <source>Log a call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <source>Keys 1–5 or the first letter pick the outcome here; Ctrl+1–5 from anywhere.</source>
        <translation>在此按 1–5 键选择通话结果；在任意位置按 Ctrl+1–5 也可。</translation>
    </message>
    <message>
        <source>D&amp;irection:</source>
        <translation>呼叫方向(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>通话结果(&amp;O)：</translation>
    </message>
    <message>
        <source>mm:ss</source>
        <translation>分:秒</translation>
    </message>
    <message>
        <source>Minutes and seconds. Typing here stops the timer.</source>
        <translation>分钟和秒数。在此输入会停止计时。</translation>
    </message>
    <message>
        <source>Dura&amp;tion:</source>
        <translation>时长(&amp;T)：</translation>
    </message>
    <message>
        <source>What was said, what was promised. Enter starts a new line.</source>
        <translation>沟通内容、承诺事项。按 Enter 换行。</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>+1 &amp;day</source>
        <translation>+1 天(&amp;D)</translation>
    </message>
    <message>
        <source>+&amp;3 days</source>
        <translation>+3 天(&amp;3)</translation>
    </message>
    <message>
        <source>+1 &amp;week</source>
        <translation>+1 周(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Follow-up:</source>
        <translation>下次跟进(&amp;F)：</translation>
    </message>
    <message>
        <source>No follow-&amp;up date</source>
        <translation>不设跟进日期(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>意向等级(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save and ne&amp;xt</source>
        <translation>保存并下一位(&amp;X)</translation>
    </message>
    <message>
        <source>Save, then log a call for the next customer in the queue (%1)</source>
        <translation>保存，然后为队列中的下一位客户记录通话（%1）</translation>
    </message>
    <message>
        <source>%1…%2 outcome · %3 save</source>
        <translation>%1…%2 通话结果 · %3 保存</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>意向等级</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Customer %1 was not found</source>
        <translation>未找到客户 %1</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Log a call — %1</source>
        <translation>记录通话 — %1</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>无电话号码</translation>
    </message>
    <message>
        <source>%1 (suggested by MAN)</source>
        <translation>%1（MAN 建议）</translation>
    </message>
    <message>
        <source>No grade</source>
        <translation>无意向等级</translation>
    </message>
    <message>
        <source>Never called</source>
        <translation>从未通话</translation>
    </message>
    <message>
        <source>%1, today · %2</source>
        <translation>%1，今天 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n day(s) ago · %2</source>
        <translation>
            <numerusform>%1，%n 天前 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation>尚未分级</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n day(s) overdue · %2</source>
        <translation>
            <numerusform>%1，逾期 %n 天 · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s) · %2</source>
        <translation>
            <numerusform>%1，%n 天后 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Unchanged (%1)</source>
        <translation>不变（%1）</translation>
    </message>
    <message>
        <source>Unchanged (none)</source>
        <translation>不变（无）</translation>
    </message>
    <message>
        <source>Clear the grade</source>
        <translation>清除意向等级</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Stop counting the call&apos;s duration</source>
        <translation>暂停通话计时</translation>
    </message>
    <message>
        <source>Go on counting from the duration shown</source>
        <translation>从当前显示的时长继续计时</translation>
    </message>
    <message>
        <source>no answer: try again tomorrow</source>
        <translation>未接听：明天再打</translation>
    </message>
    <message>
        <source>busy: try again tomorrow</source>
        <translation>占线：明天再打</translation>
    </message>
    <message>
        <source>wrong number: find the right one, call tomorrow</source>
        <translation>号码错误：找到正确号码，明天再打</translation>
    </message>
    <message>
        <source>voicemail: give them time to call back</source>
        <translation>语音信箱：留出时间等对方回电</translation>
    </message>
    <message>
        <source>Due again on %1 (%2).</source>
        <translation>下次跟进日期为 %1（%2）。</translation>
    </message>
    <message>
        <source>Today, %1: the customer stays in today&apos;s queue.</source>
        <translation>今天，%1：该客户仍保留在今日待拨中。</translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s)</source>
        <translation>
            <numerusform>%1，%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n day(s) — suggested: %2</source>
        <translation>
            <numerusform>%1，%n 天后 — 建议：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Call not saved</source>
        <translation>通话未保存</translation>
    </message>
    <message>
        <source>No database is open. Open one, then log the call again.</source>
        <translation>尚未打开数据库。请先打开数据库，再重新记录通话。</translation>
    </message>
    <message>
        <source>The duration must be minutes and seconds, like 4:30.</source>
        <translation>时长须为“分:秒”格式，例如 4:30。</translation>
    </message>
    <message>
        <source>Discard the call</source>
        <translation>放弃通话记录</translation>
    </message>
    <message>
        <source>Close without saving? The note you typed will be lost.</source>
        <translation>不保存就关闭吗？已输入的备注将会丢失。</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MainWindow</name>
    <message>
        <source>TierDesk</source>
        <translation>TierDesk</translation>
    </message>
    <message>
        <source>Today&apos;s calls</source>
        <translation>今日待拨</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>正在分级…</translation>
    </message>
    <message>
        <source>Classification failed</source>
        <translation>分级失败</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Try the &amp;demo database…</source>
        <translation>试用演示数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Export today&apos;s call list…</source>
        <translation>导出今日拨打清单(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print today&apos;s call list…</source>
        <translation>打印今日拨打清单(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open customer card</source>
        <translation>打开客户卡片(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>记录通话(&amp;L)…</translation>
    </message>
    <message>
        <source>Add an &amp;order…</source>
        <translation>添加订单(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s calls</source>
        <translation>今日待拨(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>图表(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Classify all customers now</source>
        <translation>立即为全部客户分级(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About TierDesk</source>
        <translation>关于 TierDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>customers.tierdesk</source>
        <translation>客户.tierdesk</translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite)</source>
        <translation>TierDesk 数据库 (*.tierdesk *.sqlite)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite);;All files (*)</source>
        <translation>TierDesk 数据库 (*.tierdesk *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Select a customer first.</source>
        <translation>请先选择一位客户。</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>%1 — TierDesk</source>
        <translation>%1 — TierDesk</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>统计日期：%1</translation>
    </message>
    <message>
        <source>Not classified yet (F5)</source>
        <translation>尚未分级（F5）</translation>
    </message>
    <message>
        <source>Classified %1</source>
        <translation>分级时间：%1</translation>
    </message>
    <message>
        <source>About TierDesk</source>
        <translation>关于 TierDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TierDesk %1&lt;/h3&gt;&lt;p&gt;A desktop CRM for small sales teams: customer tiers, RFM segments and who to call next. Your data stays in one file on this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TierDesk %1&lt;/h3&gt;&lt;p&gt;面向小型销售团队的桌面 CRM：客户分级、RFM 分群，告诉您下一个该联系谁。数据只保存在本机的一个文件中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>查找重复客户(&amp;D)…</translation>
    </message>
    <message>
        <source>Import or&amp;ders…</source>
        <translation>导入订单(&amp;D)…</translation>
    </message>
    <message>
        <source>Import c&amp;alls…</source>
        <translation>导入通话记录(&amp;A)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Indexing customers for search…</source>
        <translation>正在为搜索建立客户索引…</translation>
    </message>
    <message>
        <source>After a big import, the search index and the customer list&apos;s index by company are built in the background. Searches and sorting work meanwhile, more slowly.</source>
        <translation>大批导入后，搜索索引和客户列表按公司排序的索引会在后台建立。期间仍可搜索和排序，只是慢一些。</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MigrationModel</name>
    <message numerus="yes">
        <source>%n customer(s) stayed in %1</source>
        <translation>
            <numerusform>%n 位客户保持在 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) moved up from %1 to %2</source>
        <translation>
            <numerusform>%n 位客户从 %1 升至 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) moved down from %1 to %2</source>
        <translation>
            <numerusform>%n 位客户从 %1 降至 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new customer(s) in %1 (not classified last month)</source>
        <translation>
            <numerusform>%n 位客户新进入 %1（上月未分级）</numerusform>
        </translation>
    </message>
    <message>
        <source>Now %1</source>
        <comment>tier now</comment>
        <translation>现为 %1</translation>
    </message>
    <message>
        <source>New</source>
        <comment>customers without a tier last month</comment>
        <translation>新增</translation>
    </message>
    <message>
        <source>Was %1</source>
        <comment>tier last month</comment>
        <translation>原为 %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::OrderDialog</name>
    <message>
        <source>Add an order</source>
        <translation>添加订单</translation>
    </message>
    <message>
        <source>Add an order — %1</source>
        <translation>添加订单 — %1</translation>
    </message>
    <message>
        <source>Last order %1</source>
        <translation>最近下单：%1</translation>
    </message>
    <message>
        <source>%1 · last order %2</source>
        <translation>%1 · 最近下单：%2</translation>
    </message>
    <message>
        <source>Customer %1 was not found</source>
        <translation>未找到客户 %1</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Invoice number, products…</source>
        <translation>发票号、产品…</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>A negative amount is a refund, e.g. -200.00.</source>
        <translation>负数金额表示退款，例如 -200.00。</translation>
    </message>
    <message>
        <source>At most two decimals. Type thousands as 1234 or 1,234.</source>
        <translation>最多两位小数。千位可写作 1234 或 1,234。</translation>
    </message>
    <message>
        <source>Not an amount. Type it like 1234.50, or -200 for a refund.</source>
        <translation>金额无效。请按 1234.50 的格式输入；退款请输入负数，如 -200。</translation>
    </message>
    <message>
        <source>An amount of zero changes nothing.</source>
        <translation>金额为零，不会产生任何变化。</translation>
    </message>
    <message>
        <source>Refund of %1: it lowers the customer&apos;s spending.</source>
        <translation>退款 %1：将减少该客户的消费额。</translation>
    </message>
    <message>
        <source>Order of %1.</source>
        <translation>订单金额 %1。</translation>
    </message>
    <message>
        <source>Order not saved</source>
        <translation>订单未保存</translation>
    </message>
    <message>
        <source>No database is open. Open one, then add the order again.</source>
        <translation>尚未打开数据库。请先打开数据库，再重新添加订单。</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::PyramidModel</name>
    <message numerus="yes">
        <source>%1 — %n customer(s) · %2 % of revenue</source>
        <translation>
            <numerusform>%1 — %n 位客户 · 营收占比 %2 %</numerusform>
        </translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营收</translation>
    </message>
    <message>
        <source>Share of revenue (%)</source>
        <translation>营收占比 (%)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueView</name>
    <message>
        <source>&amp;Log call…</source>
        <translation>记录通话(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Apply suggestion</source>
        <translation>采纳建议(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Log a call with the selected customer, then go on to the next (Ctrl+L)</source>
        <translation>为所选客户记录通话，然后继续下一位（Ctrl+L）</translation>
    </message>
    <message>
        <source>Lower the grade as suggested: the grade was held without progress</source>
        <translation>按建议降低意向等级：保持该等级期间没有进展</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>%1 (me)</source>
        <translation>%1（我）</translation>
    </message>
    <message>
        <source>Calls for %1</source>
        <translation>%1 待拨电话</translation>
    </message>
    <message>
        <source>Nobody is due today. Well done.</source>
        <translation>今天没有需要跟进的客户，干得好！</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is &quot;N customers to call&quot;; %2 is &quot;N overdue&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) to call</source>
        <translation>
            <numerusform>待拨 %n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>逾期 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply suggestion: grade %1</source>
        <translation>采纳建议：降为 %1 级(&amp;A)</translation>
    </message>
    <message>
        <source>Grade not changed</source>
        <translation>意向等级未更改</translation>
    </message>
    <message>
        <source>Export call list</source>
        <extracomment>The suggested file name (without extension) of an exported call list; %1 is the day</extracomment>
        <translation>导出拨打清单</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>意向等级</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Why call</source>
        <translation>跟进原因</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Print call list</source>
        <translation>打印拨打清单</translation>
    </message>
    <message>
        <source>Save this call list as an Excel workbook (.xlsx) or as a CSV file for Excel, WPS and LibreOffice</source>
        <translation>将此拨打清单保存为 Excel 工作簿（.xlsx），或保存为可用 Excel、WPS 和 LibreOffice 打开的 CSV 文件</translation>
    </message>
    <message>
        <source>call-list-%1</source>
        <translation>拨打清单-%1</translation>
    </message>
    <message>
        <source>Only the first %1 customers due are printed. Export the call list for all of them.</source>
        <translation>仅打印前 %1 位到期客户。如需全部客户，请导出拨打清单。</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>The printer reported an error while printing the call list. Check the printer and try again.</source>
        <translation>打印拨打清单时打印机报告了错误。请检查打印机后重试。</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::RfmGridModel</name>
    <message numerus="yes">
        <source>R %1 · F %2 — %3: %n buyer(s)</source>
        <translation>
            <numerusform>R %1 · F %2 — %3：%n 位成交客户</numerusform>
        </translation>
    </message>
    <message>
        <source>F %1</source>
        <comment>frequency score</comment>
        <translation>F %1</translation>
    </message>
    <message>
        <source>R %1</source>
        <comment>recency score</comment>
        <translation>R %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::Session</name>
    <message>
        <source>Customer %1 no longer exists.</source>
        <translation>客户 %1 已不存在。</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SettingsDialog</name>
    <message numerus="yes">
        <source> day(s)</source>
        <comment>spin box suffix</comment>
        <translation>
            <numerusform> 天</numerusform>
        </translation>
    </message>
    <message>
        <source> %</source>
        <comment>spin box suffix</comment>
        <translation> %</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>You</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Tiers &amp;&amp; stages</source>
        <translation>等级与阶段</translation>
    </message>
    <message>
        <source>Follow-up cadence</source>
        <translation>跟进周期</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Tag rules</source>
        <translation>标签规则</translation>
    </message>
    <message>
        <source>&amp;Restore Defaults</source>
        <translation>恢复默认值(&amp;R)</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>These preferences belong to you and are kept on this computer, not in the team database.</source>
        <translation>这些偏好设置只属于您，保存在本机上，而不是团队数据库中。</translation>
    </message>
    <message>
        <source>e.g. 李娜</source>
        <translation>例如：李娜</translation>
    </message>
    <message>
        <source>The owner of the customers you add; your queue shows your own customers first.</source>
        <translation>作为您新增客户的负责人；跟进队列会优先显示您自己的客户。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language is used the next time you start TierDesk.</source>
        <translation>新语言将在下次启动 TierDesk 时生效。</translation>
    </message>
    <message>
        <source>Value tiers (ABC pyramid)</source>
        <translation>价值等级（ABC 金字塔）</translation>
    </message>
    <message>
        <source>Customers who spent in the window, ranked by spend. Ties at a boundary go to the better tier.</source>
        <translation>统计期内有消费的客户，按消费额排名。处于分界线上的并列客户归入较高等级。</translation>
    </message>
    <message>
        <source>Tier &amp;A (key), top:</source>
        <translation>A 级（关键客户）占前(&amp;A)：</translation>
    </message>
    <message>
        <source>The best-spending customers in this share are key customers (A).</source>
        <translation>消费额最高、位于此比例内的客户为关键客户（A）。</translation>
    </message>
    <message>
        <source>Tiers A + &amp;B, top:</source>
        <translation>A + B 级累计占前(&amp;B)：</translation>
    </message>
    <message>
        <source>Cumulative: the customers in this share who are not A are major customers (B).</source>
        <translation>累计比例：此比例内不属于 A 级的客户为主要客户（B）。</translation>
    </message>
    <message>
        <source>Time windows</source>
        <translation>统计期</translation>
    </message>
    <message>
        <source>Spend is summed over the window; its recent half is compared with the half before it to find growth and decline.</source>
        <translation>消费额按统计期汇总；用近半期与前半期比较，判断成长或衰退。</translation>
    </message>
    <message>
        <source>Spend &amp;window:</source>
        <translation>消费统计期(&amp;W)：</translation>
    </message>
    <message>
        <source>Orders in this many days up to today count towards spend, frequency and tiers.</source>
        <translation>截至今天、在此天数内的订单计入消费额、购买频次和价值等级。</translation>
    </message>
    <message>
        <source>&amp;Half-window:</source>
        <translation>半期(&amp;H)：</translation>
    </message>
    <message>
        <source>Two half-windows must fit in the window.</source>
        <translation>两个半期之和不能超过统计期。</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>The latest touch is the latest order or call. Customers touched longer ago are silent.</source>
        <translation>最近互动指最近一次下单或通话。更久未互动的客户视为沉默。</translation>
    </message>
    <message>
        <source>%1 — &amp;touched within:</source>
        <translation>%1 — 最近互动不超过(&amp;T)：</translation>
    </message>
    <message>
        <source>%1 — touched w&amp;ithin:</source>
        <translation>%1 — 最近互动不超过(&amp;I)：</translation>
    </message>
    <message>
        <source>Lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <source>The first stage that matches, from the top. Recent spend is the spend of the recent half-window, compared with the half-window before it.</source>
        <translation>自上而下，取第一个符合的阶段。近期消费指近半期的消费额，与前半期相比较。</translation>
    </message>
    <message>
        <source>&amp;%1 — first order within:</source>
        <translation>%1 — 首单距今少于(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;%1 — no order for:</source>
        <translation>%1 — 未下单已达(&amp;L)：</translation>
    </message>
    <message>
        <source>%1 — or recent spend &amp;under:</source>
        <translation>%1 — 或近期消费低于(&amp;U)：</translation>
    </message>
    <message>
        <source>Declining when the recent spend is below this share of the previous half&apos;s.</source>
        <translation>近期消费低于前半期消费的此比例时，视为衰退期。</translation>
    </message>
    <message>
        <source>&amp;%1 — recent spend over:</source>
        <translation>%1 — 近期消费高于(&amp;G)：</translation>
    </message>
    <message>
        <source>Growing when the recent spend is above this share of the previous half&apos;s.</source>
        <translation>近期消费高于前半期消费的此比例时，视为成长期。</translation>
    </message>
    <message>
        <source>Intent grades</source>
        <translation>意向等级</translation>
    </message>
    <message>
        <source>Suggest de&amp;motion after:</source>
        <translation>建议降级时限(&amp;M)：</translation>
    </message>
    <message>
        <source>S or A held this long without an order, or B without a reached call, is suggested one grade lower.</source>
        <translation>S 或 A 级保持这么久仍无订单，或 B 级这么久没有接通的通话，将建议降低一级。</translation>
    </message>
    <message>
        <source>RFM value matrix</source>
        <translation>RFM 价值矩阵</translation>
    </message>
    <message>
        <source>An R, F or M score from this value up counts as high in the value matrix.</source>
        <translation>R、F 或 M 评分达到此值及以上，在价值矩阵中视为“高”。</translation>
    </message>
    <message>
        <source>A score is high &amp;from:</source>
        <translation>评分视为“高”的起点(&amp;F)：</translation>
    </message>
    <message>
        <source>These settings are kept in the team database and apply to everyone who opens it. Tiers, stages and due dates change at the next classification.</source>
        <translation>这些设置保存在团队数据库中，对所有打开该数据库的人生效。等级、阶段和到期日会在下次分级时更新。</translation>
    </message>
    <message>
        <source>By intent grade</source>
        <translation>按意向等级</translation>
    </message>
    <message>
        <source>Days between follow-up calls for a customer with a grade.</source>
        <translation>有意向等级的客户两次跟进通话之间的天数。</translation>
    </message>
    <message>
        <source>&amp;%1:</source>
        <comment>form label; the first letter is the mnemonic</comment>
        <translation>&amp;%1：</translation>
    </message>
    <message>
        <source>Buyers without a grade</source>
        <translation>无意向等级的成交客户</translation>
    </message>
    <message>
        <source>By value tier.</source>
        <translation>按价值等级。</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form label</comment>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Everyone else</source>
        <translation>其他客户</translation>
    </message>
    <message>
        <source>&amp;Prospects without a grade:</source>
        <translation>无意向等级的潜在客户(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Win-back, at least every:</source>
        <translation>挽回跟进，至少每(&amp;W)：</translation>
    </message>
    <message>
        <source>A declining customer is called at least this often, whatever the cadence above.</source>
        <translation>无论上述跟进周期如何，衰退期客户至少按此频率致电。</translation>
    </message>
    <message>
        <source>A customer is due this many days after the last call, unless the call set a follow-up date.</source>
        <translation>客户在上次通话后经过此天数即到期待跟进，除非该次通话设置了跟进日期。</translation>
    </message>
    <message>
        <source>Suggested action per RFM segment</source>
        <translation>各 RFM 分群的建议措施</translation>
    </message>
    <message>
        <source>Shown with the segment on the customer card. Leave a line empty to use the built-in text.</source>
        <translation>在客户卡片上与分群一同显示。留空则使用内置文本。</translation>
    </message>
    <message>
        <source>R %1 F %2</source>
        <comment>RFM scores of a segment map cell</comment>
        <translation>R %1 F %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;A tag rule gives its tag to every customer whose condition holds. Rules are applied at every classification; their tags are shown beside the tags you set by hand.&lt;/p&gt;&lt;p&gt;Examples:&lt;br&gt;%1 — spent at least 100,000 in the window&lt;br&gt;%2 — key and major customers who are declining&lt;/p&gt;&lt;p&gt;Fields: %3. Combine conditions with &lt;i&gt;and&lt;/i&gt;, &lt;i&gt;or&lt;/i&gt;, &lt;i&gt;not&lt;/i&gt; and parentheses.&lt;/p&gt;</source>
        <translation>&lt;p&gt;标签规则会为所有满足条件的客户打上对应标签。每次分级时都会应用规则；规则产生的标签显示在手动设置的标签旁边。&lt;/p&gt;&lt;p&gt;示例：&lt;br&gt;%1 — 统计期内消费至少 100,000&lt;br&gt;%2 — 处于衰退期的关键客户和主要客户&lt;/p&gt;&lt;p&gt;可用字段：%3。可用 &lt;i&gt;and&lt;/i&gt;、&lt;i&gt;or&lt;/i&gt;、&lt;i&gt;not&lt;/i&gt; 和括号组合多个条件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation>添加规则(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move Rule</source>
        <translation>删除规则(&amp;M)</translation>
    </message>
    <message>
        <source>Rule %1 needs a tag name.</source>
        <translation>规则 %1 需要填写标签名称。</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <source>Rule %1 (“%2”): %3</source>
        <translation>规则 %1（“%2”）：%3</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Set every threshold, cadence and suggested action back to the built-in values? Your tag rules, name and language are kept. Nothing is saved until you press OK.</source>
        <translation>将所有阈值、跟进周期和建议措施恢复为内置值吗？您的标签规则、姓名和语言设置将保留。按“确定”之前不会保存任何更改。</translation>
    </message>
    <message>
        <source>Settings Not Saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>Reclassify Now?</source>
        <translation>立即重新分级？</translation>
    </message>
    <message>
        <source>The new settings change tiers, stages and due dates at the next classification. Reclassify all customers now? It runs in the background.</source>
        <translation>新设置将在下次分级时改变等级、阶段和到期日。现在就为全部客户重新分级吗？分级将在后台进行。</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TableLayout</name>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to TierDesk</source>
        <translation>欢迎使用 TierDesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to TierDesk&lt;/h2&gt;&lt;p&gt;Keep your customers on your own computer, log every call in seconds, and let TierDesk tell you who to call next.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 TierDesk&lt;/h2&gt;&lt;p&gt;客户数据保存在您自己的电脑上，几秒钟就能记录一通电话，由 TierDesk 告诉您下一个该联系谁。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation>使用演示数据试用</translation>
    </message>
    <message>
        <source>A sample team with 5,000 customers, three years of orders and calls.</source>
        <translation>一个示例团队，包含 5,000 位客户及三年的订单和通话记录。</translation>
    </message>
    <message>
        <source>Start a new, empty database</source>
        <translation>新建空数据库</translation>
    </message>
    <message>
        <source>Your customers stay in one file on this computer.</source>
        <translation>您的客户数据保存在本机的一个文件中。</translation>
    </message>
    <message>
        <source>Open an existing database…</source>
        <translation>打开已有数据库…</translation>
    </message>
    <message>
        <source>A TierDesk file from you or your team.</source>
        <translation>您或团队的 TierDesk 文件。</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <source>Demo not created</source>
        <translation>演示数据库未创建</translation>
    </message>
    <message>
        <source>customers.tierdesk</source>
        <translation>客户.tierdesk</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite)</source>
        <translation>TierDesk 数据库 (*.tierdesk *.sqlite)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>TierDesk databases (*.tierdesk *.sqlite);;All files (*)</source>
        <translation>TierDesk 数据库 (*.tierdesk *.sqlite);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::format</name>
    <message>
        <source>MMMM yyyy</source>
        <extracomment>A QDate format for a month of a year; Chinese: yyyy年M月</extracomment>
        <translation>yyyy年M月</translation>
    </message>
</context>
</TS>
