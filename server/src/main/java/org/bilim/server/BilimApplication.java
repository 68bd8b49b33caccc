package org.bilim.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * Bilim's REST API, under {@code /api}: {@code /api/kiosk/...} is the kiosk entry point (device
 * credential plus learner session), {@code /api/staff/...} the staff entry point (staff session).
 * Every error is RFC 9457 problem details with a stable {@code code}.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Bilim", version = "0.1",
        description = "Learning management and distance education for people in prison"))
public class BilimApplication extends Application {
}
