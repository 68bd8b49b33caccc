package org.bilim.server.sessions;

/** A learner signed in at a kiosk, or a staff member signed in on the staff entry point. */
public enum SessionKind {
    LEARNER, STAFF
}
