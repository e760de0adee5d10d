package io.pbxops.operator.cloud;

/**
 * Counts consecutive refused logins per credentials (by fingerprint, never by value). After
 * {@value #MAX_REFUSED_LOGINS} refusals of the same credentials no login is attempted until they change: the cloud
 * locks the account after 5 failures, and an operator retrying forever would lock it for everyone.
 */
final class LoginGuard {

    static final int MAX_REFUSED_LOGINS = 3;

    private String refusedFingerprint;
    private int refusals;
    private Integer lastErrorCode;

    /** True when a login with these credentials may be attempted. Forgets the count when the credentials changed. */
    synchronized boolean allows(String fingerprint) {
        if (refusedFingerprint != null && !refusedFingerprint.equals(fingerprint)) {
            reset();
        }
        return refusals < MAX_REFUSED_LOGINS;
    }

    /** Records a refusal and returns how many in a row these credentials got. */
    synchronized int refused(String fingerprint, Integer errorCode) {
        if (!fingerprint.equals(refusedFingerprint)) {
            refusedFingerprint = fingerprint;
            refusals = 0;
        }
        lastErrorCode = errorCode;
        return ++refusals;
    }

    synchronized Integer lastErrorCode() {
        return lastErrorCode;
    }

    synchronized void reset() {
        refusedFingerprint = null;
        refusals = 0;
        lastErrorCode = null;
    }
}
