package org.bilim.server.sessions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.bilim.server.staff.Role;

/**
 * Who may call a resource method; {@link AccessFilter} enforces it before the method runs. Every
 * resource method must carry one (on itself or its class): a method without it is refused, and
 * {@code AccessAnnotationsTest} fails the build.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {
    Audience value();

    /** For {@link Audience#STAFF}: the roles allowed. */
    Role[] roles() default {};

    enum Audience {
        /** Anyone: sign-in endpoints, kiosk enrolment. */
        PUBLIC,
        /** A registered, unlocked kiosk, from an allowed address; no one need be signed in. */
        KIOSK,
        /** A learner signed in on the registered kiosk they signed in at. */
        LEARNER,
        /** A signed-in staff member with one of {@link #roles()}. */
        STAFF,
        /**
         * A university LMS's message carried by the person's browser (the LTI login and launch): it
         * comes from another site by design, and is checked for what it is (state, signature, nonce).
         */
        LTI_PLATFORM
    }
}
