package org.bilim.server.lti;

import org.bilim.server.platform.Messages;

/**
 * The lecturer's workspace as a launch opens it: the UI's lecturer page, with the session handed
 * over in the page itself. In an LMS frame Bilim's cookies are third-party and may be blocked, so
 * the session is not a cookie: the page reads it once into memory and sends it as a bearer token.
 * The page is the answer to the launch's POST and is never cached.
 */
final class LecturerShell {
    private LecturerShell() {
    }

    static String render(LtiLaunches.LecturerLaunch lecturer) {
        return render(lecturer, null);
    }

    /** With a Deep Linking reference, the workspace opens the picker for the platform's request. */
    static String render(LtiLaunches.LecturerLaunch lecturer, String deepLinkingRef) {
        String lang = lecturer.language().tag();
        String course = lecturer.course().map(c -> "<meta name=\"bilim-course\" content=\"" + c.id() + "\">").orElse("");
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + LtiPages.escape(Messages.get(lecturer.language(), "lti.page.workspace.title")) + " — Bilim</title>"
                + "<meta name=\"bilim-session\" content=\"" + LtiPages.escape(lecturer.token()) + "\">" + course
                + (deepLinkingRef == null ? "" : "<meta name=\"bilim-deep-linking\" content=\"" + LtiPages.escape(deepLinkingRef) + "\">")
                + "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"/css/base.css\"><link rel=\"stylesheet\" href=\"/css/console.css\">"
                + "<script type=\"module\" src=\"/lecturer/main.js\"></script></head>"
                + "<body class=\"console\"><lecturer-workspace></lecturer-workspace>"
                + "<div class=\"visually-hidden\" aria-live=\"polite\" data-announcer></div></body></html>";
    }
}
