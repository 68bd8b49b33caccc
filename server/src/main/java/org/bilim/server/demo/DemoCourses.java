package org.bilim.server.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bilim.courses.content.CaptionTrack;
import org.bilim.courses.content.CaseStudyItem;
import org.bilim.courses.content.CaseTask;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.quiz.Choice;
import org.bilim.courses.quiz.Question;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.ContentIntake;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.catalogue.LintEntry;
import org.bilim.server.catalogue.University;
import org.bilim.server.enrolments.Enrolment;
import org.bilim.server.facilities.Facility;
import org.bilim.server.files.FileStore;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.Language;
import org.bilim.server.search.SearchChanges;
import org.bilim.server.staff.StaffAccount;
import org.bilim.server.vetting.CourseApproval;

/**
 * Two complete demo courses, one in Russian and one in Kazakh, each with a page, a PDF, a short
 * video with captions, a case study and a practice quiz; approved for the demo facility by its
 * officer and with every demo learner enrolled. They go through the same sanitiser and file
 * store as any authored course. Seeded once; a demo database from before courses existed gets
 * them on its next start.
 */
@ApplicationScoped
public class DemoCourses {
    static final String UNIVERSITY = "Казахский национальный университет имени аль-Фараби";
    private static final String CONTENT = "/org/bilim/server/demo/content/";

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    FileStore files;

    @Inject
    SearchChanges searchChanges;

    @Inject
    ContentIntake intake;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void seed(Facility facility) {
        boolean seeded = !em.createQuery("SELECT u.id FROM University u WHERE u.name = :n", Long.class)
                .setParameter("n", UNIVERSITY).getResultList().isEmpty();
        if (seeded) {
            return;
        }
        University kaznu = new University(UNIVERSITY);
        em.persist(kaznu);
        StaffAccount officer = em.createQuery("SELECT s FROM StaffAccount s WHERE s.facility = :f ORDER BY s.id", StaffAccount.class)
                .setParameter("f", facility).setMaxResults(1).getSingleResult();
        List<Learner> learners = em.createQuery("SELECT l FROM Learner l WHERE l.facility = :f ORDER BY l.id", Learner.class)
                .setParameter("f", facility).getResultList();
        FileRef video = store("lecture.webm");
        Course law = create(kaznu, "LAW-101", Language.RU, 3, law(store("law-notes-ru.pdf"), video, store("lecture.ru.vtt"),
                store("lecture.kk.vtt")));
        Course finance = create(kaznu, "FIN-101", Language.KK, 2, finance(store("finance-notes-kk.pdf"), video,
                store("lecture.kk.vtt"), store("lecture.ru.vtt")));
        for (Course c : List.of(law, finance)) {
            CourseVersion v = catalogue.latest(c.id()).orElseThrow();
            v.freeze();
            em.persist(new CourseApproval(v, facility.id(), CourseApproval.Decision.APPROVED, v.contentHash(), null, officer.id()));
            searchChanges.record(c.id());
            learners.forEach(l -> em.persist(new Enrolment(l, c)));
        }
        em.flush();
        audit.append(new AuditEntry(ActorKind.SYSTEM, null, null, "demo.courses-seeded", facility.id(), "facility", facility.id(),
                "demo courses LAW-101 (ru) and FIN-101 (kk), approved and enrolled", null));
    }

    private Course create(University university, String code, Language language, int credits, CourseContent draft) {
        List<CourseModule> modules = new ArrayList<>();
        List<LintEntry> lint = new ArrayList<>();
        for (CourseModule m : draft.modules()) {
            List<Item> items = new ArrayList<>();
            for (Item i : m.items()) {
                ContentIntake.Cleaned cleaned = intake.clean(i, m.title() + " › " + i.title());
                items.add(cleaned.item());
                cleaned.findings().forEach(f -> lint.add(new LintEntry(i.key(), f)));
            }
            modules.add(new CourseModule(m.key(), m.title(), items));
        }
        CourseContent content = draft.withModules(modules);
        Course course = new Course(university, code, content.title(), language, credits);
        course.describe(content.title(), content.description(), credits);
        em.persist(course);
        CourseVersion first = new CourseVersion(course, 1, content, LintEntry.write(lint), null);
        em.persist(first);
        em.flush();
        catalogue.recordFiles(first, content);
        return course;
    }

    private FileRef store(String name) {
        try (InputStream in = DemoCourses.class.getResourceAsStream(CONTENT + name)) {
            if (in == null) {
                throw new IllegalStateException("demo content " + name + " is missing from the build");
            }
            return files.store(in, name, 64L * 1024 * 1024, null).ref();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CourseContent law(FileRef notes, FileRef video, FileRef captionsRu, FileRef captionsKk) {
        return new CourseContent("Правовая грамотность",
                "Вводный курс о правах человека, договорах и обращении в суд.", List.of(
                new CourseModule("law-week-1", "Неделя 1. Права человека", List.of(
                        new PageItem("law-intro", "Что такое право", """
                                <h2>Что такое право</h2>
                                <p>Право — это система общеобязательных правил, которые устанавливает и охраняет государство.</p>
                                <h3>Главное в этой неделе</h3>
                                <ul><li>Конституция — основной закон.</li><li>Права человека неотчуждаемы.</li>
                                <li>Каждый может защищать свои права в суде.</li></ul>
                                <table><caption>Источники права</caption>
                                <thead><tr><th scope="col">Источник</th><th scope="col">Пример</th></tr></thead>
                                <tbody><tr><td>Конституция</td><td>Статья 13: право на судебную защиту</td></tr>
                                <tr><td>Кодекс</td><td>Трудовой кодекс</td></tr></tbody></table>
                                <p>Прочитайте конспект лекции, затем посмотрите видеолекцию.</p>""", List.of()),
                        new FileItem("law-notes", "Конспект лекции 1 (PDF)", notes),
                        new MediaItem("law-video", "Видеолекция: права человека", video, List.of(
                                new CaptionTrack("ru", "Русский", captionsRu), new CaptionTrack("kk", "Қазақша", captionsKk)),
                                "<p>Здравствуйте! Сегодня мы говорим о правах человека. Конституция защищает достоинство "
                                        + "каждого человека. Каждый имеет право на юридическую помощь.</p>"))),
                new CourseModule("law-week-2", "Неделя 2. Практика", List.of(
                        new CaseStudyItem("law-case", "Случай: трудовой договор",
                                "<p>Асель устроилась на работу без письменного договора. Через два месяца работодатель "
                                        + "перестал платить зарплату и говорит, что она «никогда у него не работала».</p>",
                                List.of(notes), List.of(
                                new CaseTask("law-case-1", "<p>Какие права Асель нарушены?</p>",
                                        "<p>Названы право на оплату труда и на письменный договор (до 5 баллов).</p>", new BigDecimal("5")),
                                new CaseTask("law-case-2", "<p>Что Асель может сделать, чтобы защитить свои права?</p>",
                                        "<p>Доказательства, обращение в инспекцию труда или в суд (до 5 баллов).</p>", new BigDecimal("5")))),
                        new QuizItem("law-quiz", "Проверьте себя", "<p>Пять вопросов по первой неделе. Три попытки.</p>", 3, List.of(
                                new Question.SingleChoice("law-q1", "<p>Какой акт обладает высшей юридической силой?</p>",
                                        BigDecimal.ONE, List.of(new Choice("a", "Трудовой кодекс", false, ""),
                                        new Choice("b", "Конституция", true, ""), new Choice("c", "Приказ министра", false, "")),
                                        "<p>Верно: Конституция — основной закон.</p>", "<p>Вспомните первую страницу курса.</p>"),
                                new Question.MultipleChoice("law-q2", "<p>Что относится к правам человека?</p>", new BigDecimal("2"),
                                        List.of(new Choice("a", "Право на судебную защиту", true, ""),
                                                new Choice("b", "Право на юридическую помощь", true, ""),
                                                new Choice("c", "Обязанность платить штраф", false, "")),
                                        "", "<p>Права и обязанности — не одно и то же.</p>"),
                                new Question.TrueFalse("law-q3", "<p>Трудовой договор можно не оформлять письменно.</p>",
                                        BigDecimal.ONE, false, "<p>Верно: договор заключается в письменной форме.</p>",
                                        "<p>Договор должен быть письменным.</p>"),
                                new Question.ShortAnswer("law-q4", "<p>Как называется основной закон государства?</p>",
                                        BigDecimal.ONE, List.of("Конституция"), false, "", ""),
                                new Question.Numeric("law-q5", "<p>Какой статьёй Конституции закреплено право на судебную защиту?</p>",
                                        BigDecimal.ONE, new BigDecimal("13"), BigDecimal.ZERO, "", "<p>Статья 13.</p>")))))));
    }

    private static CourseContent finance(FileRef notes, FileRef video, FileRef captionsKk, FileRef captionsRu) {
        return new CourseContent("Қаржылық сауаттылық",
                "Отбасы бюджеті, жинақ және несие туралы бастапқы курс.", List.of(
                new CourseModule("fin-week-1", "1-апта. Отбасы бюджеті", List.of(
                        new PageItem("fin-intro", "Бюджет дегеніміз не", """
                                <h2>Бюджет дегеніміз не</h2>
                                <p>Бюджет — белгілі бір кезеңге арналған табыс пен шығыстың жоспары.</p>
                                <h3>Бұл аптада</h3>
                                <ol><li>Табысыңызды жазыңыз.</li><li>Шығысыңызды топтарға бөліңіз.</li>
                                <li>Жинаққа қанша қалатынын есептеңіз.</li></ol>
                                <table><caption>Айлық бюджет үлгісі</caption>
                                <thead><tr><th scope="col">Бап</th><th scope="col">Сома, теңге</th></tr></thead>
                                <tbody><tr><td>Жалақы</td><td>150 000</td></tr><tr><td>Тамақ</td><td>60 000</td></tr>
                                <tr><td>Жинақ</td><td>15 000</td></tr></tbody></table>""", List.of()),
                        new FileItem("fin-notes", "1-дәрістің конспектісі (PDF)", notes),
                        new MediaItem("fin-video", "Бейнедәріс: отбасы бюджеті", video, List.of(
                                new CaptionTrack("kk", "Қазақша", captionsKk), new CaptionTrack("ru", "Русский", captionsRu)),
                                "<p>Сәлеметсіз бе! Бүгін біз отбасы бюджеті туралы сөйлесеміз. Алдымен табыс пен шығысты "
                                        + "жазып алыңыз. Аз да болса, әр айда жинақ жасаңыз.</p>"))),
                new CourseModule("fin-week-2", "2-апта. Практика", List.of(
                        new CaseStudyItem("fin-case", "Кейс: алғашқы жалақы",
                                "<p>Ерлан босатылғаннан кейін жұмысқа орналасты. Алғашқы айлығы — 180 000 теңге. Досы оған "
                                        + "телефонды несиеге алуды ұсынады.</p>", List.of(notes), List.of(
                                new CaseTask("fin-case-1", "<p>Ерланның айлық бюджетін құрыңыз.</p>",
                                        "<p>Табыс, негізгі шығыстар және жинақ көрсетілген (5 балға дейін).</p>", new BigDecimal("5")),
                                new CaseTask("fin-case-2", "<p>Несие алу керек пе? Жауабыңызды дәлелдеңіз.</p>",
                                        "<p>Пайыз, ай сайынғы төлем және тәуекел ескерілген (5 балға дейін).</p>", new BigDecimal("5")))),
                        new QuizItem("fin-quiz", "Өзіңізді тексеріңіз", "<p>Бірінші апта бойынша бес сұрақ.</p>", 0, List.of(
                                new Question.SingleChoice("fin-q1", "<p>Бюджет дегеніміз не?</p>", BigDecimal.ONE, List.of(
                                        new Choice("a", "Табыс пен шығыстың жоспары", true, ""),
                                        new Choice("b", "Банктегі шот", false, ""), new Choice("c", "Несие түрі", false, "")),
                                        "<p>Дұрыс!</p>", "<p>Бірінші бетті қайта оқыңыз.</p>"),
                                new Question.MultipleChoice("fin-q2", "<p>Қайсысы табысқа жатады?</p>", new BigDecimal("2"), List.of(
                                        new Choice("a", "Жалақы", true, ""), new Choice("b", "Зейнетақы", true, ""),
                                        new Choice("c", "Пәтер ақысы", false, "<p>Бұл — шығыс.</p>")), "", ""),
                                new Question.TrueFalse("fin-q3", "<p>Жинақты тек көп табыс болғанда ғана жасауға болады.</p>",
                                        BigDecimal.ONE, false, "", "<p>Аз да болса, әр айда жинауға болады.</p>"),
                                new Question.ShortAnswer("fin-q4", "<p>Болашаққа арналған ақша қалай аталады?</p>", BigDecimal.ONE,
                                        List.of("жинақ", "жинақ ақша"), false, "", ""),
                                new Question.Numeric("fin-q5", "<p>Табыс 150 000 теңге, шығыс 135 000 теңге. Жинаққа қанша қалады?</p>",
                                        BigDecimal.ONE, new BigDecimal("15000"), BigDecimal.ZERO, "", "<p>150 000 − 135 000 = 15 000.</p>")))))));
    }
}
