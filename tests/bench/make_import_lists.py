#!/usr/bin/env python3
"""tests/bench/make_import_lists.py [DIR]: lists a sales team would import into the 1M benchmark database (/tmp/bench/1000000).

customers-2000-gb18030.csv, customers-20000-utf8.csv: a fair's or another CRM's list, most rows new
(altered names, new phones/e-mails), ~15 % already customers (same phone in another format, or the
same e-mail in capitals), a few repeated inside the file, a few malformed (no name and no contact,
a bad e-mail, a row too short, a row too long).
orders-20000.csv, calls-20000.csv: orders and calls of June 2026 for existing customers, found by
id (half), phone (a third, in another format) or e-mail; ~5 % already in the database; a few bad.
"""
import csv, random, sys, io
random.seed(20260630)
src = '/tmp/bench/1000000'  # the benchmark data of 1M customers (run.sh)
out = sys.argv[1] if len(sys.argv) > 1 else '.'  # where the four lists go

cust = []
with open(f'{src}/customers.csv', newline='', encoding='utf-8') as f:
    r = csv.reader(f); hdr = next(r)
    for row in r:
        cust.append(row)
N = len(cust)

def reformat(phone):
    d = ''.join(ch for ch in phone if ch.isdigit())
    if d.startswith('0086'): d = d[4:]
    if d.startswith('86') and len(d) == 13: d = d[2:]
    if len(d) == 11 and d[0] == '1':
        return random.choice([d, f'+86 {d[:3]} {d[3:7]} {d[7:]}', f'{d[:3]}-{d[3:7]}-{d[7:]}'])
    return phone.replace(' ', '-')

def new_phone():
    return '1' + random.choice('3589') + ''.join(random.choice('0123456789') for _ in range(9))

def customer_list(n, path, encoding):
    rows = []
    for i in range(n):
        base = cust[random.randrange(N)]
        # id,name,company,type,phone,email,city,owner,created_at,intent,tags
        name, company, typ, phone, email, city = base[1], base[2], base[3], base[4], base[5], base[6]
        k = random.random()
        if k < 0.10:      # the same phone in another format
            phone = reformat(phone); email = ''
        elif k < 0.15:    # the same e-mail, capitalised
            phone = ''; email = email.upper()
        else:             # new
            name = name + random.choice(['', '', ' Jr', '二'])
            phone = new_phone()
            email = f'lead{i}.{random.randrange(10**6)}@example.cn' if random.random() < 0.6 else ''
        rows.append([name, company, typ, phone, email, city, '张伟', '2026-06-2%d' % random.randrange(10),
                     random.choice(['', 'A', 'B', 'C']), random.choice(['', '展会', '展会,高潜力'])])
    for j in range(n // 100):   # repeated in the file
        rows.insert(random.randrange(len(rows)), list(rows[random.randrange(len(rows))]))
    for j in range(max(5, n // 400)):   # malformed
        k = j % 4
        if k == 0: bad = ['', '', '', '', '', '北京', '', '', '', '']            # no name, no contact
        elif k == 1: bad = ['王小明', '', '', new_phone(), 'not-an-email', '上海', '', '', '', '']
        elif k == 2: bad = ['李四', '', '', new_phone(), '', '深圳', '', '', '', '', '多余', '更多']
        else: bad = ['赵六', '']   # too few
        rows.insert(random.randrange(len(rows)), bad)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\r\n')
    w.writerow(['客户名称', '公司', '类型', '手机', '邮箱', '城市', '负责人', '创建日期', '意向', '标签'])
    w.writerows(rows)
    with open(f'{out}/{path}', 'wb') as f:
        f.write(buf.getvalue().encode(encoding))

def contact(base):
    k = random.random()
    if k < 0.5: return [base[0], '', '']
    if k < 0.85 and base[4]: return ['', reformat(base[4]), '']
    if base[5]: return ['', '', base[5]]
    return [base[0], '', '']

def recent(path, n):
    """The last n rows of a big CSV (existing rows of the last days)."""
    with open(path, 'rb') as f:
        f.seek(-n * 400, 2); tail = f.read().decode('utf-8', 'replace').splitlines()[1:]
    return list(csv.reader(tail))[-n:]

def orders(n, path):
    existing = recent(f'{src}/orders.csv', 3000)
    rows = []
    for i in range(n):
        if random.random() < 0.05:
            o = random.choice(existing)      # id,customer_id,ordered_at,amount,profit
            base = cust[int(o[1]) - 1]
            rows.append([f'SO{900000 + i}', *[base[0], '', ''], o[2], o[3], o[4]])
            continue
        base = cust[random.randrange(N)]
        amount = round(random.uniform(50, 8000), 2)
        rows.append([f'SO{900000 + i}', *contact(base), '2026-06-%02d' % random.randint(1, 29), f'{amount:.2f}',
                     f'{amount * 0.3:.2f}'])
    for j in range(20):
        rows[random.randrange(n)] = [f'SO{j}', '', '', '', '2026-06-10', 'abc', '']  # no customer, bad amount
    with open(f'{out}/{path}', 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f); w.writerow(['订单号', '客户编号', '手机', '邮箱', '下单日期', '金额', '利润']); w.writerows(rows)

def calls(n, path):
    existing = recent(f'{src}/calls.csv', 3000)
    rows = []
    for i in range(n):
        if random.random() < 0.05:
            c = random.choice(existing)   # id,customer_id,called_at,direction,outcome,duration_s,next,note
            rows.append([c[1], '', '', c[2], c[3], c[4], c[5], c[6], c[7]])
            continue
        base = cust[random.randrange(N)]
        t = '2026-06-%02dT%02d:%02d:%02d' % (random.randint(1, 29), random.randint(9, 18), random.randrange(60),
                                             random.randrange(60))
        rows.append([*contact(base), t, random.choice(['out', 'out', 'in']),
                     random.choice(['reached', 'reached', 'no_answer', 'busy']), random.randint(10, 600),
                     random.choice(['', '2026-07-0%d' % random.randint(1, 9)]), random.choice(['', '报价', '回访'])])
    for j in range(20):
        rows[random.randrange(n)] = ['', '', '', 'yesterday', 'out', 'reached', '', '', '']
    with open(f'{out}/{path}', 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['customer_id', 'phone', 'email', 'called_at', 'direction', 'outcome', 'duration_s',
                    'next_follow_up', 'note'])
        w.writerows(rows)

customer_list(2000, 'customers-2000-gb18030.csv', 'gb18030')
customer_list(20000, 'customers-20000-utf8.csv', 'utf-8')
orders(20000, 'orders-20000.csv')
calls(20000, 'calls-20000.csv')
