/**
 * The question engine practice quizzes use and supervised exams will use: question types,
 * a learner's {@link org.bilim.courses.quiz.Response}, grading with per-question feedback, and the
 * redacted view a learner may see (no correct answers, no feedback before an answer is given).
 */
package org.bilim.courses.quiz;
