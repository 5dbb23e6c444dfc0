#!/usr/bin/env python3
"""Writes Sources/Omics/Resources/reference-cohort.json, the bundled reference of `profile
--reference builtin`: each built-in mechanism's raw ssGSEA score divided by the number of genes in
its cohort's matrix, for the pre-treatment samples of the three development cohorts.

usage: scripts/make-reference-cohort.py BLOCKADE_BINARY [ICB_DATA_DIR]   (default ../shared/data/icb)
"""
import gzip
import json
import subprocess
import sys

COHORTS = ["liu2019", "riaz2017", "gide2019_pd1"]
binary = sys.argv[1]
data = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/icb"
scores, total = {}, 0
for c in COHORTS:
    path = f"{data}/{c}/expr_log2tpm.tsv.gz"
    with gzip.open(path, "rt") as f:
        n = sum(1 for _ in f) - 1
    raw = subprocess.run([binary, "profile", path, "--matrix", "raw"], capture_output=True, text=True, check=True).stdout
    rows = [line.split("\t") for line in raw.splitlines()]
    total += len(rows[0]) - 1
    for r in rows[1:]:
        scores.setdefault(r[0], []).extend(float(x) / n for x in r[1:])
body = ",\n".join(f'    "{k}": [{", ".join(f"{x:.6g}" for x in v)}]' for k, v in scores.items())
description = ("Size-scaled raw ssGSEA scores (raw score / number of genes in the cohort's matrix) of each built-in "
               "mechanism for the 208 pre-treatment melanoma samples of liu2019, riaz2017 and gide2019_pd1 (in that order); "
               "see docs/OMICS.md, 'Reference mode', for the command that makes it.")
text = ('{\n  "description": ' + json.dumps(description) + ',\n  "format": "blockade-omics-reference",\n'
        f'  "sampleCount": {total},\n  "scaledScores": {{\n{body}\n  }},\n  "version": 1\n}}\n')
json.loads(text)
open("Sources/Omics/Resources/reference-cohort.json", "w").write(text)
print(f"wrote Sources/Omics/Resources/reference-cohort.json: {len(scores)} mechanisms x {total} samples")
