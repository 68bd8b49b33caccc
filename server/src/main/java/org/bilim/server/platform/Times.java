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

    /** A timestamp as a native query returns it (drivers differ: OffsetDateTime, Timestamp, Instant). */
    public static OffsetDateTime of(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC);
            case java.time.Instant i -> i.atOffset(ZoneOffset.UTC);
            case java.sql.Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            case java.time.ZonedDateTime z -> z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            case java.time.LocalDateTime l -> l.atOffset(ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("not a timestamp: " + value.getClass());
        };
    }
}
