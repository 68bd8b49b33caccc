/**
 * Case-study answers: a learner's draft, saved task by task as they type, then submitted with its
 * time and the course version it answers; staff grade it with a score and feedback.
 */
package org.bilim.server.submissions;
