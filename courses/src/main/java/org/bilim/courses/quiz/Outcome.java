package org.bilim.courses.quiz;

/** How one answer was judged. */
public enum Outcome {
    CORRECT, PARTIALLY_CORRECT, INCORRECT, UNANSWERED,
    /** An essay: a person grades it; it earns nothing until then. */
    NEEDS_GRADING
}
