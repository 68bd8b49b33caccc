package org.bilim.server.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.facilities.Classroom;
import org.bilim.server.facilities.Facility;
import org.bilim.server.kiosks.Kiosk;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.AddressRange;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.Hashing;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;
import org.bilim.server.staff.Role;
import org.bilim.server.staff.StaffAccount;

/**
 * The demo that {@code ./bilim run} starts with (only when {@code bilim.demo} is true): one
 * facility with a classroom and two kiosks registered for this machine, three learners, an
 * officer and an administrator, and two approved courses every learner is enrolled in
 * ({@link DemoCourses}). Passwords and PINs are made at random on the first start and
 * kept in {@code demo-credentials.properties} in the data directory (readable by its owner only),
 * so nothing guessable is ever in the code. A demo kiosk that has not enrolled yet gets a fresh
 * enrolment code at every start.
 */
@ApplicationScoped
public class DemoData {
    static final String FACILITY_CODE = "DEMO-ALM";
    static final String FILE = "demo-credentials.properties";

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Hashing hashing;

    @Inject
    AuditLog audit;

    @Inject
    BilimConfig config;

    @Inject
    DemoCourses courses;

    /** What to print for the person who started the demo. */
    public record Printout(Properties credentials, List<String[]> kioskCodes) {
        public String text(String base) {
            if (credentials.isEmpty()) {
                return "  Demo data: " + FILE + " is missing from the data directory; reset passwords and PINs in the consoles,"
                        + " or start with an empty BILIM_DATA_DIR.\n";
            }
            StringBuilder b = new StringBuilder("  Demo data (facility " + FACILITY_CODE + "); credentials are kept in "
                    + FILE + " in the data directory:\n");
            b.append("    admin console:   ").append(credentials.getProperty("admin.username")).append(" / ")
                    .append(credentials.getProperty("admin.password")).append('\n');
            b.append("    officer console: ").append(credentials.getProperty("officer.username")).append(" / ")
                    .append(credentials.getProperty("officer.password")).append('\n');
            for (int i = 1; credentials.containsKey("learner." + i + ".number"); i++) {
                b.append("    learner ").append(credentials.getProperty("learner." + i + ".number"))
                        .append("  PIN ").append(credentials.getProperty("learner." + i + ".pin"))
                        .append("  (").append(credentials.getProperty("learner." + i + ".name")).append(")\n");
            }
            if (kioskCodes.isEmpty()) {
                b.append("    both demo kiosks are enrolled; sign in at ").append(base).append("/kiosk/\n");
            }
            for (String[] k : kioskCodes) {
                b.append("    enrol ").append(k[0]).append(" in a browser on this machine: ")
                        .append(base).append("/kiosk/#enrol=").append(k[1]).append("  (code ").append(k[1]).append(")\n");
            }
            return b.toString();
        }
    }

    @Transactional
    public Printout seed() {
        Path file = config.dataDir().resolve(FILE);
        boolean exists = !em.createQuery("SELECT f.id FROM Facility f WHERE f.code = :c", Long.class)
                .setParameter("c", FACILITY_CODE).getResultList().isEmpty();
        Properties credentials = exists ? read(file) : create(file);
        courses.seed(em.createQuery("SELECT f FROM Facility f WHERE f.code = :c", Facility.class)
                .setParameter("c", FACILITY_CODE).getSingleResult());
        List<String[]> codes = new ArrayList<>();
        List<Kiosk> kiosks = em.createQuery("SELECT k FROM Kiosk k WHERE k.facility.code = :c ORDER BY k.name", Kiosk.class)
                .setParameter("c", FACILITY_CODE).getResultList();
        OffsetDateTime expires = Times.now().plus(config.enrolmentCodeTtl());
        for (Kiosk k : kiosks) {
            if (!k.enrolled()) {
                String code = Tokens.newEnrolmentCode();
                k.issueEnrolmentCode(Tokens.sha256(Tokens.normaliseCode(code)), expires);
                codes.add(new String[] {k.name(), code});
            }
        }
        return new Printout(credentials, codes);
    }

    private Properties create(Path file) {
        Facility facility = new Facility(FACILITY_CODE, "Учреждение ЛА-155/14 (демо)", "Алматинская область", Language.RU);
        facility.addRange(AddressRange.parse("127.0.0.0/8").orElseThrow(), "this machine (demo)");
        facility.addRange(AddressRange.parse("::1/128").orElseThrow(), "this machine (demo)");
        em.persist(facility);
        Classroom room = new Classroom(facility, "Класс 1");
        em.persist(room);
        em.persist(new Kiosk(facility, room, "Kiosk 1"));
        em.persist(new Kiosk(facility, room, "Kiosk 2"));

        Properties p = new Properties();
        String adminPassword = Tokens.newToken().substring(0, 16);
        String officerPassword = Tokens.newToken().substring(0, 16);
        em.persist(new StaffAccount("admin", "Demo Administrator", Role.ADMIN, null, Language.RU, hashing.hashPassword(adminPassword)));
        em.persist(new StaffAccount("officer", "Демо Офицер", Role.OFFICER, facility, Language.RU, hashing.hashPassword(officerPassword)));
        p.setProperty("admin.username", "admin");
        p.setProperty("admin.password", adminPassword);
        p.setProperty("officer.username", "officer");
        p.setProperty("officer.password", officerPassword);

        String[][] learners = {
            {"A-1001", "Айгерім Сейітқали", "kk"},
            {"A-1002", "Дмитрий Ковалёв", "ru"},
            {"A-1003", "Nurlan Abenov", "en"},
        };
        for (int i = 0; i < learners.length; i++) {
            String pin = Tokens.newPin();
            em.persist(new Learner(facility, learners[i][0], learners[i][1], Language.fromTag(learners[i][2]).orElseThrow(),
                    hashing.hashPin(pin)));
            p.setProperty("learner." + (i + 1) + ".number", learners[i][0]);
            p.setProperty("learner." + (i + 1) + ".name", learners[i][1]);
            p.setProperty("learner." + (i + 1) + ".pin", pin);
        }
        em.flush();
        audit.append(new AuditEntry(ActorKind.SYSTEM, null, null, "demo.seeded", facility.id(), "facility", facility.id(),
                "demo facility, classroom, 2 kiosks, 3 learners, officer and administrator", null));
        write(file, p);
        return p;
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (!Files.exists(file)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo data exists but " + file + " cannot be read", e);
        }
        return p;
    }

    private static void write(Path file, Properties p) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "Bilim demo credentials: made at random on the first start of this demo database");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
