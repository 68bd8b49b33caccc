package org.bilim.lti.keys;

import java.util.List;

/**
 * Where Bilim's signing keys live; the server implements it with JPA. {@link ToolKeys} reads the
 * store on every call, so several server instances sharing one database see the same keys.
 *
 * <p>A key is saved as a whole: its JWK (with private part, e.g. as {@code RSAKey.toJSONString()})
 * and its four instants. A saved key is only ever updated in two ways: its successor gets
 * scheduled ({@code deactivated}, {@code retired} set) and, once retired, its private part is
 * dropped.
 */
public interface ToolKeyStore {

    /** Every key the store holds, in any state. */
    List<ToolKey> loadAll();

    /** Inserts the key, or replaces the one with the same kid. */
    void save(ToolKey key);

    /**
     * Whether this kid was ever saved, even if its row has since been deleted: a kid names one key
     * for ever, or a platform holding an old token could verify it against a different key.
     */
    boolean kidEverUsed(String kid);
}
