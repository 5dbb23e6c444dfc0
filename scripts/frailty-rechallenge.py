#!/usr/bin/env python3
"""What the immune-toxicity frailty implies for checkpoint-inhibitor rechallenge (a rough check).

Blockade gives each virtual patient a log-normal susceptibility Z = exp(sigma*z - sigma^2/2) (mean 1)
that multiplies every immune-related hazard (`ToxicityModel.immuneFrailtyLogSD`, fitted 2.14 in data
v18 and v19). A wide frailty concentrates events in few patients, so a patient who had one event is very
likely to have another. Published rechallenge cohorts measure exactly that:

- Allouchery 2020 (J Immunother Cancer, doi:10.1136/jitc-2020-001622): 38.9 % of 180 patients
  rechallenged after a grade >= 2 irAE that stopped treatment had a grade >= 2 irAE again.
- Dolladille 2020 (JAMA Oncol, doi:10.1001/jamaoncol.2020.0726): the same irAE recurred in 28.8 %
  of informative rechallenges (WHO VigiBase).

Assumptions (state them when quoting the output): one course of anti-PD-1 gives a grade >= 2 irAE
to a fraction p of patients (--first, default 0.15 and 0.25); the events follow a Poisson process
whose rate is the patient's Z times a population rate (the model's structure, time-constant hazard);
a rechallenge exposes the patient to a fraction f of a first course's cumulative hazard. The output
is the probability of another grade >= 2 event on rechallenge given one in the first course, and the
share of the population's hazard carried by the most susceptible 10 % of patients.

Usage: scripts/frailty-rechallenge.py [--sigma 0 0.5 1 1.5 2.14] [--first 0.15 0.25] [--fraction 0.5 1]
"""
import argparse

import numpy as np
from scipy.optimize import brentq


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sigma", type=float, nargs="+", default=[0.0, 0.5, 1.0, 1.5, 2.14])
    parser.add_argument("--first", type=float, nargs="+", default=[0.15, 0.25],
                        help="grade >= 2 irAE incidence over one course (population)")
    parser.add_argument("--fraction", type=float, nargs="+", default=[0.5, 1.0],
                        help="rechallenge exposure as a fraction of the first course")
    parser.add_argument("--samples", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    z = np.random.default_rng(args.seed).standard_normal(args.samples)
    print("sigma  first-course p  top-10% hazard share  " + "  ".join(f"recurrence f={f:g}" for f in args.fraction))
    for sigma in args.sigma:
        susceptibility = np.exp(sigma * z - sigma * sigma / 2)
        ranked = np.sort(susceptibility)
        share = ranked[-len(ranked) // 10:].sum() / ranked.sum()
        for p in args.first:
            # Population cumulative hazard H of one course such that E[1 - exp(-Z H)] = p.
            hazard = brentq(lambda h: np.mean(1 - np.exp(-susceptibility * h)) - p, 1e-9, 1e4)
            first = 1 - np.exp(-susceptibility * hazard)
            recurrences = [np.sum(first * (1 - np.exp(-susceptibility * hazard * f))) / np.sum(first)
                           for f in args.fraction]
            print(f"{sigma:5.2f}  {p:14.2f}  {share:20.2f}  " + "  ".join(f"{r:15.2f}" for r in recurrences))


if __name__ == "__main__":
    main()
