package org.bilim.server.grades;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.services.Delivery;
import org.bilim.lti.services.LineItem;
import org.bilim.lti.services.LineItemQuery;
import org.bilim.lti.services.LtiScopes;
import org.bilim.lti.services.NewLineItem;
import org.bilim.lti.services.Score;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.lti.LtiDeepLinking;
import org.bilim.server.lti.LtiPlatform;
import org.bilim.server.lti.LtiRegistrations;
import org.bilim.server.lti.LtiTool;
import org.bilim.server.platform.BilimConfig;

/**
 * Sends the outbox's grades to the universities. Each due delivery is taken under a lease, sent
 * with no transaction open, and its outcome recorded: sent; retried later with a doubling wait
 * (an outage, a timeout, a 429); or failed with the reason, for a person to see and send again.
 *
 * <p>Exactly once in effect: a score keeps the timestamp it was given when it was committed, so
 * if this node dies after the platform took it but before "sent" was recorded, the lease runs out,
 * the score is sent again with the same timestamp, and the platform's gradebook is as it was.
 */
@ApplicationScoped
public class GradeCourier {
    private static final Logger LOG = Logger.getLogger(GradeCourier.class.getName());
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** After this many failed tries a delivery waits for a person. */
    static final int MAX_ATTEMPTS = 12;
    private static final int BATCH = 20;

    @Inject
    GradeLedger ledger;

    @Inject
    LtiTool tool;

    @Inject
    LtiRegistrations registrations;

    @Inject
    AuditLog audit;

    @Inject
    BilimConfig config;

    @Resource
    ManagedScheduledExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> poll;

    /** Starts the regular look at the outbox (at startup, after migrations). */
    public void start() {
        long every = config.gradesPoll().toMillis();
        poll = executor.scheduleWithFixedDelay(this::runQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }

    /** Looks at the outbox soon: a grade was just committed. */
    public void wake() {
        if (executor != null) {
            executor.execute(this::runQuietly);
        }
    }

    private void runQuietly() {
        // One round at a time on this node; a wake during a round makes it look once more.
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                deliverDue();
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The grade courier's round failed; it tries again at the next one", e);
        } finally {
            running.set(false);
        }
    }

    /** Sends what is due now; returns how many deliveries were tried. */
    int deliverDue() {
        int tried = 0;
        List<Long> due;
        do {
            due = ledger.due(BATCH);
            for (long id : due) {
                Optional<GradeDelivery> taken = ledger.take(id, lease());
                if (taken.isPresent()) {
                    deliver(taken.get());
                    tried++;
                }
            }
        } while (due.size() == BATCH);
        return tried;
    }

    /**
     * Longer than one delivery can take: a token, a line item lookup (a page or two) and maybe its
     * creation, and the score, each within the request timeout. A node that dies mid-delivery holds
     * the delivery this long; then another node (or this one, restarted) sends it again.
     */
    private Duration lease() {
        return config.ltiRequestTimeout().multipliedBy(6).plusSeconds(10);
    }

    private void deliver(GradeDelivery d) {
        LtiPlatform platform;
        try {
            platform = registrations.platform(d.platformId());
        } catch (RuntimeException gone) {
            ledger.failed(d.id(), "the LMS registration no longer exists");
            return;
        }
        if (platform.state() != PlatformRegistration.State.ACTIVE) {
            retry(d, "the LMS registration is " + platform.state().name().toLowerCase(java.util.Locale.ROOT)
                    + "; the grade is sent when an administrator enables it", null);
            return;
        }
        Optional<GradeLedger.Services> services = ledger.services(d.platformId(), d.contextId());
        if (services.isEmpty()) {
            ledger.failed(d.id(), "the LMS course offers no grade service (AGS)");
            return;
        }
        PlatformRegistration registration = platform.registration();
        Set<String> scopes = Set.of(services.get().agsScopes() == null ? new String[0] : services.get().agsScopes().split(" "));
        URI lineItem;
        try {
            lineItem = lineItem(platform, registration, d, URI.create(services.get().lineItemsUrl()), scopes);
        } catch (ServiceException e) {
            if (e.retryable()) {
                retry(d, "finding the gradebook column: " + e.getMessage(), e);
            } else {
                ledger.failed(d.id(), "finding the gradebook column: " + e.getMessage());
            }
            return;
        } catch (RefusedHere e) {
            ledger.failed(d.id(), e.getMessage());
            return;
        }
        if (!scopes.contains(LtiScopes.SCORE)) {
            ledger.failed(d.id(), "the LMS did not grant Bilim the scope to post scores (" + LtiScopes.SCORE + ")");
            return;
        }
        Score score = new Score(d.userId(), d.scoreGiven().doubleValue(), d.scoreMaximum().doubleValue(), d.feedback(),
                d.scoreTimestamp().toInstant(), Score.ActivityProgress.COMPLETED, Score.GradingProgress.FULLY_GRADED);
        switch (tool.ags().postScore(registration, lineItem, score)) {
            case Delivery.Delivered delivered -> ledger.sent(d.id());
            case Delivery.Retryable r -> retry(d, r.cause().getMessage(), r.cause());
            case Delivery.RefusedPermanently refused -> ledger.failed(d.id(), refused.cause().getMessage());
        }
    }

    /** The gradebook column of the delivery's item: remembered, or found (or made) on the platform and remembered. */
    private URI lineItem(LtiPlatform platform, PlatformRegistration registration, GradeDelivery d, URI lineItems, Set<String> scopes)
            throws ServiceException, RefusedHere {
        Optional<String> known = ledger.lineItem(d.platformId(), d.contextId(), d.itemKey());
        if (known.isPresent()) {
            return owned(platform, URI.create(known.get()));
        }
        owned(platform, lineItems);
        String resourceId = LtiDeepLinking.resourceId(d.courseId(), d.itemKey());
        LineItem found;
        if (scopes.contains(LtiScopes.LINE_ITEM)) {
            found = tool.ags().findOrCreate(registration, lineItems, new NewLineItem(100, d.itemTitle(), resourceId, null, null));
        } else if (scopes.contains(LtiScopes.LINE_ITEM_READONLY)) {
            found = tool.ags().lineItems(registration, lineItems, new LineItemQuery(null, resourceId, null)).stream()
                    .filter(i -> resourceId.equals(i.resourceId())).findFirst()
                    .orElseThrow(() -> new RefusedHere("the LMS course has no gradebook column for this item, and Bilim may not add one"));
        } else {
            throw new RefusedHere("the LMS did not grant Bilim a line item scope");
        }
        owned(platform, found.id());
        ledger.rememberLineItem(d.platformId(), d.contextId(), d.itemKey(), found.id().toString());
        return found.id();
    }

    /** A URL a platform handed Bilim must be on that platform's own origins; anything else is refused and audited. */
    private URI owned(LtiPlatform platform, URI uri) throws RefusedHere {
        if (!platform.owns(uri)) {
            audit.appendIndependently(new AuditEntry(ActorKind.SYSTEM, null, null, "lti.outbound-refused", null, "lti-platform",
                    platform.id(), uri + " is not on an origin of " + platform.issuer(), null));
            throw new RefusedHere("the LMS named a service address that is not its own: " + uri);
        }
        return uri;
    }

    private void retry(GradeDelivery d, String error, ServiceException cause) {
        if (d.attempts() >= MAX_ATTEMPTS) {
            ledger.failed(d.id(), "gave up after " + d.attempts() + " attempts: " + error);
            return;
        }
        Duration wait = config.gradesRetry().multipliedBy(1L << Math.min(20, Math.max(0, d.attempts() - 1)));
        if (cause != null && cause.retryAfter().isPresent() && cause.retryAfter().get().compareTo(wait) > 0) {
            wait = cause.retryAfter().get();
        }
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        ledger.retryLater(d.id(), error, wait);
    }

    /** A delivery Bilim itself will not make as things stand. */
    private static final class RefusedHere extends Exception {
        RefusedHere(String message) {
            super(message);
        }
    }
}
