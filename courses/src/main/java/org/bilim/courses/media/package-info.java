/**
 * What a stored file really is, told from its bytes: {@link org.bilim.courses.media.MediaTypes}
 * names the media type of an upload or a file from an imported package, whatever its name claims,
 * and {@link org.bilim.courses.media.Mp4Layout} says whether a video can start playing on a kiosk
 * before it has been downloaded to the end.
 */
package org.bilim.courses.media;
