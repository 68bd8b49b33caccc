/**
 * Content as a learner at a kiosk receives it: only courses they are enrolled in, only the
 * version their facility's officers approved, quizzes without their answers, and file URLs that
 * stay on the kiosk's own origin.
 */
package org.bilim.server.delivery;
