package org.bilim.lti.testing;

import org.bilim.lti.keys.ToolKey;
import org.bilim.lti.keys.ToolKeyStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The key store a test needs: rows in a map, and a ledger of every kid ever saved. */
public final class InMemoryToolKeyStore implements ToolKeyStore {

    private final Map<String, ToolKey> keys = new LinkedHashMap<>();
    private final Set<String> everUsed = new HashSet<>();

    @Override
    public synchronized List<ToolKey> loadAll() {
        return new ArrayList<>(keys.values());
    }

    @Override
    public synchronized void save(ToolKey key) {
        keys.put(key.kid(), key);
        everUsed.add(key.kid());
    }

    @Override
    public synchronized boolean kidEverUsed(String kid) {
        return everUsed.contains(kid);
    }

    /** Deletes a row the way an administrator cleaning the table would; the ledger remembers it. */
    public synchronized void delete(String kid) {
        keys.remove(kid);
    }

    public synchronized ToolKey get(String kid) {
        return keys.get(kid);
    }
}
