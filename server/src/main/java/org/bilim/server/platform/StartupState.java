package org.bilim.server.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/** How far start-up has come: {@code starting}, {@code migrating}, {@code ready}, or {@code failed}. */
@ApplicationScoped
public class StartupState {
    private final AtomicReference<String> phase = new AtomicReference<>("starting");

    public void phase(String p) {
        phase.set(p);
    }

    public String phase() {
        return phase.get();
    }

    public boolean ready() {
        return "ready".equals(phase.get());
    }
}
