package it.bilim.browser;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Steps several browser tests share: enrolling the browser as a kiosk, signing in. */
final class Flows {
    private Flows() {
    }

    /** A kiosk registered for the world's facility; this browser enrols as it through the link the officer hands out. */
    static String enrolAsKiosk(Browser b, World world) {
        String name = World.unique("Kiosk ");
        JsonNode k = world.registerKiosk(name);
        b.open("/kiosk/#enrol=" + URLEncoder.encode(k.get("enrolmentCode").asText(), StandardCharsets.UTF_8));
        b.visible("kiosk-signin h1");
        return name;
    }

    static void signInLearner(Browser b, World.Learner learner) {
        b.fill("#learner-number", learner.number());
        b.fill("#learner-pin", learner.pin());
        b.click("kiosk-signin button[type=submit]");
        b.visible("kiosk-home h1");
    }

    static void signInStaff(Browser b, String console, String username, String password) {
        b.open("/" + console + "/");
        b.fill("#staff-username", username);
        b.fill("#staff-password", password);
        b.click("staff-signin button[type=submit]");
        b.visible("[data-session-bar] [data-sign-out]");
    }

    static void signInOfficer(Browser b, World world) {
        signInStaff(b, "officer", world.officerUsername, world.officerPassword);
        b.visible("learner-list h1");
    }

    static void signInAdmin(Browser b) {
        signInStaff(b, "admin", ItServer.adminUsername(), ItServer.adminPassword());
        b.visible("facility-list h1");
    }
}
