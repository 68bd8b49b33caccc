/**
 * The course domain of Bilim: catalogue, modules and items (pages, files, media, case studies,
 * quizzes), content import (IMS Common Cartridge, QTI), HTML sanitising and full-text search
 * with Apache Lucene.
 *
 * <p>Plain Java: nothing here knows Jakarta EE, the database or the {@code lti} module. The
 * {@code server} module is where this domain meets the container; until the content model lands,
 * the server's catalogue tables (university, course, enrolment) are all there is.
 */
package org.bilim.courses;
