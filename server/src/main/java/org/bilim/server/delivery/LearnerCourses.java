package org.bilim.server.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bilim.courses.content.CaseStudyItem;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.quiz.Questions;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.catalogue.VisibleVersion;
import org.bilim.server.delivery.KioskViews.CaptionView;
import org.bilim.server.delivery.KioskViews.FileView;
import org.bilim.server.delivery.KioskViews.ItemRef;
import org.bilim.server.delivery.KioskViews.ItemView;
import org.bilim.server.delivery.KioskViews.MyCourse;
import org.bilim.server.delivery.KioskViews.Outline;
import org.bilim.server.delivery.KioskViews.OutlineItem;
import org.bilim.server.delivery.KioskViews.OutlineModule;
import org.bilim.server.delivery.KioskViews.ProgressReport;
import org.bilim.server.delivery.KioskViews.ProgressView;
import org.bilim.server.delivery.KioskViews.TaskView;
import org.bilim.server.enrolments.Enrolment;
import org.bilim.server.practice.PracticeService;
import org.bilim.server.progress.ProgressService;
import org.bilim.server.progress.ProgressService.ItemProgress;
import org.bilim.server.sessions.Caller;
import org.bilim.server.submissions.SubmissionService;
import org.bilim.server.submissions.SubmissionViews.SubmissionView;

/**
 * The learner's side of the catalogue: my courses with progress and where to continue, a
 * course's outline, and one item ready for the kiosk. Opening an item records that it was viewed.
 */
@ApplicationScoped
public class LearnerCourses {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    LearnerAccess access;

    @Inject
    ProgressService progress;

    @Inject
    SubmissionService submissions;

    @Inject
    PracticeService practice;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MyCourse> mine() {
        Caller.LearnerPrincipal learner = caller.requireLearner();
        List<Enrolment> enrolments = em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.course c JOIN FETCH c.university "
                        + "WHERE e.learner.id = :l ORDER BY c.title, c.id", Enrolment.class)
                .setParameter("l", learner.learnerId()).getResultList();
        List<MyCourse> out = new ArrayList<>();
        for (Enrolment e : enrolments) {
            Course c = e.course();
            Optional<VisibleVersion> visible = catalogue.visible(c.id(), learner.facilityId());
            if (visible.isEmpty()) {
                continue; // enrolled, but no version of it is approved here (any more): nothing to show
            }
            CourseContent content = visible.get().content();
            Map<String, ItemProgress> done = progress.of(learner.learnerId(), c.id());
            out.add(new MyCourse(c.id(), c.code(), content.title(), c.university().name(), c.language().tag(), c.credits(),
                    e.enrolledAt(), (int) content.items().count(), completed(content, done), resume(content, done)));
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Outline outline(long courseId) {
        Caller.LearnerPrincipal learner = caller.requireLearner();
        LearnerAccess.Enrolled enrolled = access.enrolled(courseId);
        VisibleVersion version = enrolled.version();
        Course c = enrolled.course();
        CourseContent content = version.content();
        Map<String, ItemProgress> done = progress.of(learner.learnerId(), courseId);
        List<OutlineModule> modules = content.modules().stream().map(m -> new OutlineModule(m.key(), m.title(),
                m.items().stream().map(i -> new OutlineItem(i.key(), i.title(), i.kind().json(), view(done.get(i.key()))))
                        .toList())).toList();
        return new Outline(c.id(), c.code(), content.title(), content.description(), c.university().name(),
                c.language().tag(), c.credits(), version.number(), (int) content.items().count(), completed(content, done),
                resume(content, done), modules);
    }

    @Transactional
    public ItemView item(long courseId, String itemKey) {
        Caller.LearnerPrincipal learner = caller.requireLearner();
        VisibleVersion version = access.course(courseId);
        Item item = access.item(version, itemKey);
        CourseContent content = version.content();
        // A document is done once opened; other kinds are completed by what the learner does in them.
        progress.viewed(learner.learnerId(), courseId, itemKey, item instanceof FileItem);
        ProgressView p = view(progress.one(learner.learnerId(), courseId, itemKey).orElse(null));
        CourseModule module = content.modules().stream().filter(m -> m.items().contains(item)).findFirst().orElseThrow();
        List<ItemRef> sequence = content.modules().stream()
                .flatMap(m -> m.items().stream().map(i -> ref(i, m))).toList();
        int at = 0;
        while (!sequence.get(at).key().equals(itemKey)) {
            at++;
        }
        ItemRef previous = at > 0 ? sequence.get(at - 1) : null;
        ItemRef next = at < sequence.size() - 1 ? sequence.get(at + 1) : null;
        String k = item.key();
        String t = item.title();
        String kind = item.kind().json();
        return switch (item) {
            case PageItem page -> new ItemView(courseId, k, t, kind, module.key(), module.title(), previous, next, p,
                    LearnerAccess.forKiosk(page.html()), null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
            case FileItem file -> new ItemView(courseId, k, t, kind, module.key(), module.title(), previous, next, p,
                    null, file(file.file()), null, null, null, null, null, null, null, null, null, null, null, null);
            case MediaItem media -> new ItemView(courseId, k, t, kind, module.key(), module.title(), previous, next, p,
                    null, null, file(media.media()),
                    media.captions().stream().map(c -> new CaptionView(LearnerAccess.fileUrl(c.file().fileId()), c.language(),
                            c.label())).toList(),
                    LearnerAccess.forKiosk(media.transcriptHtml()), null, null, null, null, null, null, null, null, null);
            case CaseStudyItem cs -> {
                SubmissionView submission = submissions.mine(learner.learnerId(), courseId, k)
                        .map(s -> SubmissionView.of(s)).orElse(null);
                yield new ItemView(courseId, k, t, kind, module.key(), module.title(), previous, next, p,
                        null, null, null, null, null, LearnerAccess.forKiosk(cs.scenarioHtml()),
                        cs.attachments().stream().map(LearnerCourses::file).toList(),
                        cs.tasks().stream().map(task -> new TaskView(task.key(), LearnerAccess.forKiosk(task.promptHtml()),
                                LearnerAccess.forKiosk(task.rubricHtml()), task.maxScore())).toList(),
                        submission, null, null, null, null, null);
            }
            case QuizItem quiz -> new ItemView(courseId, k, t, kind, module.key(), module.title(), previous, next, p,
                    null, null, null, null, null, null, null, null, null, LearnerAccess.forKiosk(quiz.introHtml()),
                    quiz.attemptsAllowed(), practice.used(learner.learnerId(), courseId, k),
                    quiz.questions().stream().map(Questions::forLearner)
                            .map(q -> new Questions.LearnerQuestion(q.key(), q.type(), LearnerAccess.forKiosk(q.promptHtml()),
                                    q.points(), q.choices().stream().map(c -> new Questions.LearnerChoice(c.key(),
                                            LearnerAccess.forKiosk(c.html()))).toList()))
                            .toList(),
                    practice.last(learner.learnerId(), courseId, quiz).orElse(null));
        };
    }

    @Transactional
    public ProgressView report(long courseId, String itemKey, ProgressReport report) {
        Caller.LearnerPrincipal learner = caller.requireLearner();
        VisibleVersion version = access.course(courseId);
        Item item = access.item(version, itemKey);
        // Case studies and quizzes are completed by submitting, not by saying so.
        boolean complete = report.completed() && (item instanceof PageItem || item instanceof MediaItem || item instanceof FileItem);
        progress.report(learner.learnerId(), courseId, itemKey, report.seconds(), report.position(), complete);
        return view(progress.one(learner.learnerId(), courseId, itemKey).orElse(null));
    }

    private static FileView file(FileRef f) {
        return new FileView(LearnerAccess.fileUrl(f.fileId()), f.name(), f.mediaType(), f.size());
    }

    private static ItemRef ref(Item i, CourseModule m) {
        return new ItemRef(i.key(), i.title(), i.kind().json(), m.title());
    }

    private static ProgressView view(ItemProgress p) {
        return p == null ? new ProgressView(false, false, 0, null)
                : new ProgressView(true, p.completed(), p.timeSpentSeconds(), p.position());
    }

    private static int completed(CourseContent content, Map<String, ItemProgress> done) {
        return (int) content.items().filter(i -> done.containsKey(i.key()) && done.get(i.key()).completed()).count();
    }

    /**
     * Where to continue: the item last opened, if it still exists and is unfinished; else the
     * first unfinished item after it; else the first unfinished item of the course.
     */
    static ItemRef resume(CourseContent content, Map<String, ItemProgress> done) {
        List<ItemRef> sequence = content.modules().stream().flatMap(m -> m.items().stream().map(i -> ref(i, m))).toList();
        if (sequence.isEmpty()) {
            return null;
        }
        Optional<ItemProgress> last = done.values().stream()
                .filter(p -> sequence.stream().anyMatch(r -> r.key().equals(p.itemKey())))
                .max(Comparator.comparing(ItemProgress::lastViewedAt));
        int start = 0;
        if (last.isPresent()) {
            for (int i = 0; i < sequence.size(); i++) {
                if (sequence.get(i).key().equals(last.get().itemKey())) {
                    start = i;
                }
            }
        }
        for (int i = start; i < sequence.size(); i++) {
            ItemProgress p = done.get(sequence.get(i).key());
            if (p == null || !p.completed()) {
                return sequence.get(i);
            }
        }
        for (ItemRef r : sequence) {
            ItemProgress p = done.get(r.key());
            if (p == null || !p.completed()) {
                return r;
            }
        }
        return last.map(p -> sequence.stream().filter(r -> r.key().equals(p.itemKey())).findFirst().orElseThrow())
                .orElse(sequence.getFirst());
    }
}
