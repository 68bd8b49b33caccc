package org.bilim.server.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bilim's settings, read through MicroProfile Config: each one can be set by an environment
 * variable (for example {@code bilim.kiosk.idle-timeout-seconds} by
 * {@code BILIM_KIOSK_IDLE_TIMEOUT_SECONDS}) or by a server.xml variable of the same name.
 * The README lists them; the defaults are safe for production.
 */
@ApplicationScoped
public class BilimConfig {

    @Inject
    @ConfigProperty(name = "bilim.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "bilim.http.port", defaultValue = "9080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "bilim.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "bilim.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "bilim.bootstrap.admin.username")
    Optional<String> bootstrapAdminUsername;

    @Inject
    @ConfigProperty(name = "bilim.bootstrap.admin.password")
    Optional<String> bootstrapAdminPassword;

    @Inject
    @ConfigProperty(name = "bilim.kiosk.idle-timeout-seconds", defaultValue = "600")
    int kioskIdleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "bilim.kiosk.idle-warning-seconds", defaultValue = "60")
    int kioskIdleWarningSeconds;

    @Inject
    @ConfigProperty(name = "bilim.staff.idle-timeout-seconds", defaultValue = "1800")
    int staffIdleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "bilim.staff.idle-warning-seconds", defaultValue = "60")
    int staffIdleWarningSeconds;

    @Inject
    @ConfigProperty(name = "bilim.kiosk.enrolment-code-ttl-hours", defaultValue = "24")
    int enrolmentCodeTtlHours;

    @Inject
    @ConfigProperty(name = "bilim.staff.lockout-attempts", defaultValue = "10")
    int staffLockoutAttempts;

    @Inject
    @ConfigProperty(name = "bilim.staff.lockout-minutes", defaultValue = "15")
    int staffLockoutMinutes;

    @Inject
    @ConfigProperty(name = "bilim.upload.max-megabytes", defaultValue = "1024")
    long uploadMaxMegabytes;

    @Inject
    @ConfigProperty(name = "bilim.import.max-megabytes", defaultValue = "2048")
    long importMaxMegabytes;

    @Inject
    @ConfigProperty(name = "bilim.import.max-entries", defaultValue = "20000")
    int importMaxEntries;

    @Inject
    @ConfigProperty(name = "bilim.search.poll-seconds", defaultValue = "10")
    int searchPollSeconds;

    /** Bilim's address as university LMSs reach it (BILIM_LTI_TOOL_URL), e.g. https://bilim.almaty.example; none: this server's own. */
    @Inject
    @ConfigProperty(name = "bilim.lti.tool-url")
    Optional<String> ltiToolUrl;

    /** Plain http to loopback LMS addresses (BILIM_LTI_ALLOW_LOOPBACK_HTTP): for the tests' platform simulator only. */
    @Inject
    @ConfigProperty(name = "bilim.lti.allow-loopback-http", defaultValue = "false")
    boolean ltiAllowLoopbackHttp;

    /** How long one call to an LMS may take, in seconds (BILIM_LTI_REQUEST_TIMEOUT_SECONDS). */
    @Inject
    @ConfigProperty(name = "bilim.lti.request-timeout-seconds", defaultValue = "10")
    int ltiRequestTimeoutSeconds;

    /** How often the grade courier looks for grades to send, in seconds (BILIM_GRADES_POLL_SECONDS). */
    @Inject
    @ConfigProperty(name = "bilim.grades.poll-seconds", defaultValue = "15")
    int gradesPollSeconds;

    /** The first wait before a failed grade is sent again, doubled each time up to an hour (BILIM_GRADES_RETRY_SECONDS). */
    @Inject
    @ConfigProperty(name = "bilim.grades.retry-seconds", defaultValue = "30")
    int gradesRetrySeconds;

    public Path dataDir() {
        return Path.of(dataDir);
    }

    public int httpPort() {
        return httpPort;
    }

    public String host() {
        return host;
    }

    public boolean demo() {
        return demo;
    }

    public Optional<String> bootstrapAdminUsername() {
        return bootstrapAdminUsername.filter(s -> !s.isBlank());
    }

    public Optional<String> bootstrapAdminPassword() {
        return bootstrapAdminPassword.filter(s -> !s.isBlank());
    }

    public Duration kioskIdleTimeout() {
        return Duration.ofSeconds(kioskIdleTimeoutSeconds);
    }

    public Duration kioskIdleWarning() {
        return Duration.ofSeconds(Math.min(kioskIdleWarningSeconds, kioskIdleTimeoutSeconds));
    }

    public Duration staffIdleTimeout() {
        return Duration.ofSeconds(staffIdleTimeoutSeconds);
    }

    public Duration staffIdleWarning() {
        return Duration.ofSeconds(Math.min(staffIdleWarningSeconds, staffIdleTimeoutSeconds));
    }

    public Duration enrolmentCodeTtl() {
        return Duration.ofHours(enrolmentCodeTtlHours);
    }

    public int staffLockoutAttempts() {
        return staffLockoutAttempts;
    }

    public Duration staffLockout() {
        return Duration.ofMinutes(staffLockoutMinutes);
    }

    /** The largest file an author may upload (BILIM_UPLOAD_MAX_MEGABYTES). */
    public long uploadMaxBytes() {
        return uploadMaxMegabytes * 1024 * 1024;
    }

    /** The largest cartridge an import accepts, and the most entries in it. */
    public long importMaxBytes() {
        return importMaxMegabytes * 1024 * 1024;
    }

    public int importMaxEntries() {
        return importMaxEntries;
    }

    /** How often a node looks for changes other nodes made to what is searchable (BILIM_SEARCH_POLL_SECONDS). */
    public Duration searchPoll() {
        return Duration.ofSeconds(Math.max(1, searchPollSeconds));
    }

    /** Bilim's base URL as LMSs reach it, without a trailing slash. */
    public String ltiToolUrl() {
        String url = ltiToolUrl.filter(u -> !u.isBlank()).orElse("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public boolean ltiAllowLoopbackHttp() {
        return ltiAllowLoopbackHttp;
    }

    public Duration ltiRequestTimeout() {
        return Duration.ofSeconds(Math.max(1, ltiRequestTimeoutSeconds));
    }

    public Duration gradesPoll() {
        return Duration.ofSeconds(Math.max(1, gradesPollSeconds));
    }

    public Duration gradesRetry() {
        return Duration.ofSeconds(Math.max(1, gradesRetrySeconds));
    }
}
