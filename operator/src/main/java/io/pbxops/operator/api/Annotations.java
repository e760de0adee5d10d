package io.pbxops.operator.api;

/** Annotations every kind understands. */
public final class Annotations {

    /** Adopt this existing cloud object instead of creating one; written by the operator right after a create. */
    public static final String EXTERNAL_ID = "pbxops.io/external-id";

    /** {@code "true"}: no cloud or PBX write for this object until removed. */
    public static final String PAUSED = "pbxops.io/paused";

    private Annotations() {}
}
