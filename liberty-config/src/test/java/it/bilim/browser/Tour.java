package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.bilim.lti.sim.PlatformSimulator;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * Every screen and state of the front ends, in one walk per front end, calling {@code check}
 * at each: the accessibility test runs axe there, the reflow test measures the width. Each walk
 * makes its own facility, officer, kiosk and learners.
 */
final class Tour {
    private final Browser b;
    private final Consumer<String> check;

    Tour(Browser browser, Consumer<String> check) {
        this.b = browser;
        this.check = check;
    }

    void startPage() {
        b.open("/");
        b.visible("start-page h1");
        check.accept("start page");
        b.open("/no-such-page");
        b.visible("main h1");
        check.accept("page not found");
    }

    void kiosk() {
        kiosk(true);
    }

    /** @param everyIdleTheme the idle warning in two themes (the colours differ), or once (its layout is the same) */
    void kiosk(boolean everyIdleTheme) {
        World world = World.create();
        World.Learner learner = world.learner("kk");

        b.open("/kiosk/");
        b.visible("kiosk-enrol h1");
        check.accept("kiosk: not enrolled");
        b.fill("#enrol-code", "NOPE");
        b.click("kiosk-enrol button[type=submit]");
        b.visible("#enrol-problem h2");
        check.accept("kiosk: enrolment code refused");

        Flows.enrolAsKiosk(b, world);
        b.visible("kiosk-signin [data-notice]");
        check.accept("kiosk: sign-in");
        b.fill("#learner-number", learner.number());
        b.fill("#learner-pin", KioskLearnerIT.wrong(learner.pin()));
        b.click("kiosk-signin button[type=submit]");
        b.visible("#signin-problem h2");
        check.accept("kiosk: sign-in with an error");

        b.fill("#learner-pin", learner.pin());
        b.click("kiosk-signin button[type=submit]");
        b.visible("kiosk-home [data-empty-courses]");
        check.accept("kiosk: home (Kazakh)");
        b.click("label[for=kiosk-a11y-highContrast]");
        htmlClass("a11y-high-contrast", true);
        check.accept("kiosk: home, high contrast");
        b.click("label[for=kiosk-a11y-largeText]");
        htmlClass("a11y-large-text", true);
        check.accept("kiosk: home, high contrast and large text");
        b.click("label[for=kiosk-a11y-highContrast]");
        htmlClass("a11y-high-contrast", false);
        check.accept("kiosk: home, large text");

        b.visible("dialog.idle-warning[open]", Duration.ofSeconds(20));
        check.accept("kiosk: idle warning, large text");
        b.click("dialog.idle-warning [data-continue]");
        if (everyIdleTheme) {
            b.click("label[for=kiosk-a11y-highContrast]");
            htmlClass("a11y-high-contrast", true);
            b.visible("dialog.idle-warning[open]", Duration.ofSeconds(20));
            check.accept("kiosk: idle warning, high contrast and large text");
            b.click("dialog.idle-warning [data-continue]");
        }

        b.click("kiosk-home [data-sign-out]");
        b.visible("kiosk-signin [data-notice]");
        htmlClass("a11y-large-text", false);
        check.accept("kiosk: signed out");

        Api.Response locked = world.officer().post("/api/staff/kiosks/" + kioskId(world) + "/lock", null);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
        b.driver.navigate().refresh();
        b.visible("main h1[data-problem-code]");
        check.accept("kiosk: refused (locked)");
    }

    void officer() {
        World world = World.create();
        World.Learner learner = world.learner("ru");

        b.open("/officer/");
        b.visible("staff-signin h1");
        check.accept("officer: sign-in");
        b.fill("#staff-username", world.officerUsername);
        b.fill("#staff-password", "not the password");
        b.click("staff-signin button[type=submit]");
        b.visible("#staff-signin-problem h2");
        check.accept("officer: sign-in with an error");
        Flows.signInOfficer(b, world);
        b.visible("learner-list caption");
        check.accept("officer: learners");

        b.open("/officer/#/learners/new");
        b.visible("#lf-number");
        b.click("learner-editor form[data-form=learner] button[type=submit]");
        b.visible("#learner-problem h2");
        check.accept("officer: new learner with field errors");
        b.fill("#lf-number", World.unique("N-"));
        b.fill("#lf-name", "Айгерім Сейітқали");
        b.click("learner-editor form[data-form=learner] button[type=submit]");
        b.visible("one-time-secret [data-secret]");
        check.accept("officer: new learner's PIN shown");

        b.open("/officer/#/learners/" + learner.id());
        b.visible("#lf-status");
        check.accept("officer: learner record");
        b.click("learner-editor [data-reset-pin]");
        b.visible("dialog.confirm-dialog[open]");
        check.accept("officer: reset PIN confirmation");
        b.click("dialog.confirm-dialog [data-answer=yes]");
        b.visible("one-time-secret[data-id=reset-pin] [data-secret]");
        check.accept("officer: reset PIN shown");

        b.click("[data-nav=kiosks]");
        b.visible("kiosk-list h1");
        b.click("kiosk-list form[data-form=kiosk] button[type=submit]");
        b.visible("#kiosk-problem h2");
        check.accept("officer: kiosk registration with field errors");
        b.fill("#kf-name", World.unique("Seat "));
        b.click("kiosk-list form[data-form=kiosk] button[type=submit]");
        b.visible("one-time-secret[data-id=kiosk-code] [data-secret]");
        b.visible("kiosk-list tbody tr");
        check.accept("officer: kiosks with an enrolment code shown");
        b.click("kiosk-list button[data-action=lock]");
        b.visible("dialog.confirm-dialog[open]");
        check.accept("officer: lock confirmation");
        b.type(Keys.ESCAPE);

        b.click("[data-nav=grading]");
        b.visible("submission-list [data-results] > *");
        check.accept("officer: case studies to grade");
        b.click("submission-list a[href='#/essays']");
        b.visible("essay-list [data-results] > *");
        check.accept("officer: quiz essays to grade");
        b.click("[data-nav=grade-deliveries]");
        b.visible("grade-deliveries [data-results] > *");
        check.accept("officer: grades to the university");
        b.click("[data-nav=lms-courses]");
        b.visible("lms-courses [data-results] > *");
        check.accept("officer: LMS rosters");

        b.click("[data-nav=audit]");
        b.visible("audit-log [data-verdict]");
        b.visible("audit-log tbody tr");
        check.accept("officer: audit log");

        b.click("label[for=display-highContrast]");
        htmlClass("a11y-high-contrast", true);
        check.accept("officer: audit log, high contrast");
        b.click("[data-nav=learners]");
        b.visible("learner-list caption");
        check.accept("officer: learners, high contrast");
        b.click("label[for=display-largeText]");
        htmlClass("a11y-large-text", true);
        check.accept("officer: learners, high contrast and large text");
        b.click("label[for=display-highContrast]");
        htmlClass("a11y-high-contrast", false);
        b.open("/officer/#/learners/" + learner.id());
        b.visible("#lf-status");
        check.accept("officer: learner record, large text");
        b.click("label[for=display-largeText]");
        htmlClass("a11y-large-text", false);

        b.click("[data-session-bar] [data-sign-out]");
        b.visible("staff-signin [data-notice]");
        check.accept("officer: signed out");
    }

    void admin() {
        Flows.signInAdmin(b);
        b.visible("facility-list caption");
        check.accept("admin: facilities");
        b.click("facility-list form[data-form=facility] button[type=submit]");
        b.visible("#facility-problem h2");
        check.accept("admin: new facility with field errors");
        String code = World.unique("T-");
        b.fill("#ff-code", code);
        b.fill("#ff-name", "Учреждение " + code);
        b.fill("#ff-region", "Павлодарская область");
        b.click("facility-list form[data-form=facility] button[type=submit]");
        b.visible("facility-editor #fr-cidr");
        check.accept("admin: facility without ranges");
        b.fill("#fr-cidr", "10.300.0.0/16");
        b.click("facility-editor form[data-form=range] button[type=submit]");
        b.visible("#fr-problem h2");
        check.accept("admin: address range refused");
        b.fill("#fr-cidr", "10.20.0.0/16");
        b.fill("#fr-label", "Classroom network");
        b.click("facility-editor form[data-form=range] button[type=submit]");
        b.visible("facility-editor tr[data-range-id]");
        b.fill("#fc-name", "Класс 2");
        b.click("facility-editor form[data-form=classroom] button[type=submit]");
        b.visible("facility-editor [data-room-list]");
        check.accept("admin: facility with a range and a classroom");
        b.click("facility-editor button[data-remove-range]");
        b.visible("dialog.confirm-dialog[open]");
        check.accept("admin: remove range confirmation");
        b.type(Keys.ESCAPE);

        b.click("[data-nav=accounts]");
        b.visible("staff-accounts caption");
        b.visible("#af-username");
        check.accept("admin: staff accounts");
        b.fill("#af-username", "x");
        b.fill("#af-password", "short");
        b.click("staff-accounts form[data-form=account] button[type=submit]");
        b.visible("#account-problem h2");
        check.accept("admin: new account with field errors");
        b.click("staff-accounts tbody th a");
        b.visible("#ae-name");
        check.accept("admin: staff account");

        b.click("[data-nav=search-index]");
        b.visible("search-index [data-index-state]");
        check.accept("admin: search index");
        b.click("search-index [data-rebuild]");
        b.visible("dialog.confirm-dialog[open]");
        check.accept("admin: rebuild confirmation");
        b.type(Keys.ESCAPE);

        String university = World.unique("Университет ");
        CourseFixture.university(university);
        b.click("[data-nav=lti]");
        b.visible("lti-connections tr[data-key-state=CURRENT]");
        b.visible("lti-invitations form[data-form=invitation]");
        check.accept("admin: LMS connections");
        b.click("lti-invitations form[data-form=invitation] button[type=submit]");
        b.visible("#lti-invite-problem h2");
        check.accept("admin: LMS invitation with field errors");
        new Select(b.visible("#li-university")).selectByVisibleText(university);
        b.fill("#li-lmsUrl", "https://" + World.unique("moodle-") + ".example.kz");
        b.click("lti-invitations form[data-form=invitation] button[type=submit]");
        b.visible("one-time-secret[data-id=lti-invitation-url] [data-secret-address]");
        b.visible("lti-invitations tr[data-invitation-state=UNUSED]");
        check.accept("admin: LMS registration URL shown");

        b.click("[data-nav=audit]");
        b.visible("audit-log [data-verdict]");
        b.visible("audit-log tbody tr");
        check.accept("admin: audit log");
        b.click("label[for=display-highContrast]");
        htmlClass("a11y-high-contrast", true);
        b.click("[data-nav=facilities]");
        b.visible("facility-list caption");
        check.accept("admin: facilities, high contrast");
        b.click("label[for=display-largeText]");
        htmlClass("a11y-large-text", true);
        check.accept("admin: facilities, high contrast and large text");
        b.click("label[for=display-highContrast]");
        b.click("label[for=display-largeText]");
        htmlClass("a11y-large-text", false);
    }

    /**
     * The lecturer workspace as the LMS's activity chooser opens it (Deep Linking): the choice of
     * Bilim content, with a problem, and in high contrast and large text.
     */
    void lecturer() throws IOException {
        long university = CourseFixture.university(World.unique("KazNU "));
        CourseFixture course = CourseFixture.create(World.create(), university, "Қаржылық сауаттылық " + World.unique(""), "kk");
        String week = course.module("1-апта: бюджет");
        course.item(week, Items.page("Оқу", "<p>Отбасы бюджеті.</p>"));
        course.item(week, Items.quiz("Өзін-өзі тексеру", 2));
        try (PlatformSimulator lms = Lms.registered(university)) {
            Lms.deepLinking(lms, "Асель Нурланова", true);
            b.driver.get(Lms.login(lms).toString());
            b.visible("deep-linking-picker input[type=checkbox][name=pick]");
            check.accept("lecturer: Deep Linking choice");
            b.click("deep-linking-picker button[type=submit]");
            b.visible("#dl-problem h2");
            check.accept("lecturer: Deep Linking choice, nothing chosen");
            b.click("label[for=display-highContrast]");
            htmlClass("a11y-high-contrast", true);
            b.click("label[for=display-largeText]");
            htmlClass("a11y-large-text", true);
            check.accept("lecturer: Deep Linking choice, high contrast and large text");
            b.click("label[for=display-highContrast]");
            b.click("label[for=display-largeText]");
            htmlClass("a11y-large-text", false);
        }
    }

    private void htmlClass(String cls, boolean present) {
        b.waiting(Browser.WAIT).until(d -> d.findElement(By.tagName("html")).getAttribute("class").contains(cls) == present);
    }

    private static long kioskId(World world) {
        var kiosks = world.officer().get("/api/staff/kiosks").json();
        for (var k : kiosks) {
            if (k.get("enrolled").asBoolean()) {
                return k.get("id").asLong();
            }
        }
        throw new AssertionError("no enrolled kiosk in " + kiosks);
    }
}
