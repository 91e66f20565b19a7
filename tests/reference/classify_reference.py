#!/usr/bin/env python3
"""Independent reference implementation of TierDesk's customer classification.

Reads customers.csv, orders.csv and calls.csv (interchange format) from DATA_DIR and writes one
row per customer, ordered by id ascending:

    id,recency_days,frequency,monetary,r,f,m,value_tier,freq_tier,loyalty,lifecycle,engagement,
    segment,matrix,due_date

The rules are those of shared/spec/classification.md and rfm-segments.md with their default
settings. Python 3 standard library only; money is kept in integer cents and every threshold is
computed in integers. See README.md beside this file for each reading of the spec that had to be
chosen.

    classify_reference.py DATA_DIR --as-of YYYY-MM-DD --out FILE.csv
        [--queue QUEUE.csv] [--keys KEYS.csv] [--due-clamp all|after-t|none]
"""
import argparse
import csv
import datetime as dt
import re
import sys
from bisect import bisect_left, bisect_right

# Default settings (classification.md). Shares and ratios are exact fractions (num, den).
WINDOW_DAYS = 365
HALF_DAYS = 180
TIER_A_SHARE = (5, 100)
TIER_B_SHARE = (20, 100)
NEW_DAYS = 90
LOST_DAYS = 365
DECLINE_DAYS = 180
DECLINE_RATIO = (1, 2)      # spend_recent < 0.5 * spend_prev
GROWTH_RATIO = (6, 5)       # spend_recent > 1.2 * spend_prev
ACTIVE_DAYS = 30
SILENT_DAYS = 90
RFM_HIGH_FROM = 4
CADENCE_BY_GRADE = {"S": 1, "A": 3, "B": 5, "C": 30, "D": 90}
CADENCE_BY_TIER = {"A": 14, "B": 30, "C": 60, "D": 90}
CADENCE_OTHER = 30
DECLINE_CADENCE_CAP = 7
PRIORITY_BY_GRADE = {"S": 0, "A": 1, "B": 2, "C": 3, "D": 4}
PRIORITY_BY_TIER = {"A": 1, "B": 2, "C": 3, "D": 4}
PRIORITY_NONE = 5

# rfm-segments.md §1: rows R = 5..1, columns F = 1..5.
SEGMENT_MAP = {
    5: ["new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions"],
    4: ["promising", "potential_loyalists", "potential_loyalists", "loyal_customers", "loyal_customers"],
    3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal_customers", "loyal_customers"],
    2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
    1: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
}
# rfm-segments.md §2: (R high, F high, M high) -> name.
MATRIX = {
    (True, True, True): "important_value",
    (True, False, True): "important_develop",
    (False, True, True): "important_retain",
    (False, False, True): "important_win_back",
    (True, True, False): "general_value",
    (True, False, False): "general_develop",
    (False, True, False): "general_retain",
    (False, False, False): "general_win_back",
}

OUT_COLUMNS = ["id", "recency_days", "frequency", "monetary", "r", "f", "m", "value_tier",
               "freq_tier", "loyalty", "lifecycle", "engagement", "segment", "matrix", "due_date"]

# re.ASCII: \d must not match full-width or other Unicode digits.
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
DATETIME_RE = re.compile(r"(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d", re.ASCII)
AMOUNT_RE = re.compile(r"([+-]?)(\d*)(?:\.(\d{0,2}))?", re.ASCII)
ID_RE = re.compile(r"[0-9]+", re.ASCII)


class DataError(Exception):
    pass


class LocatedError(DataError):
    """A DataError whose message already names the file (and line)."""


_date_cache = {}


def parse_date(s):
    """'YYYY-MM-DD' -> proleptic ordinal (int); strict."""
    d = _date_cache.get(s)
    if d is None:
        if not DATE_RE.fullmatch(s):
            raise DataError("bad date %r" % s)
        try:
            d = dt.date(int(s[0:4]), int(s[5:7]), int(s[8:10])).toordinal()
        except ValueError:
            raise DataError("bad date %r" % s) from None
        _date_cache[s] = d
    return d


def fmt_date(ordinal):
    return dt.date.fromordinal(ordinal).isoformat()


def parse_cents(s):
    """Exact decimal with at most two places -> integer cents. Never goes through float."""
    m = AMOUNT_RE.fullmatch(s)
    if not m or (not m.group(2) and not m.group(3)):
        raise DataError("bad amount %r" % s)
    sign, ip, fp = m.groups()
    fp = (fp or "").ljust(2, "0")
    v = int(ip or "0") * 100 + int(fp)
    return -v if sign == "-" else v


def fmt_cents(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return "%s%d.%02d" % (sign, c // 100, c % 100)


def parse_id(s):
    if not ID_RE.fullmatch(s) or int(s) <= 0:
        raise DataError("bad id %r" % s)
    return int(s)


def ceil_share(n, share):
    num, den = share
    return (n * num + den - 1) // den


def open_csv(path):
    f = open(path, newline="", encoding="utf-8-sig")
    r = csv.reader(f)
    try:
        header = next(r)
    except StopIteration:
        raise LocatedError("%s: empty file (no header)" % path) from None
    return f, r, header


def columns(header, path, names):
    idx = []
    for n in names:
        if n not in header:
            raise LocatedError("%s: missing column %r" % (path, n))
        idx.append(header.index(n))
    return idx


# ---------------------------------------------------------------- duplicate keys (§13)
_FULLWIDTH_DIGITS = {chr(0xFF10 + k): chr(0x30 + k) for k in range(10)}


def phone_key(phone):
    digits = "".join(_FULLWIDTH_DIGITS.get(ch, ch) for ch in phone
                     if "0" <= ch <= "9" or ch in _FULLWIDTH_DIGITS)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= 7 else ""


def email_key(email):
    return email.strip().lower()


# ---------------------------------------------------------------- loading
def read_rows(path, names):
    """Yields (line number, [the named fields]) for every record of a CSV file."""
    f, r, header = open_csv(path)
    idx = columns(header, path, names)
    width = len(header)
    with f:
        for row in r:
            if len(row) != width:
                raise LocatedError("%s:%d: %d fields, header has %d" % (path, r.line_num, len(row), width))
            yield r.line_num, [row[i] for i in idx]


def load(data_dir, T):
    """Reads the three files; returns the customers (dicts, sorted by id) with their raw metrics."""
    cust = {}
    path = data_dir + "/customers.csv"
    line = 0
    try:
        for line, (sid, created, intent, phone, email) in read_rows(
                path, ["id", "created_at", "intent", "phone", "email"]):
            cid = parse_id(sid)
            if cid in cust:
                raise DataError("duplicate customer id %d" % cid)
            if intent not in ("", "S", "A", "B", "C", "D"):
                raise DataError("bad intent %r" % intent)
            cust[cid] = {
                "id": cid,
                "created": parse_date(created),
                "grade": intent or None,
                "phone": phone,
                "email": email,
                # metrics, filled below
                "orders_total": 0, "first": None, "last": None, "freq": 0,
                "mon": 0, "recent": 0, "prev": 0,
                "call": None,  # (called_at, call id, next_follow_up or None) of the latest call <= T
            }
    except LocatedError:
        raise
    except DataError as e:
        raise LocatedError("%s:%d: %s" % (path, line, e)) from None

    w_lo = T - WINDOW_DAYS          # W:  w_lo  < d <= T
    h1_lo = T - HALF_DAYS           # H1: h1_lo < d <= T
    h0_lo = T - 2 * HALF_DAYS       # H0: h0_lo < d <= h1_lo

    path = data_dir + "/orders.csv"
    seen = set()
    line = 0
    try:
        for line, (sid, scid, sdate, samt) in read_rows(
                path, ["id", "customer_id", "ordered_at", "amount"]):
            oid = parse_id(sid)
            if oid in seen:
                raise DataError("duplicate order id %d" % oid)
            seen.add(oid)
            c = cust.get(parse_id(scid))
            if c is None:
                raise DataError("unknown customer_id %r" % scid)
            d = parse_date(sdate)
            a = parse_cents(samt)
            if d > T:
                continue                # ignored entirely
            if a > 0:
                c["orders_total"] += 1
                if c["first"] is None or d < c["first"]:
                    c["first"] = d
                if c["last"] is None or d > c["last"]:
                    c["last"] = d
                if d > w_lo:
                    c["freq"] += 1
            if d > w_lo:
                c["mon"] += a
                if d > h1_lo:
                    c["recent"] += a
                elif d > h0_lo:
                    c["prev"] += a
    except LocatedError:
        raise
    except DataError as e:
        raise LocatedError("%s:%d: %s" % (path, line, e)) from None

    path = data_dir + "/calls.csv"
    seen = set()
    line = 0
    try:
        for line, (sid, scid, at, snfu) in read_rows(
                path, ["id", "customer_id", "called_at", "next_follow_up"]):
            kid = parse_id(sid)
            if kid in seen:
                raise DataError("duplicate call id %d" % kid)
            seen.add(kid)
            c = cust.get(parse_id(scid))
            if c is None:
                raise DataError("unknown customer_id %r" % scid)
            m = DATETIME_RE.fullmatch(at)
            if not m:
                raise DataError("bad called_at %r" % at)
            d = parse_date(m.group(1))
            nfu = parse_date(snfu) if snfu else None
            if d > T:
                continue                # ignored entirely
            # The fixed-width 'YYYY-MM-DDTHH:MM:SS' orders as text exactly as the time stamp;
            # on equal time stamps the greater call id wins.
            cur = c["call"]
            if cur is None or (at, kid) > (cur[0], cur[1]):
                c["call"] = (at, kid, nfu)
    except LocatedError:
        raise
    except DataError as e:
        raise LocatedError("%s:%d: %s" % (path, line, e)) from None
    return [cust[k] for k in sorted(cust)]


# ---------------------------------------------------------------- classification
def classify(customers, T, due_clamp="all"):
    buyers = [c for c in customers if c["orders_total"] >= 1]
    n = len(buyers)

    # §3 RFM scores: RANK() from worst to best, ties share the lowest rank.
    rec = sorted(T - c["last"] for c in buyers)
    frq = sorted(c["freq"] for c in buyers)
    mon = sorted(c["mon"] for c in buyers)

    def score(rank):
        return min(5, 1 + (5 * (rank - 1)) // n)

    for c in customers:
        c["recency"] = (T - c["last"]) if c["last"] is not None else None
        if c["orders_total"] >= 1:
            # R: recency descending -> rank = 1 + number of buyers with a strictly larger recency
            c["r"] = score(1 + n - bisect_right(rec, c["recency"]))
            # F, M ascending -> rank = 1 + number of buyers with a strictly smaller value
            c["f"] = score(1 + bisect_left(frq, c["freq"]))
            c["m"] = score(1 + bisect_left(mon, c["mon"]))
        else:
            c["r"] = c["f"] = c["m"] = None

    # §4 value tier: population monetary > 0, RANK() by monetary descending.
    pop = sorted(c["mon"] for c in customers if c["mon"] > 0)
    p = len(pop)
    a_cut = ceil_share(p, TIER_A_SHARE)
    b_cut = ceil_share(p, TIER_B_SHARE)
    for c in customers:
        if c["mon"] > 0:
            rank = 1 + p - bisect_right(pop, c["mon"])   # 1 + number with strictly larger monetary
            c["tier"] = "A" if rank <= a_cut else "B" if rank <= b_cut else "C"
            c["tier_rank"] = rank
        else:
            c["tier"] = "D"
            c["tier_rank"] = None

    for c in customers:
        buyer = c["orders_total"] >= 1
        # §5 frequency tier
        if buyer:
            c["freq_tier"] = "high" if c["f"] >= 4 else "mid" if c["f"] == 3 else "low"
        else:
            c["freq_tier"] = None
        # §6 loyalty
        if not buyer:
            c["loyalty"] = None
        elif c["r"] >= 4 and c["f"] >= 4 and c["orders_total"] >= 2:
            c["loyalty"] = "high"
        elif c["r"] <= 2 or c["orders_total"] <= 1:
            c["loyalty"] = "low"
        else:
            c["loyalty"] = "mid"
        # §7 lifecycle
        sr, sp = c["recent"], c["prev"]
        dnum, dden = DECLINE_RATIO
        gnum, gden = GROWTH_RATIO
        if not buyer:
            life = "prospect"
        elif T - c["first"] < NEW_DAYS:
            life = "new"
        elif c["recency"] >= LOST_DAYS:
            life = "lost"
        elif c["recency"] >= DECLINE_DAYS or (sp > 0 and dden * sr < dnum * sp):
            life = "decline"
        elif gden * sr > gnum * sp:
            life = "growth"
        else:
            life = "mature"
        c["lifecycle"] = life
        # §8 engagement
        call = c["call"]
        last_contact = parse_date(call[0][:10]) if call else None
        c["last_contact"] = last_contact
        touches = [x for x in (c["last"], last_contact) if x is not None]
        if touches and T - max(touches) <= ACTIVE_DAYS:
            c["engagement"] = "active"
        elif touches and T - max(touches) <= SILENT_DAYS:
            c["engagement"] = "normal"
        else:
            c["engagement"] = "silent"
        # rfm-segments.md
        if buyer:
            c["segment"] = SEGMENT_MAP[c["r"]][c["f"] - 1]
            c["matrix"] = MATRIX[(c["r"] >= RFM_HIGH_FROM, c["f"] >= RFM_HIGH_FROM, c["m"] >= RFM_HIGH_FROM)]
        else:
            c["segment"] = c["matrix"] = None
        # §10 cadence and due date
        if c["grade"] is not None:
            cadence = CADENCE_BY_GRADE[c["grade"]]
        elif buyer:
            cadence = CADENCE_BY_TIER[c["tier"]]
        else:
            cadence = CADENCE_OTHER
        if life == "decline":
            cadence = min(cadence, DECLINE_CADENCE_CAP)
        c["cadence"] = cadence
        if call is not None and call[2] is not None:
            due, basis = call[2], "follow_up"
        elif call is not None:
            due, basis = last_contact + cadence, "cadence"
        else:
            due, basis = c["created"], "never_contacted"
        if due_clamp == "all" or (due_clamp == "after-t" and c["created"] > T):
            if due < c["created"]:
                due = c["created"]
        c["due"] = due
        c["due_basis"] = basis
        # §10 priority class
        if c["grade"] is not None:
            c["priority"] = PRIORITY_BY_GRADE[c["grade"]]
        elif buyer:
            c["priority"] = PRIORITY_BY_TIER[c["tier"]]
        else:
            c["priority"] = PRIORITY_NONE


def opt(v):
    return "" if v is None else str(v)


def write_result(customers, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(OUT_COLUMNS)
        for c in customers:
            w.writerow([c["id"], opt(c["recency"]), c["freq"], fmt_cents(c["mon"]),
                        opt(c["r"]), opt(c["f"]), opt(c["m"]), c["tier"], opt(c["freq_tier"]),
                        opt(c["loyalty"]), c["lifecycle"], c["engagement"], opt(c["segment"]),
                        opt(c["matrix"]), fmt_date(c["due"])])


def write_queue(customers, T, path):
    """The follow-up queue on T (§10): due <= T, by priority class, days overdue desc,
    monetary desc, id asc. Extra output, not part of the main comparison."""
    q = [c for c in customers if c["due"] <= T]
    q.sort(key=lambda c: (c["priority"], -(T - c["due"]), -c["mon"], c["id"]))
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["position", "id", "priority", "due_date", "days_overdue", "monetary",
                    "basis", "cadence"])
        for k, c in enumerate(q, 1):
            w.writerow([k, c["id"], c["priority"], fmt_date(c["due"]), T - c["due"],
                        fmt_cents(c["mon"]), c["due_basis"], c["cadence"]])


def write_keys(customers, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "phone_key", "email_key"])
        for c in customers:
            w.writerow([c["id"], phone_key(c["phone"]), email_key(c["email"])])


def main(argv=None):
    ap = argparse.ArgumentParser(description="TierDesk classification, reference implementation")
    ap.add_argument("data_dir", metavar="DATA_DIR")
    ap.add_argument("--as-of", required=True, metavar="YYYY-MM-DD")
    ap.add_argument("--out", required=True, metavar="FILE.csv")
    ap.add_argument("--queue", metavar="QUEUE.csv", help="also write the follow-up queue on T")
    ap.add_argument("--keys", metavar="KEYS.csv", help="also write the duplicate keys (phone, e-mail)")
    ap.add_argument("--due-clamp", choices=["all", "after-t", "none"], default="all",
                    help="which customers have due raised to created_at (default: all)")
    args = ap.parse_args(argv)
    try:
        T = parse_date(args.as_of)
        customers = load(args.data_dir, T)
    except (DataError, OSError) as e:
        print("classify_reference: %s" % e, file=sys.stderr)
        return 2
    classify(customers, T, args.due_clamp)
    write_result(customers, args.out)
    if args.queue:
        write_queue(customers, T, args.queue)
    if args.keys:
        write_keys(customers, args.keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
