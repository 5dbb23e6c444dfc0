/// The tumour–immune checkpoint model (see docs/MODEL.md).
public enum TumorImmuneModule {}
