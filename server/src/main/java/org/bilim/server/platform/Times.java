package org.bilim.server.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Bilim keeps every instant in UTC at millisecond precision, which H2 and PostgreSQL both store exactly. */
public final class Times {
    private Times() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
