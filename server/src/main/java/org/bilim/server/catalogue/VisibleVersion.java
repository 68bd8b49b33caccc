package org.bilim.server.catalogue;

import org.bilim.courses.content.CourseContent;

/** The version of a course that a facility's learners see, with its parsed content. */
public record VisibleVersion(long courseId, long versionId, int number, String contentHash, CourseContent content) {
}
