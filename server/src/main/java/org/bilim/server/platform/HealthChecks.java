package org.bilim.server.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health at {@code /health/live} and {@code /health/ready}: live while the application runs;
 * ready once the schema is migrated and start-up work is done, so a load balancer sends nobody
 * to a node that cannot serve yet.
 */
public final class HealthChecks {
    private HealthChecks() {
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        StartupState state;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("bilim").status(state.ready()).withData("phase", state.phase()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("bilim");
        }
    }
}
