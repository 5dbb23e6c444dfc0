# Times GSVA's ssGSEA on the benchmark input (reading the files is not timed).
# usage: Rscript bench-ssgsea.R expr.tsv sets.gmt out_norm.tsv
suppressPackageStartupMessages(library(GSVA))
args <- commandArgs(trailingOnly = TRUE)
expr <- as.matrix(read.delim(args[1], check.names = FALSE, row.names = 1))
lines <- strsplit(readLines(args[2]), "\t")
sets <- lapply(lines, function(x) x[-(1:2)])
names(sets) <- vapply(lines, `[`, "", 1)
version <- as.character(packageVersion("GSVA"))
elapsed <- system.time(invisible(capture.output(es <- suppressWarnings(
  if (package_version(version) >= "1.50") gsva(ssgseaParam(expr, sets), verbose = FALSE)
  else gsva(expr, sets, method = "ssgsea", verbose = FALSE)))))[["elapsed"]]
write.table(es, args[3], sep = "\t", quote = FALSE, col.names = NA)
cat(sprintf("%.3f\t%s\n", elapsed, version))
