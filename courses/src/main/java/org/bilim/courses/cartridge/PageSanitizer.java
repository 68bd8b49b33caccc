package org.bilim.courses.cartridge;

import org.bilim.courses.html.AssetResolver;
import org.bilim.courses.html.SanitizedHtml;

/** The sanitiser as the importer uses it; {@link org.bilim.courses.html.HtmlSanitizer#sanitize} fits. */
@FunctionalInterface
interface PageSanitizer {
    SanitizedHtml sanitize(String html, String location, AssetResolver assets);
}
