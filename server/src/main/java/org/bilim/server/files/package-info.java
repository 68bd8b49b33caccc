/**
 * Stored files: uploads and imported assets kept in the data directory under generated names,
 * typed by their bytes, checksummed, and delivered with HTTP range requests so a kiosk can seek
 * in a lecture video without downloading it.
 */
package org.bilim.server.files;
