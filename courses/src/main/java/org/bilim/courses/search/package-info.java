/**
 * Full-text search over course content with Apache Lucene: the per-language analysers (Kazakh,
 * Russian, English) come first; the index, the access filter and the searcher build on them.
 */
package org.bilim.courses.search;
