/// Expression profiling of resistance mechanisms and response prediction (see docs/OMICS.md).
public enum OmicsModule {}
