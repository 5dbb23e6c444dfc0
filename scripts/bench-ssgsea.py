"""Writes the synthetic ssGSEA benchmark input: a genes x samples log2 TPM TSV and a GMT of gene sets.

Seeded (numpy default_rng(20240101)); values mimic the development cohorts: log2(TPM + 0.001) rounded
to 4 decimals, ~15% of entries at the detection floor (-9.9658), so ties are as frequent as in real data.
usage: python3 bench-ssgsea.py OUT_DIR [N_GENES N_SAMPLES N_SETS]
"""
import sys
import numpy as np

out = sys.argv[1]
n_genes, n_samples, n_sets = (int(x) for x in (sys.argv[2:5] if len(sys.argv) >= 5 else (20000, 1000, 30)))
rng = np.random.default_rng(20240101)
gene_mean = rng.normal(2.0, 2.5, size=(n_genes, 1))
tpm = np.exp2(gene_mean + rng.normal(0, 1.2, size=(n_genes, n_samples)))
tpm[rng.random((n_genes, n_samples)) < 0.15] = 0.0
values = np.round(np.log2(tpm + 0.001), 4)
genes = [f"GENE{i + 1}" for i in range(n_genes)]
samples = [f"S{j + 1}" for j in range(n_samples)]
with open(f"{out}/expr.tsv", "w") as f:
    f.write("gene\t" + "\t".join(samples) + "\n")
    for i in range(n_genes):
        f.write(genes[i] + "\t" + "\t".join(f"{v:.4f}" for v in values[i]) + "\n")
with open(f"{out}/sets.gmt", "w") as f:
    for k in range(n_sets):
        size = int(rng.integers(10, 201))
        members = rng.choice(n_genes, size=size, replace=False)
        f.write(f"set{k + 1}\tsynthetic\t" + "\t".join(genes[m] for m in members) + "\n")
