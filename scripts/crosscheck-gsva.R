# Cross-check of Blockade's ssGSEA against GSVA (Hänzelmann et al. 2013) on one cohort.
# Usage: Rscript crosscheck-gsva.R EXPR.tsv.gz SETS.gmt BLOCKADE_RAW.tsv BLOCKADE_NORM.tsv COHORT
# Prints one row per gene set: cohort, set, genes, Pearson r and max |diff| for raw and normalised
# scores; exits 1 if any r < 0.999 or any raw |diff| > 1e-6.
suppressPackageStartupMessages(library(GSVA))
args <- commandArgs(trailingOnly = TRUE)
expr_path <- args[1]; gmt_path <- args[2]; raw_path <- args[3]; norm_path <- args[4]; cohort <- args[5]

expr <- read.delim(gzfile(expr_path), check.names = FALSE, row.names = 1)
expr <- as.matrix(expr)
lines <- strsplit(readLines(gmt_path), "\t")
sets <- lapply(lines, function(x) x[-(1:2)])
names(sets) <- vapply(lines, `[`, "", 1)

version <- as.character(packageVersion("GSVA"))
run_gsva <- function(norm) {
  if (package_version(version) >= "1.50") {
    param <- ssgseaParam(expr, sets, normalize = norm)
    gsva(param, verbose = FALSE)
  } else {
    gsva(expr, sets, method = "ssgsea", ssgsea.norm = norm, verbose = FALSE)
  }
}
quietly <- function(e) suppressWarnings(capture.output(v <- e, type = "output"))
invisible(capture.output(g_raw <- suppressWarnings(run_gsva(FALSE))))
invisible(capture.output(g_norm <- suppressWarnings(run_gsva(TRUE))))

b_raw <- as.matrix(read.delim(raw_path, check.names = FALSE, row.names = 1))
b_norm <- as.matrix(read.delim(norm_path, check.names = FALSE, row.names = 1))
stopifnot(identical(sort(rownames(g_raw)), sort(rownames(b_raw))))
stopifnot(identical(colnames(g_raw), colnames(b_raw)))

ok <- TRUE
for (s in rownames(g_raw)) {
  n_genes <- sum(sets[[s]] %in% rownames(expr))
  x <- g_raw[s, ]; y <- b_raw[s, colnames(g_raw)]
  xn <- g_norm[s, ]; yn <- b_norm[s, colnames(g_raw)]
  r <- if (sd(x) > 0 && sd(y) > 0) cor(x, y) else as.numeric(isTRUE(all.equal(x, y)))
  rn <- if (sd(xn) > 0 && sd(yn) > 0) cor(xn, yn) else as.numeric(isTRUE(all.equal(xn, yn)))
  d <- max(abs(x - y)); dn <- max(abs(xn - yn))
  if (r < 0.999 || d > 1e-6) ok <- FALSE
  cat(sprintf("%s\t%s\t%d\t%.9f\t%.3e\t%.9f\t%.3e\t%s\n", cohort, s, n_genes, r, d, rn, dn, version))
}
if (!ok) quit(status = 1)
