#!/usr/bin/env python3
"""Compares two classification result files (the format classify_reference.py writes).

    compare_classification.py EXPECTED.csv ACTUAL.csv

Rows are matched by id. Prints, per column, the number of mismatching rows and up to 5 examples
(id, expected, actual), then a last line `N passed, M failed` counting columns that matched fully
or not. The id column passes only when both files hold the same ids in the same order (and no id
twice); any other column fails when it is missing from ACTUAL, sits at another position, or differs
in any row present in both files. Exit status 0 iff the files have identical content (same header,
same rows in the same order, same values), 1 otherwise, 2 on a usage or read error.
Values are compared as exact strings: "1234.50" and "1234.5" differ on purpose.
"""
import csv
import sys

EXAMPLES = 5


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = csv.reader(f)
        try:
            header = next(r)
        except StopIteration:
            raise ValueError("%s: empty file (no header)" % path) from None
        rows = []
        for row in r:
            if len(row) != len(header):
                raise ValueError("%s:%d: %d fields, header has %d"
                                 % (path, r.line_num, len(row), len(header)))
            rows.append(row)
    if "id" not in header:
        raise ValueError("%s: no id column" % path)
    return header, rows


def id_sort_key(s):
    return (0, int(s), "") if s.isdigit() else (1, 0, s)


def main(argv):
    if len(argv) != 3:
        print("usage: compare_classification.py EXPECTED.csv ACTUAL.csv", file=sys.stderr)
        return 2
    try:
        exp_header, exp_rows = read(argv[1])
        act_header, act_rows = read(argv[2])
    except (OSError, UnicodeDecodeError, ValueError, csv.Error) as e:
        print("compare_classification: %s" % e, file=sys.stderr)
        return 2

    print("expected: %s (%d rows)" % (argv[1], len(exp_rows)))
    print("actual:   %s (%d rows)" % (argv[2], len(act_rows)))
    ok = True
    if exp_header != act_header:
        ok = False
        print("header differs:\n  expected: %s\n  actual:   %s" % (",".join(exp_header), ",".join(act_header)))
    else:
        print("header: same")
    if len(exp_rows) != len(act_rows):
        ok = False
        print("row count differs: expected %d, actual %d" % (len(exp_rows), len(act_rows)))
    else:
        print("row count: same (%d)" % len(exp_rows))

    ei, ai = exp_header.index("id"), act_header.index("id")
    exp_ids = [row[ei] for row in exp_rows]
    act_ids = [row[ai] for row in act_rows]
    exp_by_id, act_by_id = {}, {}
    for row in exp_rows:
        exp_by_id.setdefault(row[ei], row)
    for row in act_rows:
        act_by_id.setdefault(row[ai], row)

    passed = failed = 0
    columns = list(exp_header) + [c for c in act_header if c not in exp_header]
    for col in columns:
        if col == "id":
            problems = []
            for label, ids, by_id in (("expected", exp_ids, exp_by_id), ("actual", act_ids, act_by_id)):
                if len(by_id) != len(ids):
                    dups = sorted(_dups(ids), key=id_sort_key)
                    problems.append("%d duplicate id(s) in %s, e.g. %s"
                                    % (len(ids) - len(by_id), label, ", ".join(dups[:EXAMPLES])))
            missing = sorted(set(exp_by_id) - set(act_by_id), key=id_sort_key)
            extra = sorted(set(act_by_id) - set(exp_by_id), key=id_sort_key)
            if missing:
                problems.append("%d id(s) missing from actual, e.g. %s" % (len(missing), ", ".join(missing[:EXAMPLES])))
            if extra:
                problems.append("%d id(s) only in actual, e.g. %s" % (len(extra), ", ".join(extra[:EXAMPLES])))
            if not missing and not extra and exp_ids != act_ids:
                k = next(k for k, (a, b) in enumerate(zip(exp_ids, act_ids)) if a != b)
                problems.append("rows in another order: row %d is id %s in expected, id %s in actual"
                                % (k + 1, exp_ids[k], act_ids[k]))
            if problems:
                failed += 1
                print("FAIL id: " + "; ".join(problems))
            else:
                passed += 1
                print("ok   id")
            continue
        if col not in act_header:
            failed += 1
            print("FAIL %s: missing from actual" % col)
            continue
        if col not in exp_header:
            failed += 1
            print("FAIL %s: not expected (only in actual)" % col)
            continue
        ec, ac = exp_header.index(col), act_header.index(col)
        mism = []
        for i in exp_ids:
            a = act_by_id.get(i)
            if a is None:
                continue
            e = exp_by_id[i]
            if e[ec] != a[ac]:
                mism.append((i, e[ec], a[ac]))
        where = "" if ec == ac else " (column %d in expected, %d in actual)" % (ec + 1, ac + 1)
        if mism or where:
            failed += 1
            print("FAIL %s: %d mismatching row(s)%s" % (col, len(mism), where))
            if mism:
                print("       %-12s %-20s %s" % ("id", "expected", "actual"))
                for i, e, a in mism[:EXAMPLES]:
                    print("       %-12s %-20s %s" % (i, repr(e) if e == "" else e, repr(a) if a == "" else a))
        else:
            passed += 1
            print("ok   %s" % col)
    ok = ok and failed == 0
    print("%d passed, %d failed" % (passed, failed))
    return 0 if ok else 1


def _dups(ids):
    seen, d = set(), set()
    for i in ids:
        if i in seen:
            d.add(i)
        seen.add(i)
    return d


if __name__ == "__main__":
    sys.exit(main(sys.argv))
