package org.bilim.server.grades;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** What the grade passback and roster API reads and writes. */
public final class GradeViews {
    private GradeViews() {
    }

    /** An LMS course linked to a Bilim course, with what its launches offered and its roster's state. */
    public record LmsCourse(long platformId, String issuer, String contextId, String contextTitle, long courseId, String courseCode,
                            String courseTitle, boolean rosterService, boolean gradeService, OffsetDateTime rosterReadAt,
                            String rosterError, OffsetDateTime rosterErrorAt, int members, int confirmedHere) {
    }

    /** A learner of the officer's facility enrolled in the course, who may be matched to a student. */
    public record Candidate(long learnerId, String learnerNumber, String fullName) {
    }

    /** A confirmed match to a learner of the officer's facility. */
    public record Match(long learnerId, String learnerNumber, String learnerName, OffsetDateTime confirmedAt, String confirmedBy) {
    }

    /**
     * A student of the LMS course. {@code matchedElsewhere}: confirmed by another facility's officer
     * (which learner is not shown). {@code suggestedLearnerId}: an unmatched candidate with exactly
     * this name, for the officer to confirm or not.
     */
    public record RosterMember(String userId, String name, String email, String sourcedId, String status, boolean present, Match match,
                               boolean matchedElsewhere, Long suggestedLearnerId) {
    }

    public record RosterView(LmsCourse course, List<RosterMember> members, List<Candidate> candidates) {
    }

    /** Confirms that a student is a learner, or with no learner withdraws the confirmation. */
    public record MatchChange(@NotBlank @Size(max = 255) String userId, Long learnerId) {
    }

    /** One grade on its way to one university gradebook, as officers and lecturers see it. */
    public record DeliveryView(long id, long courseId, String itemKey, String itemTitle, String learnerLabel, String issuer,
                               String contextId, String source, long sourceId, BigDecimal scoreGiven, BigDecimal scoreMaximum, String state,
                               int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                               OffsetDateTime sentAt) {
    }

    /**
     * Where a piece of graded work stands with the university gradebooks: {@code NOT_LINKED} (no LMS
     * course is linked to the Bilim course), {@code NO_GRADE_SERVICE} (linked, but no launch offered
     * AGS), {@code UNCONFIRMED} (no officer has confirmed which student the learner is),
     * {@code NOT_GRADED}, or the state of its latest deliveries: {@code PENDING}, {@code SENT},
     * {@code FAILED}.
     */
    public record PassbackView(String state, List<DeliveryView> deliveries) {
    }
}
