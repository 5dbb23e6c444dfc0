#!/usr/bin/env python3
"""How many calibration arms could any model pass? Two ceilings for the issue-4 thresholds.

Reads the residual table of docs/CALIBRATION.md (written by `blockade calibrate --write`) and reports,
for ORR (±5 points), grade >= 3 TRAE (±5 points) and median PFS (±30 %):

1. Setting ceiling. Arms that Blockade simulates as the same virtual setting (same tumour, regimen,
   selection and therapy line, recognised by an identical fitted value) must receive one model value.
   When their published values disagree by more than the window, no value passes them all. The ceiling
   is the sum over settings of the most published values one window can hold.
2. Sampling ceiling. A model that knew every arm's true rate would still miss arms whose published
   estimate strayed more than 5 points from it by chance. With the published arm size n and the
   published rate as the stand-in for the true rate, arm i passes with probability
   P(|Z| <= 5 / se_i), se_i = sqrt(p(1-p)/n + p(1-p)/m) for m simulated patients (m = 0: expectation).
   The sum is the expected pass count. (Approximate: binomial treated as normal.)

Usage: scripts/calibration-ceiling.py [docs/CALIBRATION.md] [--simulated 400]
"""
import argparse
import math
import re
import sys
from collections import defaultdict


def parse_pair(cell):
    """'45.0 / 34.5 ✗' -> (45.0, 34.5); '–' or NR -> None."""
    match = re.match(r"\s*([0-9.]+)\s*/\s*([0-9.]+)", cell)
    return (float(match.group(1)), float(match.group(2))) if match else None


def read_table(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.startswith("|"):
                header = None if header and not line.strip() else header
                continue
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if cells[:2] == ["line", "tumour"]:
                header = cells
                continue
            if header is None or set(cells[0]) <= set("-:"):
                continue
            if len(cells) != len(header):
                sys.exit(f"{path}:{number}: expected {len(header)} cells, found {len(cells)}")
            rows.append(dict(zip(header, cells)))
    if not rows:
        sys.exit(f"{path}: no residual table (a header starting '| line | tumour |') found")
    return rows


def most_in_window(values, inside):
    """Largest number of values that one model value m can pass; candidates are the values'
    window edges (the optimum of an interval-stabbing count lies on an edge)."""
    best = 0
    for candidate in {edge for value in values for edge in inside(value)}:
        best = max(best, sum(1 for value in values if inside(value, candidate)))
    return best


def absolute_window(half_width):
    def inside(published, model=None):
        if model is None:
            return (published - half_width, published + half_width)
        return abs(model - published) <= half_width + 1e-9
    return inside


def relative_window(fraction):
    def inside(published, model=None):
        if model is None:
            return (published * (1 - fraction), published * (1 + fraction))
        return abs(model - published) <= fraction * published + 1e-9
    return inside


def normal_cdf(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", default="docs/CALIBRATION.md")
    parser.add_argument("--simulated", type=int, default=0,
                        help="simulated patients per arm for the sampling ceiling (0 = expectation)")
    args = parser.parse_args()
    rows = read_table(args.table)
    columns = [("ORR %", "ORR within ±5 points", absolute_window(5), True),
               ("G≥3 TRAE %", "G≥3 TRAE within ±5 points", absolute_window(5), True),
               ("mPFS mo", "median PFS within ±30 %", relative_window(0.30), False)]
    for column, label, inside, proportion in columns:
        settings = defaultdict(list)
        passed = 0
        for row in rows:
            pair = parse_pair(row[column])
            if pair is None:
                continue
            published, fitted = pair
            passed += inside(published, fitted)
            settings[(row["tumour"], row["regimen"], row["selection"], fitted)].append(published)
        arms = sum(len(values) for values in settings.values())
        ceiling = sum(most_in_window(values, inside) for values in settings.values())
        shared = [values for values in settings.values() if len(values) > 1]
        line = (f"{label}: fitted {passed} of {arms} arms; setting ceiling {ceiling} of {arms} "
                f"({100 * ceiling / arms:.0f} %; {len(shared)} settings hold more than one arm)")
        if proportion:
            expected, sized = 0.0, 0
            for row in rows:
                pair = parse_pair(row[column])
                if pair is None or not row["n"].isdigit():
                    continue
                sized += 1
                p = min(max(pair[0] / 100, 0.005), 0.995)
                variance = p * (1 - p) / int(row["n"])
                if args.simulated > 0:
                    variance += p * (1 - p) / args.simulated
                z = 0.05 / math.sqrt(variance)
                expected += 2 * normal_cdf(z) - 1
            line += (f"; sampling ceiling {expected:.1f} of {sized} arms with a size ({100 * expected / sized:.0f} %, "
                     f"{'expectation' if args.simulated == 0 else f'{args.simulated} simulated patients'})")
        print(line)


if __name__ == "__main__":
    main()
