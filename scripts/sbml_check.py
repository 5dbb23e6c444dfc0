#!/usr/bin/env python3
"""Peer check for SBML exported by Blockade.

1. Validates the document with libsbml (consistency checks, including units); any error fails.
2. Simulates it with libRoadRunner (CVODE, tight tolerances, events included) at exactly the
   times in the reference CSV's ``time`` column.
3. Compares the requested species columns with the reference CSV (columns of the same names) and
   fails when the largest relative difference exceeds ``--rtol``.

``--benchmark N`` instead times N runs of ``resetAll(); simulate(...)`` at the solver tolerances
given by ``--solver-rtol/--solver-atol`` and prints ``{"roadrunner_median_s": ...}``.

Usage:
  python3 scripts/sbml_check.py MODEL.xml --reference REF.csv --species A,B --rtol 1e-4 [--abs-floor X]
  python3 scripts/sbml_check.py MODEL.xml --reference REF.csv --benchmark 20 --solver-rtol 1e-6 --solver-atol 1e-9
"""
import argparse
import csv
import json
import statistics
import sys
import time


def validate(path, verbose=False):
    """Returns (errors, warnings). Errors are printed in full; warnings are summarised per libsbml
    id (all of them with --verbose) because unit-consistency warnings repeat for every expression."""
    import libsbml

    with open(path, encoding="utf-8") as f:
        document = libsbml.readSBMLFromString(f.read())
    document.checkConsistency()
    errors = warnings = 0
    summary = {}
    for i in range(document.getNumErrors()):
        e = document.getError(i)
        severe = e.getSeverity() >= libsbml.LIBSBML_SEV_ERROR
        errors += severe
        warnings += not severe
        if severe or verbose:
            kind = "ERROR" if severe else "warning"
            print(f"libsbml {kind} {e.getErrorId()} line {e.getLine()}: {e.getMessage().strip()}")
        if not severe:
            key = (e.getErrorId(), e.getShortMessage())
            summary[key] = summary.get(key, 0) + 1
    for (error_id, message), count in sorted(summary.items()):
        print(f"libsbml warning {error_id} x{count}: {message}")
    print(f"libsbml: {errors} errors, {warnings} warnings")
    return errors, warnings


def read_reference(path, time_column="time"):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows or time_column not in rows[0]:
        raise SystemExit(f"{path}: expected a CSV with a '{time_column}' column and at least one row")
    for row in rows:
        row["time"] = row[time_column]
    return rows


def load(path, rtol, atol):
    import roadrunner

    r = roadrunner.RoadRunner(path)
    r.setIntegrator("cvode")
    integrator = r.getIntegrator()
    integrator.setValue("relative_tolerance", rtol)
    integrator.setValue("absolute_tolerance", atol)
    integrator.setValue("maximum_num_steps", 1_000_000)
    return r


def simulate(r, times, species):
    # Amount species: select the symbols themselves (no brackets), as Blockade stores amounts.
    r.timeCourseSelections = ["time"] + species
    result = r.simulate(times=times)
    return result


def compare(result, reference, species, abs_floor):
    """Largest |roadrunner - reference| / max(|reference|, abs_floor) over all rows and species."""
    worst = None
    for k, row in enumerate(reference):
        t_ref = float(row["time"])
        t_sim = float(result[k, 0])
        if abs(t_sim - t_ref) > 1e-12 * max(1.0, abs(t_ref)):
            raise SystemExit(f"roadrunner output time {t_sim} does not match reference time {t_ref}")
        for j, s in enumerate(species, start=1):
            expected = float(row[s])
            got = float(result[k, j])
            diff = abs(got - expected) / max(abs(expected), abs_floor)
            if worst is None or diff > worst[0]:
                worst = (diff, s, t_ref, got, expected)
    return worst


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", help="SBML file")
    parser.add_argument("--reference", required=True, help="CSV with a 'time' column and one column per species")
    parser.add_argument("--time-column", default="time", help="name of the reference CSV's time column")
    parser.add_argument("--species", default="", help="comma-separated species ids to compare")
    parser.add_argument("--rtol", type=float, default=1e-4, help="largest accepted relative difference")
    parser.add_argument("--abs-floor", type=float, default=1e-12,
                        help="denominator floor for relative differences (species units)")
    parser.add_argument("--solver-rtol", type=float, default=1e-10, help="CVODE relative tolerance")
    parser.add_argument("--solver-atol", type=float, default=1e-14, help="CVODE absolute tolerance")
    parser.add_argument("--verbose", action="store_true", help="print every libsbml warning in full")
    parser.add_argument("--benchmark", type=int, default=0, help="time N repeated simulations instead of comparing")
    args = parser.parse_args(argv)

    reference = read_reference(args.reference, args.time_column)
    times = [float(row["time"]) for row in reference]

    if args.benchmark > 0:
        r = load(args.model, args.solver_rtol, args.solver_atol)
        species = [s for s in args.species.split(",") if s] or list(r.model.getFloatingSpeciesIds())
        durations = []
        for _ in range(args.benchmark):
            start = time.perf_counter()
            r.resetAll()
            simulate(r, times, species)
            durations.append(time.perf_counter() - start)
        print(json.dumps({"roadrunner_median_s": statistics.median(durations), "runs": args.benchmark,
                          "solver_rtol": args.solver_rtol, "solver_atol": args.solver_atol}))
        return 0

    errors, _ = validate(args.model, args.verbose)
    if errors:
        print("FAIL: libsbml reports errors")
        return 1
    species = [s for s in args.species.split(",") if s]
    if not species:
        raise SystemExit("--species is required unless --benchmark is given")
    missing = [s for s in species if s not in reference[0]]
    if missing:
        raise SystemExit(f"reference CSV has no column for {missing}")
    r = load(args.model, args.solver_rtol, args.solver_atol)
    result = simulate(r, times, species)
    if result.shape[0] != len(times):
        raise SystemExit(f"roadrunner returned {result.shape[0]} rows, expected {len(times)}")
    worst = compare(result, reference, species, args.abs_floor)
    diff, name, at = worst[0], worst[1], worst[2]
    print(json.dumps({"max_relative_difference": diff, "species": name, "time": at,
                      "roadrunner": worst[3], "reference": worst[4], "rtol": args.rtol}))
    if diff > args.rtol:
        print(f"FAIL: max relative difference {diff:.3e} > rtol {args.rtol:.1e}")
        return 1
    print(f"OK: max relative difference {diff:.3e} <= rtol {args.rtol:.1e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
