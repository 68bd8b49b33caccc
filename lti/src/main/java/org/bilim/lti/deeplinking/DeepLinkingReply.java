package org.bilim.lti.deeplinking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the instructor chose in Bilim, to be sent back to the platform (Deep Linking 2.0, §4.5).
 * No items is a valid reply: the instructor cancelled.
 *
 * @param items        the content items, in order
 * @param message      {@code msg}: shown to the user by the platform
 * @param log          {@code log}: for the platform's log
 * @param errorMessage {@code errormsg}: shown to the user when something went wrong
 * @param errorLog     {@code errorlog}: for the platform's log when something went wrong
 */
public record DeepLinkingReply(List<ContentItem> items, Optional<String> message, Optional<String> log, Optional<String> errorMessage,
                               Optional<String> errorLog) {

    public DeepLinkingReply {
        items = List.copyOf(items);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(errorLog, "errorLog");
    }

    /** The items and nothing else. */
    public static DeepLinkingReply of(List<ContentItem> items) {
        return new DeepLinkingReply(items, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
