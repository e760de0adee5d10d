package io.pbxops.operator.api;

/** The API group, version and category of every kind, and the JSON paths printer columns share. */
public final class PbxOps {

    public static final String GROUP = "pbxops.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** {@code kubectl get pbxops} lists every kind. */
    public static final String CATEGORY = "pbxops";

    static final String READY_STATUS_PATH = ".status.conditions[?(@.type==\"Ready\")].status";
    static final String READY_REASON_PATH = ".status.conditions[?(@.type==\"Ready\")].reason";
    static final String SYNCED_STATUS_PATH = ".status.conditions[?(@.type==\"Synced\")].status";

    private PbxOps() {}
}
