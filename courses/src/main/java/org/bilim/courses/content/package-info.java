/**
 * What a course version holds: modules in order, items in order, and each item's content. Values
 * only (records); a version is immutable once written, and {@link org.bilim.courses.content.ContentCodec}
 * gives it one canonical JSON form whose SHA-256 is the hash an officer's approval is bound to.
 *
 * <p>Items are identified by a {@link org.bilim.courses.content.Keys key} that survives versions:
 * a learner's progress follows the key, so it carries over to a new version wherever the item
 * still exists.
 */
package org.bilim.courses.content;
