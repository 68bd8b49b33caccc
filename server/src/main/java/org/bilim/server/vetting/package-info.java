/**
 * Vetting: an officer previews a course version and its linter report, then approves or rejects
 * it for their facility. An approval is bound to the content hash the officer saw and freezes the
 * version; a rejection needs a reason. Both are audited.
 */
package org.bilim.server.vetting;
