package io.pbxops.simulator.o2g;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A virtual O2G host: its admin account, its OXE nodes and its sessions (sessions are not saved). */
final class O2gHost {

    static final Duration SESSION_TTL = Duration.ofSeconds(1800);

    /** A credential from {@code /authenticate}, and whether a session was opened with it. */
    static final class Session {
        Instant lastUse;
        boolean open;

        Session(Instant now) {
            this.lastUse = now;
        }
    }

    String host;
    String username;
    String password;
    Map<String, OxeNode> nodes = new LinkedHashMap<>();
    private final transient Map<String, Session> sessions = new ConcurrentHashMap<>();

    void addCredential(String credential, Instant now) {
        sessions.put(credential, new Session(now));
    }

    /** The credential's session, touched, or null when unknown or idle for longer than the TTL (then forgotten). */
    Session use(String credential, Instant now) {
        if (credential == null) {
            return null;
        }
        Session session = sessions.get(credential);
        if (session == null) {
            return null;
        }
        if (Duration.between(session.lastUse, now).compareTo(SESSION_TTL) > 0) {
            sessions.remove(credential);
            return null;
        }
        session.lastUse = now;
        return session;
    }

    void close(String credential) {
        sessions.remove(credential);
    }

    void expireSessions() {
        sessions.clear();
    }
}
