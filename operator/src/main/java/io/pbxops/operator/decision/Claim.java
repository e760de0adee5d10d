package io.pbxops.operator.decision;

/**
 * Who holds the cloud object a declared object stands for. A cloud object has at most one owning object in the
 * cluster; a decision for any other claimant writes and deletes nothing.
 *
 * @param holder the owning object ({@code Kind namespace/name}) when it is another one, else null
 */
public record Claim(String holder) {

    /** Nobody else holds it: this object may create, adopt, change and delete it. */
    public static final Claim FREE = new Claim(null);

    public static Claim heldBy(String holder) {
        return new Claim(holder);
    }

    public boolean heldByAnother() {
        return holder != null;
    }
}
