package org.bilim.lti.launch;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Nonces remembered for the life of a test. */
final class InMemoryNonceStore implements NonceStore {

    private final Set<String> used = ConcurrentHashMap.newKeySet();

    @Override
    public boolean useOnce(String nonce, Instant expires) {
        return used.add(nonce);
    }
}
