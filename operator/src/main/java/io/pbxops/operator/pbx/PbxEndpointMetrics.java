package io.pbxops.operator.pbx;

/** What the PBX drivers count: each operation on a PBX endpoint and how it ended. */
@FunctionalInterface
public interface PbxEndpointMetrics {

    /**
     * @param operation {@code observe}, {@code apply} or {@code disable}
     * @param outcome   {@code success} or the failure's kind ({@code unavailable}, {@code refused}, {@code invalid}, ...)
     */
    void operation(String operation, String outcome);

    static PbxEndpointMetrics none() {
        return (operation, outcome) -> {};
    }
}
