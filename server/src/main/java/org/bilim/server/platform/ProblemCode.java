package org.bilim.server.platform;

/**
 * Every error Bilim can answer with, in one place. The {@code code} is stable: the UI, tests and
 * log searches rely on it. Titles and details come from the message catalogues under
 * {@code problem.<code>.title} and {@code problem.<code>.detail}.
 */
public enum ProblemCode {
    REQUEST_MALFORMED("request.malformed", 400),
    REQUEST_INVALID("request.invalid", 400),
    REQUEST_TOO_LARGE("request.too-large", 413),
    REQUEST_UNSUPPORTED_MEDIA_TYPE("request.unsupported-media-type", 415),
    REQUEST_NOT_ACCEPTABLE("request.not-acceptable", 406),
    REQUEST_METHOD_NOT_ALLOWED("request.method-not-allowed", 405),
    REQUEST_ORIGIN_REJECTED("request.origin-rejected", 403),
    RESOURCE_NOT_FOUND("resource.not-found", 404),
    CONCURRENT_CHANGE("resource.concurrent-change", 409),

    SESSION_REQUIRED("session.required", 401),
    SESSION_EXPIRED("session.expired", 401),
    ACCESS_ROLE_REQUIRED("access.role-required", 403),

    KIOSK_UNREGISTERED("kiosk.unregistered", 401),
    KIOSK_LOCKED("kiosk.locked", 403),
    KIOSK_ADDRESS_NOT_ALLOWED("kiosk.address-not-allowed", 403),
    KIOSK_ENROLMENT_CODE_INVALID("kiosk.enrolment-code-invalid", 400),
    KIOSK_NOT_FOUND("kiosk.not-found", 404),

    SIGNIN_INVALID_CREDENTIALS("signin.invalid-credentials", 401),
    SIGNIN_LOCKED("signin.locked", 403),
    SIGNIN_ACCOUNT_CLOSED("signin.account-closed", 403),
    STAFF_SIGNIN_INVALID_CREDENTIALS("staff-signin.invalid-credentials", 401),
    STAFF_SIGNIN_LOCKED("staff-signin.locked", 403),

    LEARNER_NOT_FOUND("learner.not-found", 404),
    LEARNER_NUMBER_TAKEN("learner.number-taken", 409),
    FACILITY_NOT_FOUND("facility.not-found", 404),
    FACILITY_CODE_TAKEN("facility.code-taken", 409),
    CLASSROOM_NOT_FOUND("classroom.not-found", 404),
    CLASSROOM_NAME_TAKEN("classroom.name-taken", 409),
    ADDRESS_RANGE_INVALID("address-range.invalid", 400),
    ADDRESS_RANGE_NOT_FOUND("address-range.not-found", 404),
    ADDRESS_RANGE_DUPLICATE("address-range.duplicate", 409),
    STAFF_NOT_FOUND("staff.not-found", 404),
    STAFF_USERNAME_TAKEN("staff.username-taken", 409),
    STAFF_OFFICER_NEEDS_FACILITY("staff.officer-needs-facility", 400),
    STAFF_CANNOT_DISABLE_SELF("staff.cannot-disable-self", 409),

    FILE_NOT_FOUND("file.not-found", 404),
    FILE_TOO_LARGE("file.too-large", 413),
    FILE_TYPE_NOT_ALLOWED("file.type-not-allowed", 415),
    UNIVERSITY_NOT_FOUND("university.not-found", 404),
    COURSE_NOT_FOUND("course.not-found", 404),
    COURSE_CODE_TAKEN("course.code-taken", 409),
    COURSE_CONTENT_INVALID("course.content-invalid", 400),
    COURSE_MODULE_NOT_FOUND("course.module-not-found", 404),
    COURSE_ITEM_NOT_FOUND("course.item-not-found", 404),
    COURSE_KEY_TAKEN("course.key-taken", 409),
    COURSE_REVISION_REQUIRED("course.revision-required", 428),
    COURSE_REVISION_STALE("course.revision-stale", 412),
    COURSE_NOT_AUTHOR("course.not-author", 403),
    VERSION_NOT_FOUND("version.not-found", 404),
    APPROVAL_HASH_MISMATCH("approval.hash-mismatch", 409),
    APPROVAL_OTHER_FACILITY("approval.other-facility", 403),
    APPROVAL_REASON_REQUIRED("approval.reason-required", 400),
    ENROLMENT_COURSE_NOT_APPROVED("enrolment.course-not-approved", 409),
    ENROLMENT_NOT_FOUND("enrolment.not-found", 404),
    IMPORT_NOT_FOUND("import.not-found", 404),
    IMPORT_BUSY("import.busy", 429),
    ITEM_NOT_FOUND("item.not-found", 404),
    ITEM_WRONG_KIND("item.wrong-kind", 409),
    SUBMISSION_ALREADY_SUBMITTED("submission.already-submitted", 409),
    SUBMISSION_NOT_FOUND("submission.not-found", 404),
    SUBMISSION_EMPTY("submission.empty", 409),
    SUBMISSION_NOT_SUBMITTED("submission.not-submitted", 409),
    SUBMISSION_SCORE_OUT_OF_RANGE("submission.score-out-of-range", 400),
    QUIZ_NO_ATTEMPTS_LEFT("quiz.no-attempts-left", 409),
    QUIZ_ATTEMPT_NOT_FOUND("quiz.attempt-not-found", 404),

    SERVER_STARTING("server.starting", 503),
    SEARCH_QUERY_EMPTY("search.query-empty", 400),
    SEARCH_QUERY_TOO_LONG("search.query-too-long", 400),
    SEARCH_QUERY_UNBALANCED_QUOTES("search.query-unbalanced-quotes", 400),
    SEARCH_QUERY_NO_WORDS("search.query-no-words", 400),
    SEARCH_UNAVAILABLE("search.unavailable", 503),
    LTI_REGISTRATION_NOT_FOUND("lti.registration-not-found", 404),
    LTI_REGISTRATION_TAKEN("lti.registration-taken", 409),
    LTI_URL_INVALID("lti.url-invalid", 400),
    LTI_DEEP_LINKING_NOT_FOUND("lti.deep-linking-not-found", 404),
    LTI_DEEP_LINKING_REFUSED("lti.deep-linking-refused", 400),
    LTI_LMS_COURSE_NOT_FOUND("lti.lms-course-not-found", 404),
    LTI_ROSTER_NO_SERVICE("lti.roster-no-service", 409),
    LTI_ROSTER_UNAVAILABLE("lti.roster-unavailable", 502),
    LTI_MEMBER_NOT_FOUND("lti.member-not-found", 404),
    LTI_MEMBER_MATCHED_ELSEWHERE("lti.member-matched-elsewhere", 409),
    LTI_LEARNER_NOT_MATCHABLE("lti.learner-not-matchable", 400),
    LTI_LEARNER_ALREADY_MATCHED("lti.learner-already-matched", 409),
    GRADE_DELIVERY_NOT_FOUND("grade.delivery-not-found", 404),
    GRADE_DELIVERY_NOT_FAILED("grade.delivery-not-failed", 409),
    SUBMISSION_COURSE_REQUIRED("submission.course-required", 400),
    SERVER_ERROR("server.error", 500);

    private final String code;
    private final int status;

    ProblemCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
