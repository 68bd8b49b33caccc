/**
 * Practice quizzes at the kiosk: an attempt is graded at once by the courses module's quiz
 * engine, the learner sees the feedback, and the score is kept.
 */
package org.bilim.server.practice;
