package org.bilim.lti.services;

import java.time.Instant;
import java.util.Objects;

/**
 * A learner's result on one line item, as AGS 2.0's score publish service takes it.
 *
 * @param userId           the learner's platform id (the {@code sub} of their launch)
 * @param scoreGiven       the score, 0 or more, or {@code null} for progress without a score
 * @param scoreMaximum     the maximum the score is out of; required with a score
 * @param comment          a comment for the learner, or {@code null}
 * @param timestamp        when the result happened in Bilim; chosen by the caller, so a resent score
 *                         carries the same moment and the platform keeps the newest (AGS 2.0: a score
 *                         older than the platform's last one is ignored)
 * @param activityProgress how far the learner got
 * @param gradingProgress  whether the score is final
 */
public record Score(String userId, Double scoreGiven, Double scoreMaximum, String comment, Instant timestamp,
                    ActivityProgress activityProgress, GradingProgress gradingProgress) {

    /** AGS 2.0 {@code activityProgress}. */
    public enum ActivityProgress {
        INITIALIZED("Initialized"), STARTED("Started"), IN_PROGRESS("InProgress"), SUBMITTED("Submitted"), COMPLETED("Completed");

        private final String wire;

        ActivityProgress(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** AGS 2.0 {@code gradingProgress}; a platform records a grade only when {@code FullyGraded}. */
    public enum GradingProgress {
        FULLY_GRADED("FullyGraded"), PENDING("Pending"), PENDING_MANUAL("PendingManual"), FAILED("Failed"), NOT_READY("NotReady");

        private final String wire;

        GradingProgress(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Score {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(activityProgress, "activityProgress");
        Objects.requireNonNull(gradingProgress, "gradingProgress");
        if (scoreGiven != null) {
            if (scoreMaximum == null || !(scoreMaximum > 0)) {
                throw new IllegalArgumentException("a score needs a scoreMaximum greater than 0");
            }
            if (!(scoreGiven >= 0)) {
                throw new IllegalArgumentException("scoreGiven must be 0 or more");
            }
        }
    }
}
