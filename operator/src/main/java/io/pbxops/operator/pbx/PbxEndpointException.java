package io.pbxops.operator.pbx;

/**
 * A PBX endpoint failed; the subclasses say how, in the port's terms (drivers translate their own failures). The
 * message is for people and never holds a secret.
 */
public class PbxEndpointException extends RuntimeException {

    public PbxEndpointException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The endpoint refused the credentials of the Secret: terminal until the Secret changes. */
    public static final class AuthenticationRefused extends PbxEndpointException {
        public AuthenticationRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The endpoint (and its standby) did not answer, or answered that it is unavailable: passing. */
    public static final class Unreachable extends PbxEndpointException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The endpoint refused what was sent (a value, a request it does not serve). */
    public static final class Rejected extends PbxEndpointException {
        public Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What was asked for is not on the PBX (a node, an object). */
    public static final class NotFound extends PbxEndpointException {
        public NotFound(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The short name metrics use for the failure ({@code refused}, {@code unreachable}, ...). */
    public String outcome() {
        if (this instanceof AuthenticationRefused) {
            return "refused";
        }
        if (this instanceof Unreachable) {
            return "unreachable";
        }
        if (this instanceof Rejected) {
            return "rejected";
        }
        return this instanceof NotFound ? "not_found" : "failed";
    }
}
