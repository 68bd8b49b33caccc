/**
 * Common Cartridge imports as jobs: the upload is kept in the data directory, the import runs in
 * the background in one transaction (all or nothing), and its stage, counts and report can be
 * read while it runs and after.
 */
package org.bilim.server.imports;
