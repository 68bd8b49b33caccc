/**
 * The course catalogue: courses, their versions of content, who may author them, and which
 * version a facility's learners see (the newest one its officers approved, for exactly the
 * content they approved).
 */
package org.bilim.server.catalogue;
