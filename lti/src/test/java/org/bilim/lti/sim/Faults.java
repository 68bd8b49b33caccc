package org.bilim.lti.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Queued faults per endpoint; each queued fault is used once. */
final class Faults {

    private final Map<Endpoint, Deque<Fault>> queued = new EnumMap<>(Endpoint.class);

    synchronized void add(Endpoint endpoint, int times, Fault fault) {
        Deque<Fault> queue = queued.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
    }

    synchronized Optional<Fault> next(Endpoint endpoint) {
        Deque<Fault> queue = queued.get(endpoint);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.pollFirst());
    }

    synchronized void clear() {
        queued.clear();
    }
}
