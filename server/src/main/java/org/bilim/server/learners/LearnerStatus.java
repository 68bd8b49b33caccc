package org.bilim.server.learners;

/** Where a learner stands: studying here, moved to another facility, or released. Only ACTIVE learners sign in. */
public enum LearnerStatus {
    ACTIVE, TRANSFERRED, RELEASED
}
