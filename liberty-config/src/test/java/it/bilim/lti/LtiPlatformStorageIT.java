package it.bilim.lti;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.RegisteredLms;
import it.bilim.support.World;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A launch whose cookie a third-party frame never kept, from an LMS that offers its storage frame
 * (OIDC Login with LTI Client Side postMessages): the login answers with Bilim's page that keeps
 * the state and nonce in the LMS's frame (and still sets the cookie); the launch without the cookie
 * answers with the page that reads them back; Bilim's own page posts them and the launch completes.
 * The browser's part (the postMessages) is {@code LecturerLaunchPlatformStorageIT}'s; here the
 * server's checks: another login's state, a replayed state, no state at all and a post from
 * another site are refused, with the plain page and a reference code.
 */
class LtiPlatformStorageIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String FRAME = "lti_storage_frame";
    private static final Map<String, String> FROM_BILIM = Map.of("Origin", ItServer.url(), "Sec-Fetch-Site", "same-origin");
    private static PlatformSimulator lms;
    private static long courseId;

    @BeforeAll
    static void aRegisteredLmsAndACourseOfItsUniversity() throws java.io.IOException {
        long university = CourseFixture.university(World.unique("al-Farabi KazNU "));
        lms = RegisteredLms.start(PlatformSimulator.builder().platformStorage(FRAME), university);
        courseId = CourseFixture.create(World.create(), university, "Правовая грамотность " + World.unique(""), "ru").id();
        lms.launchWith(Map.of("sub", World.unique("teacher-"), "name", "Daniyar Omarov", LTI + "roles", List.of(SimMember.INSTRUCTOR),
                LTI + "custom", Map.of("bilim_course", Long.toString(courseId)), LTI + "launch_presentation",
                Map.of("document_target", "iframe", "locale", "ru", "return_url", lms.baseUri() + "/course")));
    }

    @AfterAll
    static void stop() {
        if (lms != null) {
            lms.close();
        }
    }

    /** A login kept in the LMS's storage, and the launch the LMS posts back for it. */
    private record Started(Map<String, String> stored, Map<String, String> launch) {
        /** What Bilim's page posts after reading the storage back: the launch and these values. */
        Map<String, String> readBack(String state, String nonce) {
            Map<String, String> form = new LinkedHashMap<>(launch);
            if (state != null) {
                form.put("lti_storage_state", state);
            }
            if (nonce != null) {
                form.put("lti_storage_nonce", nonce);
            }
            return form;
        }

        Map<String, String> readBack() {
            return readBack(stored.get("state"), stored.get("nonce"));
        }
    }

    private static Started started() {
        LtiBrowser browser = new LtiBrowser(lms);
        Map<String, String> stored = browser.loginWithPlatformStorage(FRAME);
        return new Started(stored, browser.authorize(URI.create(stored.get("next"))));
    }

    /** The launch as the LMS's frame posts it: without the login's cookie, which the frame never kept. */
    private static LtiBrowser.Page withoutTheCookie(LtiBrowser frame, Started s) {
        return frame.post("/api/lti/launch", s.launch());
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Test
    void theStateKeptInTheLmsStorageCompletesALaunchThatCameWithoutItsCookie() {
        Started s = started();
        // What the login page keeps, where, and where it goes next.
        assertThat(s.stored()).containsEntry("lti-storage", "put").containsEntry("target", FRAME)
                .containsEntry("platform-origin", origin(lms.authorizationEndpoint()))
                .containsEntry("state-key", "state_" + s.stored().get("state")).containsEntry("nonce-key", "nonce_" + s.stored().get("nonce"));
        assertThat(s.stored().get("next")).startsWith(lms.authorizationEndpoint().toString());
        assertThat(s.launch().get("state")).isEqualTo(s.stored().get("state"));

        LtiBrowser frame = new LtiBrowser(lms);
        LtiBrowser.Page checking = withoutTheCookie(frame, s);
        assertThat(checking.status()).as(checking.toString()).isEqualTo(200);
        assertThat(checking.header("Content-Security-Policy")).contains("script-src 'self'").contains("form-action 'self'")
                .contains("frame-ancestors " + origin(lms.baseUri()));
        Map<String, String> data = LtiBrowser.dataAttributes(checking.body());
        assertThat(data).containsEntry("lti-storage", "get").containsEntry("target", FRAME)
                .containsEntry("platform-origin", origin(lms.authorizationEndpoint()))
                .containsEntry("state-key", s.stored().get("state-key")).containsEntry("nonce-key", s.stored().get("nonce-key"));
        assertThat(checking.body()).contains("action=\"/api/lti/launch/storage\"").doesNotContain("bilim-session");
        assertThat(LtiBrowser.hiddenFields(checking.body())).containsEntry("id_token", s.launch().get("id_token"))
                .containsEntry("state", s.launch().get("state"));

        LtiBrowser.Page launched = frame.post("/api/lti/launch/storage", s.readBack(), FROM_BILIM);
        assertThat(launched.status()).as(launched.toString()).isEqualTo(200);
        assertThat(launched.body()).contains("<lecturer-workspace>").contains("<meta name=\"bilim-course\" content=\"" + courseId + "\">")
                .contains("<meta name=\"bilim-session\"");

        // The state answers one launch only.
        LtiBrowser.Page replayed = frame.post("/api/lti/launch/storage", s.readBack(), FROM_BILIM);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains("lti.launch.STATE_MISMATCH").doesNotContain("bilim-session");
        assertThat(withoutTheCookie(new LtiBrowser(lms), s).body()).contains("lti.launch.STATE_MISMATCH").doesNotContain("bilim-session");
    }

    @Test
    void theStoredStateOfAnotherLoginIsRefused() {
        Started mine = started();
        Started other = started();
        LtiBrowser frame = new LtiBrowser(lms);

        LtiBrowser.Page othersState = frame.post("/api/lti/launch/storage",
                mine.readBack(other.stored().get("state"), other.stored().get("nonce")), FROM_BILIM);
        assertThat(othersState.status()).isEqualTo(400);
        assertThat(othersState.body()).contains("lti.launch.STATE_MISMATCH").doesNotContain("bilim-session")
                .contains("<main class=\"lti-message\"><h1>");
        // The refusal is shown inside the LMS's frame: the page may be framed by the LMS of the login.
        assertThat(othersState.header("Content-Security-Policy")).contains("frame-ancestors " + origin(lms.baseUri()));

        LtiBrowser.Page halfMine = frame.post("/api/lti/launch/storage", mine.readBack(mine.stored().get("state"),
                other.stored().get("nonce")), FROM_BILIM);
        assertThat(halfMine.status()).isEqualTo(400);

        // Another login's own proof with this launch's id_token: its nonce is not the token's.
        Map<String, String> swapped = new LinkedHashMap<>(other.readBack());
        swapped.put("id_token", mine.launch().get("id_token"));
        LtiBrowser.Page tokenOfAnother = frame.post("/api/lti/launch/storage", swapped, FROM_BILIM);
        assertThat(tokenOfAnother.status()).isEqualTo(400);
        assertThat(tokenOfAnother.body()).contains("lti.launch.NONCE_MISMATCH").doesNotContain("bilim-session");

        // The refusals took nothing from the login they named: its own proof still completes it.
        assertThat(frame.post("/api/lti/launch/storage", mine.readBack(), FROM_BILIM).status()).isEqualTo(200);
    }

    @Test
    void noStateReadBackIsRefused() {
        Started s = started();
        LtiBrowser frame = new LtiBrowser(lms);
        for (Map<String, String> form : List.of(s.readBack(null, null), s.readBack("", ""), s.readBack(s.stored().get("state"), null))) {
            LtiBrowser.Page refused = frame.post("/api/lti/launch/storage", form, FROM_BILIM);
            assertThat(refused.status()).as(form.keySet().toString()).isEqualTo(400);
            assertThat(refused.body()).contains("lti.launch.STATE_MISMATCH").doesNotContain("bilim-session");
        }
        Map<String, String> noState = new LinkedHashMap<>(s.readBack());
        noState.remove("state");
        assertThat(frame.post("/api/lti/launch/storage", noState, FROM_BILIM).body()).contains("lti.launch.STATE_MISSING");
    }

    @Test
    void theStorageProofPostedByAnotherSiteIsRefused() {
        Started s = started();
        LtiBrowser victim = new LtiBrowser(lms);
        // A page of another site can post any values; only Bilim's own page is believed.
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Origin", "http://attacker.example"),
                Map.of("Origin", "null"), Map.of("Origin", ItServer.url(), "Sec-Fetch-Site", "cross-site"))) {
            LtiBrowser.Page refused = victim.post("/api/lti/launch/storage", s.readBack(), headers);
            assertThat(refused.status()).as(headers.toString()).isEqualTo(400);
            assertThat(refused.body()).contains("lti.launch.STATE_MISMATCH").doesNotContain("bilim-session");
        }
        assertThat(victim.post("/api/lti/launch/storage", s.readBack(), FROM_BILIM).status()).isEqualTo(200);
    }

    @Test
    void aLoginWithoutPlatformStorageStillNeedsItsCookie() {
        LtiBrowser browser = new LtiBrowser(lms);
        Map<String, String> launch = browser.authorize(browser.login());
        LtiBrowser frame = new LtiBrowser(lms);
        // No page to read a storage the LMS never offered: refused at once, as before.
        LtiBrowser.Page refused = frame.post("/api/lti/launch", launch);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("lti.launch.STATE_MISMATCH").doesNotContain("data-lti-storage");
        // Nor does the storage path take it.
        Map<String, String> form = new LinkedHashMap<>(launch);
        form.put("lti_storage_state", launch.get("state"));
        assertThat(frame.post("/api/lti/launch/storage", form, FROM_BILIM).status()).isEqualTo(400);
        assertThat(browser.post("/api/lti/launch", launch).status()).isEqualTo(200);
    }
}
