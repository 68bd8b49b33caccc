package org.bilim.courses.search;

/** A query that cannot be searched for, with a reason the UI can say in the learner's language. */
public final class InvalidQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public enum Reason { EMPTY, TOO_LONG, UNBALANCED_QUOTES, NO_WORDS }

    private final Reason reason;

    public InvalidQueryException(Reason reason) {
        super("query refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
