#!/usr/bin/env python3
"""Check calibration/landmarks.csv against the monotherapy arms table.

Usage: python3 scripts/check-landmarks.py MONOTHERAPY_ARMS.csv LANDMARKS.csv

Every landmarks row must name an existing line of the arms table (header is
line 1) whose trial, tumor_id, blockade_regimen and arm match; pfs12_pct and
os24_pct must be empty or numbers in 0-100, and a filled value needs a source.
Prints "file:line: problem" for each error and exits 1 if there is any.
"""
import csv
import sys

COLUMNS = ["csv_line", "trial", "tumor_id", "blockade_regimen", "arm",
           "pfs12_pct", "pfs12_source", "os24_pct", "os24_source", "note"]
MATCHED = ["trial", "tumor_id", "blockade_regimen", "arm"]


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    arms_path, land_path = argv[1], argv[2]
    with open(arms_path, newline="") as f:
        arms = list(csv.reader(f))
    arms_hdr = arms[0]
    errors = []

    def err(line, msg):
        errors.append(f"{land_path}:{line}: {msg}")

    with open(land_path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != COLUMNS:
            err(1, f"header must be {','.join(COLUMNS)}")
            header = COLUMNS
        seen = set()
        for lineno, values in enumerate(reader, start=2):
            if len(values) != len(header):
                err(lineno, f"expected {len(header)} fields, found {len(values)}")
                continue
            row = dict(zip(header, values))
            try:
                ref = int(row["csv_line"])
            except ValueError:
                err(lineno, f"csv_line {row['csv_line']!r} is not an integer")
                continue
            if ref in seen:
                err(lineno, f"csv_line {ref} appears more than once")
            seen.add(ref)
            if ref < 2 or ref > len(arms):
                err(lineno, f"csv_line {ref} is not an arm line of {arms_path}")
                continue
            arm = dict(zip(arms_hdr, arms[ref - 1]))
            for col in MATCHED:
                if row[col] != arm.get(col, ""):
                    err(lineno, f"{col} {row[col]!r} differs from {arms_path}:{ref} ({arm.get(col, '')!r})")
            for val_col, src_col in (("pfs12_pct", "pfs12_source"), ("os24_pct", "os24_source")):
                v = row[val_col].strip()
                if v == "":
                    if row[src_col].strip():
                        err(lineno, f"{src_col} given but {val_col} is empty")
                    continue
                try:
                    x = float(v)
                except ValueError:
                    err(lineno, f"{val_col} {v!r} is not a number")
                    continue
                if not 0 <= x <= 100:
                    err(lineno, f"{val_col} {v} is outside 0-100")
                if not row[src_col].strip():
                    err(lineno, f"{val_col} has no {src_col}")
            if not row["pfs12_pct"].strip() and not row["os24_pct"].strip():
                err(lineno, "row has neither pfs12_pct nor os24_pct")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
