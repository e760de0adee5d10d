package io.pbxops.operator.gitops;

/** What an apply would do to one object, as {@code plan} reports it. */
public enum PlanAction {
    CREATE("create", true),
    UPDATE("update", true),
    LINK("link", true),
    UNLINK("unlink", true),
    RESET("reset", true),
    DELETE("delete", true),
    /** The operator enters activation data on the PBX itself (O2G). */
    CONFIGURE_PBX("configure PBX", true),
    /** An existing cloud object is taken under management: the cloud does not change. */
    ADOPT("adopt", false),
    /** Removed from the manifests with deletionPolicy Orphan (or paused): left in the cloud, no longer managed. */
    ORPHAN("orphan", false),
    /** Something an apply may do that cannot be known offline. */
    UNKNOWN("cannot know offline", false),
    /** What this cloud does not serve (the operator skips it, and says so on the object). */
    UNSUPPORTED("not supported by this cloud", false);

    private final String label;
    private final boolean change;

    PlanAction(String label, boolean change) {
        this.label = label;
        this.change = change;
    }

    public String label() {
        return label;
    }

    /** True when the action writes to the cloud or to a PBX. */
    public boolean isChange() {
        return change;
    }
}
