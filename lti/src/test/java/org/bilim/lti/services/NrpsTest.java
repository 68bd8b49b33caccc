package org.bilim.lti.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import org.bilim.lti.http.RefusedDestinationException;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.sim.Endpoint;
import org.bilim.lti.sim.Fault;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NrpsTest {

    private ToolUnderTest tool;

    @BeforeEach
    void start() throws IOException {
        tool = ToolUnderTest.start();
    }

    @AfterEach
    void stop() {
        tool.close();
    }

    private static List<SimMember> learners(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> SimMember.learner("learner-" + n, "Given" + n, "Family" + n)).toList();
    }

    @Test
    void readsEveryPageOfTheRoster() throws ServiceException {
        tool.lms.roster(learners(7));
        tool.lms.rosterPageSize(3);

        Roster roster = tool.nrps().members(tool.lms.registration(), tool.lms.membershipsUrl());

        assertThat(roster.members()).extracting(Member::userId)
                .containsExactly("learner-1", "learner-2", "learner-3", "learner-4", "learner-5", "learner-6", "learner-7");
        assertThat(roster.contextId()).isEqualTo(tool.lms.contextId());
        assertThat(tool.lms.requests(Endpoint.MEMBERSHIPS)).hasSize(3);
        assertThat(tool.lms.tokensIssued()).isEqualTo(1);
    }

    @Test
    void mapsWhatThePlatformSaysOfAMember() throws ServiceException {
        tool.lms.roster(List.of(SimMember.learner("learner-1", "Aigerim", "Seitkali"), SimMember.instructor("teacher-1", "Daniyar", "Omarov"),
                new SimMember("gone-1", List.of("Learner"), "Deleted", null, null, null, null, null),
                new SimMember("quiet-1", List.of(SimMember.LEARNER), null, null, null, null, null, null)));

        List<Member> members = tool.nrps().members(tool.lms.registration(), tool.lms.membershipsUrl()).members();

        assertThat(members.get(0)).isEqualTo(new Member("learner-1", List.of(SimMember.LEARNER), Member.Status.ACTIVE, "Aigerim Seitkali",
                "Aigerim", "Seitkali", "learner-1@university.example", "sis-learner-1"));
        assertThat(members.get(1).roles()).containsExactly(SimMember.INSTRUCTOR);
        assertThat(members.get(1).lisPersonSourcedId()).isNull();
        assertThat(members.get(2).status()).isEqualTo(Member.Status.DELETED);
        assertThat(members.get(3).status()).as("no status means Active").isEqualTo(Member.Status.ACTIVE);
        assertThat(members.get(3).email()).isNull();
    }

    @Test
    void aFailedPageMeansNoRoster() {
        tool.lms.roster(learners(7));
        tool.lms.rosterPageSize(3);
        tool.lms.failRosterPage(2, 500);

        ServiceException failed = catchThrowableOfType(ServiceException.class,
                () -> tool.nrps().members(tool.lms.registration(), tool.lms.membershipsUrl()));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.retryable()).isTrue();
        assertThat(tool.lms.requests(Endpoint.MEMBERSHIPS)).as("page 3 is not read after page 2 failed").hasSize(2);
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheCallRetried() throws ServiceException {
        tool.nrps().members(tool.lms.registration(), tool.lms.membershipsUrl());
        tool.lms.expireAllTokens();

        Roster roster = tool.nrps().members(tool.lms.registration(), tool.lms.membershipsUrl());

        assertThat(roster.members()).hasSize(2);
        assertThat(tool.lms.tokensIssued()).isEqualTo(2);
        assertThat(tool.lms.requests(Endpoint.MEMBERSHIPS)).extracting(request -> request.status()).containsExactly(200, 401, 200);
    }

    @Test
    void aSecond401IsNotRetriedAgain() {
        tool.lms.failNext(Endpoint.MEMBERSHIPS, 3, Fault.status(401));

        ServiceException failed = catchThrowableOfType(ServiceException.class,
                () -> tool.nrps().members(tool.lms.registration(), tool.lms.membershipsUrl()));

        assertThat(failed.status()).isEqualTo(401);
        assertThat(tool.lms.requests(Endpoint.MEMBERSHIPS)).hasSize(2);
        assertThat(tool.lms.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aMembershipsUrlOnAnotherHostIsRefusedBeforeAnyTokenIsFetched() {
        URI forged = URI.create("http://127.0.0.2:" + tool.lms.baseUri().getPort() + "/nrps/memberships");

        assertThat(catchThrowableOfType(RefusedDestinationException.class, () -> tool.nrps().members(tool.lms.registration(), forged)))
                .isNotNull();
        assertThat(tool.lms.requests()).isEmpty();
        assertThat(tool.refused).containsExactly(forged);
    }
}
