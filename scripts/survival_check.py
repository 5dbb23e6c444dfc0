#!/usr/bin/env python3
"""Peer check of Blockade's survival statistics against lifelines.

  python3 scripts/survival_check.py generate --seed 20261129 --out FIXTURE.csv
  python3 scripts/survival_check.py compare FIXTURE.csv BLOCKADE.json [--rtol 1e-6]

``generate`` writes seeded random two-arm datasets (columns dataset,group,time,event; group A is the
reference, B the compared arm; whole-day times so ties are common; 0-60 % censoring) plus edge
cases: no events in arm A (HR -> infinity), median not reached, every patient progressing (S -> 0),
and an exact-one-half plateau.

``compare`` fits lifelines on each dataset -- KaplanMeierFitter (survival, log-log CI,
median_survival_times of the CI), logrank_test, CoxPHFitter (Efron ties) with x = 1 for arm B -- and
compares with Blockade's JSON (written by the Swift test hook SurvivalCrossCheckHook). Tolerances and
known, documented differences:

* KM survival and CI bands, log-rank chi2 and p, Cox HR and its CI: relative difference <= rtol.
* Cox: lifelines is run with fit_options={"precision": 1e-14, "r_precision": 0}, i.e. Newton-Raphson
  converged to machine precision like Blockade. lifelines' default stopping rule (relative change of
  the log-likelihood < 1e-9, as R's coxph) stops while the score is still ~1e-6, which moves the HR by
  up to ~1e-4 relative; that difference is printed for information, it is not a failure.
* Median and its CI: event times, compared exactly. On a plateau where S is exactly 1/2 in exact
  arithmetic Blockade takes the first time (tolerance 1e-10) and lifelines, comparing its
  exp(sum(log)) estimate with 0.5 exactly, may take the next; such a case is reported as a known
  difference, not a failure, when Blockade's S there is within 1e-10 of 1/2.
* HR not estimable (monotone likelihood): Blockade reports null with a reason; lifelines warns and
  returns a large |log HR|. Accepted when lifelines' |log HR| > 5 in the same direction.

Exits 1 on any mismatch.
"""
import argparse
import csv
import json
import math
import random
import sys
import warnings


def generate(seed, out):
    rng = random.Random(seed)
    rows = []

    def add(name, group, times, events):
        rows.extend((name, group, t, e) for t, e in zip(times, events))

    for i in range(30):
        censoring = rng.uniform(0, 0.6)
        for group, mean in (("A", 120.0), ("B", 120.0 * rng.choice([0.5, 0.8, 1.0, 1.5, 2.5]))):
            n = rng.randint(5, 300)
            times = [float(round(rng.expovariate(1 / mean))) for _ in range(n)]
            # Administrative censoring at a common follow-up plus random drop-out.
            follow = rng.choice([180.0, 365.0, 730.0])
            events = [int(t <= follow and rng.random() >= censoring) for t in times]
            times = [min(t, follow) for t in times]
            add(f"random{i:02d}", group, times, events)
    add("no-events-in-a", "A", [10, 20, 30, 40], [0, 0, 0, 0])
    add("no-events-in-a", "B", [5, 15, 25, 35], [1, 1, 0, 1])
    add("median-not-reached", "A", [10, 50, 100, 200, 300, 365, 365, 365], [1, 0, 1, 0, 0, 0, 0, 0])
    add("median-not-reached", "B", [5, 8, 12, 30, 60, 90, 365, 365], [1, 1, 1, 1, 0, 1, 0, 0])
    add("all-progress", "A", [3, 7, 7, 11, 20, 20, 31], [1] * 7)
    add("all-progress", "B", [5, 9, 13, 13, 40, 41, 50, 52], [1] * 8)
    add("exact-half", "A", [56, 56, 60, 84, 180, 200, 400, 500, 600, 700], [1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
    add("exact-half", "B", [30, 56, 90, 120, 150, 300], [1, 1, 1, 0, 1, 1])
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["dataset", "group", "time", "event"])
        for name, group, t, e in rows:
            w.writerow([name, group, repr(float(t)), e])


def read_fixture(path):
    data = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            d = data.setdefault(r["dataset"], {"A": ([], []), "B": ([], [])})
            d[r["group"]][0].append(float(r["time"]))
            d[r["group"]][1].append(int(r["event"]))
    return data


class Comparison:
    def __init__(self, rtol):
        self.rtol = rtol
        self.failures = []
        self.notes = []
        self.max_rel = {}

    def number(self, label, quantity, ours, theirs):
        if ours is None or theirs is None or (isinstance(theirs, float) and math.isinf(theirs)):
            same = (ours is None) and (theirs is None or math.isinf(theirs))
            if not same:
                self.failures.append(f"{label} {quantity}: blockade {ours} vs lifelines {theirs}")
            return
        rel = abs(ours - theirs) / max(abs(theirs), 1e-300) if abs(theirs) > 1e-12 else abs(ours - theirs)
        self.max_rel[quantity] = max(self.max_rel.get(quantity, 0.0), rel)
        if rel > self.rtol:
            self.failures.append(f"{label} {quantity}: blockade {ours!r} vs lifelines {theirs!r} (rel {rel:.2e})")


def compare(fixture, blockade_json, rtol):
    import numpy as np
    import pandas as pd
    import lifelines
    from lifelines import CoxPHFitter, KaplanMeierFitter
    from lifelines.statistics import logrank_test
    from lifelines.utils import median_survival_times

    data = read_fixture(fixture)
    with open(blockade_json) as f:
        ours = json.load(f)
    c = Comparison(rtol)
    for name in sorted(data):
        d, b = data[name], ours.get(name)
        if b is None:
            c.failures.append(f"{name}: missing from Blockade output")
            continue
        for group in ("A", "B"):
            times, events = d[group]
            kmf = KaplanMeierFitter().fit(times, events)
            km = b[f"km_{group.lower()}"]
            sf = kmf.survival_function_.iloc[:, 0]
            ci = kmf.confidence_interval_
            event_times = sorted({t for t, e in zip(times, events) if e})
            if km["times"] != event_times:
                c.failures.append(f"{name}/{group} KM step times differ")
                continue
            for i, t in enumerate(event_times):
                c.number(f"{name}/{group} t={t}", "km_survival", km["survival"][i], float(sf.loc[t]))
                c.number(f"{name}/{group} t={t}", "km_lower95", km["lower95"][i], float(ci.iloc[:, 0].loc[t]))
                c.number(f"{name}/{group} t={t}", "km_upper95", km["upper95"][i], float(ci.iloc[:, 1].loc[t]))
            med = float(kmf.median_survival_time_)
            mci = median_survival_times(kmf.confidence_interval_)
            theirs = [med, float(mci.iloc[0, 0]), float(mci.iloc[0, 1])]
            mine = [km["median"], km["median_lower95"], km["median_upper95"]]
            for what, o, t in zip(("median", "median_lower95", "median_upper95"), mine, theirs):
                t = None if math.isinf(t) else t
                if o == t:
                    continue
                if (what == "median" and o in event_times
                        and abs(km["survival"][event_times.index(o)] - 0.5) <= 1e-10):
                    c.notes.append(f"{name}/{group} median: blockade {o} vs lifelines {t} -- exact-1/2 plateau "
                                   f"(S = {km['survival'][event_times.index(o)]!r}); known, documented difference")
                    continue
                c.failures.append(f"{name}/{group} {what}: blockade {o} vs lifelines {t}")
        (ta, ea), (tb, eb) = d["A"], d["B"]
        lr = logrank_test(ta, tb, ea, eb)
        c.number(name, "logrank_chi2", b["logrank_chi2"], float(lr.test_statistic))
        c.number(name, "logrank_p", b["logrank_p"], float(lr.p_value))

        df = pd.DataFrame({"T": ta + tb, "E": ea + eb, "x": [0] * len(ta) + [1] * len(tb)})
        fits = {}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for label, options in (("tight", {"precision": 1e-14, "r_precision": 0.0}), ("default", None)):
                try:
                    fits[label] = CoxPHFitter().fit(df, "T", "E", fit_options=options).summary.loc["x"]
                except Exception as error:  # lifelines raises on some degenerate data
                    caught.append(str(error))
        tight, default = fits.get("tight"), fits.get("default")
        if b["cox_hr"] is None:
            reason = b["cox_not_estimable"]
            direction = 1 if "infinite" in reason else -1
            beta = None if tight is None else float(tight["coef"])
            if beta is None or beta * direction > 5:
                c.notes.append(f"{name} Cox: blockade null ({reason}); lifelines "
                               f"{'failed' if beta is None else f'log HR {beta:.1f}'} with {len(caught)} warning(s) -- consistent")
            else:
                c.failures.append(f"{name} Cox: blockade null ({reason}) but lifelines log HR {beta}")
            continue
        if tight is None:
            c.failures.append(f"{name} Cox: lifelines failed but Blockade estimated HR {b['cox_hr']}")
            continue
        c.number(name, "cox_hr", b["cox_hr"], float(tight["exp(coef)"]))
        c.number(name, "cox_lower95", b["cox_lower95"], float(tight["exp(coef) lower 95%"]))
        c.number(name, "cox_upper95", b["cox_upper95"], float(tight["exp(coef) upper 95%"]))
        c.number(name, "cox_se", b["cox_se"], float(tight["se(coef)"]))
        c.number(name, "cox_p", b["cox_p"], float(tight["p"]))
        if default is not None:
            info = "cox_hr vs lifelines default stopping (info)"
            c.max_rel[info] = max(c.max_rel.get(info, 0.0), abs(b["cox_hr"] - float(default["exp(coef)"])) / float(default["exp(coef)"]))

    print(f"lifelines {lifelines.__version__}: {len(data)} datasets, rtol {rtol:g}")
    for q in sorted(c.max_rel):
        print(f"  max relative difference {q:>22}: {c.max_rel[q]:.2e}")
    for note in c.notes:
        print("  note:", note)
    for failure in c.failures:
        print("  MISMATCH:", failure)
    print("survival cross-check:", "FAILED" if c.failures else "OK")
    return 1 if c.failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--seed", type=int, default=20261129)
    g.add_argument("--out", required=True)
    k = sub.add_parser("compare")
    k.add_argument("fixture")
    k.add_argument("blockade")
    k.add_argument("--rtol", type=float, default=1e-6)
    a = p.parse_args()
    if a.command == "generate":
        generate(a.seed, a.out)
        return 0
    return compare(a.fixture, a.blockade, a.rtol)


if __name__ == "__main__":
    sys.exit(main())
