package io.pbxops.operator.api;

/** Labels the operator reads and writes on the objects around the five kinds. */
public final class Labels {

    /**
     * On a Secret: {@code activation} for the activation Secrets the operator writes, {@code credentials} for the
     * O2G and proxy credentials users write. The operator watches only the Secrets that carry it (it reads an
     * unlabelled one it is pointed at by name, without noticing its changes).
     */
    public static final String SECRET = "pbxops.io/secret";

    public static final String SECRET_ACTIVATION = "activation";
    public static final String SECRET_CREDENTIALS = "credentials";

    private Labels() {}
}
