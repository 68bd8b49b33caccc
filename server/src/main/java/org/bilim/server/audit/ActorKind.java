package org.bilim.server.audit;

/** Who acted: a staff member, a learner, a kiosk device, an unknown party (a failed sign-in), or Bilim itself. */
public enum ActorKind {
    STAFF, LEARNER, KIOSK, ANONYMOUS, SYSTEM
}
