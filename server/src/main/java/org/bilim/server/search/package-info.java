/**
 * Search of course content (issue 4): each node's Lucene index, derived from the database and
 * kept current through the {@code search_change} feed; the access scope of learners and
 * officers; the search API and the administrator's rebuild.
 */
package org.bilim.server.search;
