package org.bilim.lti.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bilim.lti.http.ServiceException;
import org.bilim.lti.sim.Endpoint;
import org.bilim.lti.sim.Fault;
import org.bilim.lti.sim.RecordedScore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgsTest {

    private static final Instant FINISHED = Instant.parse("2026-03-02T09:15:30.250Z");

    private ToolUnderTest tool;

    @BeforeEach
    void start() throws IOException {
        tool = ToolUnderTest.start();
    }

    @AfterEach
    void stop() {
        tool.close();
    }

    private static Score completed(String userId, double given) {
        return new Score(userId, given, 10.0, "Well done", FINISHED, Score.ActivityProgress.COMPLETED, Score.GradingProgress.FULLY_GRADED);
    }

    private static NewLineItem finalExam() {
        return new NewLineItem(10, "Final exam", "exam-42", "final-exam", "resource-link-1");
    }

    @Test
    void createsTheLineItemWhenThePlatformHasNone() throws ServiceException {
        tool.lms.addLineItem("Another tool's column", 5, "other", null, null);

        LineItem item = tool.ags().findOrCreate(tool.lms.registration(), tool.lms.lineItemsUrl(), finalExam());

        assertThat(item.label()).isEqualTo("Final exam");
        assertThat(item.scoreMaximum()).isEqualTo(10.0);
        assertThat(item.resourceId()).isEqualTo("exam-42");
        assertThat(item.tag()).isEqualTo("final-exam");
        assertThat(item.resourceLinkId()).isEqualTo("resource-link-1");
        assertThat(tool.lms.lineItems()).hasSize(2);
        assertThat(tool.lms.tokenScopes()).containsExactly(Set.of(LtiScopes.LINE_ITEM));
    }

    @Test
    void findsTheLineItemItCreatedBefore() throws ServiceException {
        LineItem created = tool.ags().findOrCreate(tool.lms.registration(), tool.lms.lineItemsUrl(), finalExam());

        LineItem found = tool.ags().findOrCreate(tool.lms.registration(), tool.lms.lineItemsUrl(), finalExam());

        assertThat(found).isEqualTo(created);
        assertThat(tool.lms.lineItems()).hasSize(1);
        assertThat(tool.lms.requests(Endpoint.LINE_ITEMS)).extracting(request -> request.method()).containsExactly("GET", "POST", "GET");
    }

    @Test
    void listsLineItemsByFilterAcrossPages() throws ServiceException {
        for (int n = 1; n <= 5; n++) {
            tool.lms.addLineItem("Quiz " + n, 10, "quiz-" + n, "quiz", "resource-link-1");
        }
        tool.lms.addLineItem("Essay", 20, "essay", "essay", "resource-link-1");
        tool.lms.lineItemPageSize(2);

        List<LineItem> quizzes = tool.ags().lineItems(tool.lms.registration(), tool.lms.lineItemsUrl(), new LineItemQuery(null, null, "quiz"));

        assertThat(quizzes).extracting(LineItem::label).containsExactly("Quiz 1", "Quiz 2", "Quiz 3", "Quiz 4", "Quiz 5");
        assertThat(tool.lms.requests(Endpoint.LINE_ITEMS)).hasSize(3);
        assertThat(tool.lms.tokenScopes()).containsExactly(Set.of(LtiScopes.LINE_ITEM_READONLY));
    }

    @Test
    void postsAScoreThePlatformRecords() throws ServiceException {
        LineItem item = tool.ags().findOrCreate(tool.lms.registration(), tool.lms.lineItemsUrl(), finalExam());

        Delivery delivery = tool.ags().postScore(tool.lms.registration(), item.id(), completed("learner-1", 8.5));

        assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
        RecordedScore score = tool.lms.scores().getFirst();
        assertThat(score.contentType()).isEqualTo(Ags.SCORE);
        assertThat(score.userId()).isEqualTo("learner-1");
        assertThat(score.scoreGiven()).isEqualTo(8.5);
        assertThat(score.body().path("scoreMaximum").asDouble()).isEqualTo(10.0);
        assertThat(score.body().path("comment").asText()).isEqualTo("Well done");
        assertThat(score.timestamp()).isEqualTo("2026-03-02T09:15:30.250Z");
        assertThat(score.activityProgress()).isEqualTo("Completed");
        assertThat(score.gradingProgress()).isEqualTo("FullyGraded");
    }

    @Test
    void theTimestampKeepsMillisecondsEvenWhenThereAreNone() throws ServiceException {
        URI item = tool.lms.addLineItem("Quiz", 10, null, null, null);
        Score onTheSecond = new Score("learner-1", null, null, null, Instant.parse("2026-03-02T09:15:30Z"), Score.ActivityProgress.STARTED,
                Score.GradingProgress.NOT_READY);

        assertThat(tool.ags().postScore(tool.lms.registration(), item, onTheSecond)).isInstanceOf(Delivery.Delivered.class);

        RecordedScore score = tool.lms.scores().getFirst();
        assertThat(score.timestamp()).isEqualTo("2026-03-02T09:15:30.000Z");
        assertThat(score.body().has("scoreGiven")).isFalse();
    }

    @Test
    void scoresGoUnderTheLineItemPathWhenItsUrlHasAQuery() throws ServiceException {
        tool.lms.queryInLineItemUrls(true);
        URI item = tool.lms.addLineItem("Quiz", 10, null, null, null);
        assertThat(item.getQuery()).isNotNull();

        Delivery delivery = tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 7));

        assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
        assertThat(tool.lms.scores().getFirst().query()).isEqualTo(item.getRawQuery());
        assertThat(tool.lms.scoreCount(item, "learner-1")).isEqualTo(1);
    }

    @Test
    void anOutageIsRetryableAndTheRetryRecordsTheScoreOnce() {
        URI item = tool.lms.addLineItem("Quiz", 10, null, null, null);
        tool.lms.failNext(Endpoint.SCORES, 2, Fault.unavailable());

        Delivery first = tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 9));
        Delivery second = tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 9));
        Delivery third = tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 9));

        assertThat(first).isInstanceOf(Delivery.Retryable.class);
        assertThat(second).isInstanceOf(Delivery.Retryable.class);
        assertThat(third).isInstanceOf(Delivery.Delivered.class);
        assertThat(tool.lms.scoreCount(item, "learner-1")).isEqualTo(1);
        assertThat(tool.lms.tokensIssued()).isEqualTo(1);
    }

    @Test
    void aTimeoutIsRetryable() {
        URI item = tool.lms.addLineItem("Quiz", 10, null, null, null);
        tool.lms.failNext(Endpoint.SCORES, 1, Fault.delay(Duration.ofSeconds(3)));

        Delivery delivery = tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 9));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Retryable.class,
                retry -> assertThat(retry.cause().reason()).isEqualTo(ServiceException.Reason.TIMEOUT));
    }

    @Test
    void tooManyRequestsIsRetryableWithThePlatformsHint() {
        URI item = tool.lms.addLineItem("Quiz", 10, null, null, null);
        tool.lms.failNext(Endpoint.SCORES, 1, Fault.tooManyRequests(Duration.ofSeconds(30)));

        Delivery delivery = tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 9));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Retryable.class,
                retry -> assertThat(retry.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void aBadRequestIsRefusedPermanently() {
        URI item = tool.lms.addLineItem("Quiz", 10, null, null, null);
        tool.lms.failNext(Endpoint.SCORES, 1, Fault.status(400));

        Delivery delivery = tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 9));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.RefusedPermanently.class,
                refused -> assertThat(refused.cause().status()).isEqualTo(400));
        assertThat(tool.lms.scores()).isEmpty();
    }

    @Test
    void aScoreForALineItemThePlatformDoesNotHaveIsRefusedPermanently() {
        URI missing = URI.create(tool.lms.lineItemsUrl() + "/999");

        Delivery delivery = tool.ags().postScore(tool.lms.registration(), missing, completed("learner-1", 9));

        assertThat(delivery).isInstanceOfSatisfying(Delivery.RefusedPermanently.class,
                refused -> assertThat(refused.cause().status()).isEqualTo(404));
    }

    @Test
    void anExpiredTokenCostsOneNewTokenAndOneRetry() {
        URI item = tool.lms.addLineItem("Quiz", 10, null, null, null);
        tool.ags().postScore(tool.lms.registration(), item, completed("learner-1", 5));
        tool.lms.expireAllTokens();

        Delivery delivery = tool.ags().postScore(tool.lms.registration(), item, completed("learner-2", 6));

        assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
        assertThat(tool.lms.tokensIssued()).isEqualTo(2);
        assertThat(tool.lms.requests(Endpoint.SCORES)).extracting(request -> request.status()).containsExactly(204, 401, 204);
    }

    @Test
    void lineItemUrlsElsewhereAreRefusedBeforeAnyConnection() throws IOException {
        try (ServerSocket otherPort = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            List<URI> forged = List.of(
                    URI.create("https://lms.attacker.invalid/lineitems/1"),
                    URI.create("http://169.254.169.254/latest/meta-data/iam"),
                    URI.create("http://127.0.0.1:" + otherPort.getLocalPort() + "/lineitems/1"),
                    URI.create("http://localhost:" + tool.lms.baseUri().getPort() + "/ags/lineitems/1"));

            for (URI url : forged) {
                Delivery delivery = tool.ags().postScore(tool.lms.registration(), url, completed("learner-1", 9));
                assertThat(delivery).isInstanceOfSatisfying(Delivery.RefusedPermanently.class,
                        refused -> assertThat(refused.cause().reason()).isEqualTo(ServiceException.Reason.REFUSED));
            }

            assertThat(tool.refused).hasSize(4);
            assertThat(tool.lms.requests()).as("not even a token was asked for").isEmpty();
            otherPort.setSoTimeout(200);
            assertThat(catchThrowable(otherPort::accept)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aLineItemListOnAForeignHostIsRefused() {
        URI forged = URI.create("https://lms.attacker.invalid/lineitems");

        assertThat(catchThrowableOfType(ServiceException.class,
                () -> tool.ags().findOrCreate(tool.lms.registration(), forged, finalExam())).reason()).isEqualTo(ServiceException.Reason.REFUSED);
        assertThat(tool.lms.requests()).isEmpty();
    }
}
