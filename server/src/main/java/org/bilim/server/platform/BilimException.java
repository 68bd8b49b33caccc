package org.bilim.server.platform;

import java.util.List;

/**
 * The one exception a Bilim service throws when a request cannot be honoured. It carries a
 * {@link ProblemCode} and the arguments its localised detail needs; {@code ProblemMappers} turns
 * it into RFC 9457 problem details. Throwing it inside a transaction rolls the transaction back,
 * so a refused request changes nothing.
 */
public class BilimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemCode problem;
    private final transient Object[] args;
    private final transient List<FieldError> fieldErrors;

    public BilimException(ProblemCode problem, Object... args) {
        this(problem, List.of(), args);
    }

    public BilimException(ProblemCode problem, List<FieldError> fieldErrors, Object... args) {
        super(problem.code(), null, false, false);
        this.problem = problem;
        this.args = args.clone();
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * A refusal that belongs to one field of the request (a learner number already in use, a
     * range that does not parse): the problem's detail is also listed under that field, so the
     * form can show it there.
     */
    public static BilimException forField(ProblemCode problem, String field, Object... args) {
        return new BilimException(problem, List.of(new FieldError(field, problem.code(), List.of(args))), args);
    }

    public ProblemCode problem() {
        return problem;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** A field that failed validation: its JSON name, a stable code and the arguments of its message. */
    public record FieldError(String field, String code, List<Object> args) {
        public FieldError {
            args = List.copyOf(args);
        }

        public static FieldError of(String field, String code, Object... args) {
            return new FieldError(field, code, List.of(args));
        }
    }
}
