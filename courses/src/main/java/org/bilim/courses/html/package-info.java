/**
 * HTML that reaches a learner: sanitised on the way in to an allowlist of tags and attributes
 * (OWASP Java HTML Sanitizer), with every reference to another origin removed, or rewritten to
 * the local copy when the asset came inside the package. The findings of a
 * {@link org.bilim.courses.html.SanitizedHtml} list each removal and rewrite with its location, for
 * the officer who vets the course.
 */
package org.bilim.courses.html;
