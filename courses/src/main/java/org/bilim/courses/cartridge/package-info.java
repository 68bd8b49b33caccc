/**
 * Import of an IMS Common Cartridge (1.1, 1.2, 1.3) as Moodle and Canvas export it, into a
 * {@link org.bilim.courses.content.CourseContent}.
 *
 * <p>The archive is untrusted: {@link org.bilim.courses.cartridge.CartridgeImporter} checks it in
 * full (sizes, names, compression, hardened XML) before a single file is handed to the
 * {@link org.bilim.courses.cartridge.AssetSink}, and a refusal carries a stable
 * {@link org.bilim.courses.cartridge.Refusal} code. What was imported, converted or left out is
 * told by an {@link org.bilim.courses.cartridge.ImportReport} of codes and parameters that the
 * officer's console translates.
 */
package org.bilim.courses.cartridge;
