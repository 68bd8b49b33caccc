package org.bilim.courses.html;

import java.util.List;

/** HTML safe to show a learner, and what was removed or rewritten to make it so. */
public record SanitizedHtml(String html, List<LintFinding> findings) {
    public SanitizedHtml {
        findings = List.copyOf(findings);
    }
}
