#!/usr/bin/env python3
"""How many calibration arms could any model pass? Ceilings for the acceptance thresholds (docs/TRIALS-ACCEPTANCE.md).

Reads the residual table of docs/CALIBRATION.md (written by `blockade calibrate --replace`) and reports,
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
3. Drug ceilings (G>=3 TRAE only). Blockade's toxicity parameters are per drug (global scales and one
   factor per drug, none per trial), so arms of one regimen get similar rates. The ceiling a model
   with exactly one G>=3 rate per regimen and tumour type could reach, and with one rate per regimen
   across tumour types. Approximate, not a strict bound: the simulated rate also moves with time on
   treatment, which selection and line of therapy change.

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
                if not line.strip():
                    header = None  # a blank line ends a table
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


def passes(window, published, model):
    low, high = window(published)
    return low - 1e-9 <= model <= high + 1e-9


def most_in_window(values, window):
    """Largest number of published values that one model value can pass. The best model value can
    be taken at a window edge (the optimum of an interval-stabbing count lies on an edge)."""
    edges = {edge for value in values for edge in window(value)}
    return max(sum(passes(window, value, edge) for value in values) for edge in edges)


def normal_cdf(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("table", nargs="?", default="docs/CALIBRATION.md")
    parser.add_argument("--simulated", type=int, default=0,
                        help="simulated patients per arm for the sampling ceiling (0 = expectation)")
    args = parser.parse_args()
    rows = read_table(args.table)
    half = 5.0  # the acceptance threshold for ORR and G≥3: ±5 points
    columns = [("ORR %", "ORR within ±5 points", lambda v: (v - half, v + half), True),
               ("G≥3 TRAE %", "G≥3 TRAE within ±5 points", lambda v: (v - half, v + half), True),
               ("mPFS mo", "median PFS within ±30 %", lambda v: (0.7 * v, 1.3 * v), False)]
    for column, label, window, proportion in columns:
        settings = defaultdict(list)
        passed, expected, sized = 0, 0.0, 0
        for row in rows:
            pair = parse_pair(row[column])
            if pair is None:
                continue
            published, fitted = pair
            # The table's own mark decides where there is one: the printed values are rounded, and an
            # arm at the window's edge can pass or fail on the unrounded value.
            cell = row[column]
            passed += ("✓" in cell) if ("✓" in cell or "✗" in cell) else passes(window, published, fitted)
            settings[(row["tumour"], row["regimen"], row["selection"], fitted)].append(published)
            if proportion and row["n"].isdigit():
                sized += 1
                p = min(max(published / 100, 0.005), 0.995)
                variance = p * (1 - p) / int(row["n"])
                if args.simulated > 0:
                    variance += p * (1 - p) / args.simulated
                expected += 2 * normal_cdf(half / 100 / math.sqrt(variance)) - 1
        arms = sum(len(values) for values in settings.values())
        ceiling = sum(most_in_window(values, window) for values in settings.values())
        shared = sum(1 for values in settings.values() if len(values) > 1)
        line = (f"{label}: fitted {passed} of {arms} arms; setting ceiling {ceiling} of {arms} "
                f"({100 * ceiling / arms:.0f} %; {shared} settings hold more than one arm)")
        if column == "G≥3 TRAE %":
            for label_, key in (("one rate per regimen and tumour", lambda row: (row["tumour"], row["regimen"])),
                                ("one rate per regimen", lambda row: row["regimen"])):
                groups = defaultdict(list)
                for row in rows:
                    pair = parse_pair(row[column])
                    if pair is not None:
                        groups[key(row)].append(pair[0])
                line += f"; drug ceiling ({label_}) {sum(most_in_window(v, window) for v in groups.values())} of {arms}"
        if proportion:
            line += (f"; sampling ceiling {expected:.1f} of {sized} arms with a size ({100 * expected / sized:.0f} %, "
                     f"{'expectation' if args.simulated == 0 else f'{args.simulated} simulated patients'})")
        print(line)


if __name__ == "__main__":
    main()
