/**
 * Deep Linking 2.0, tool side: an instructor launched Bilim from the platform's "add content"
 * ({@code LtiDeepLinkingRequest}), chose courses, and Bilim sends them back as signed
 * {@code ltiResourceLink} items ({@link org.bilim.lti.deeplinking.DeepLinkingResponse}), through
 * an auto-submitted form the server renders from a {@link org.bilim.lti.deeplinking.DeepLinkingForm}.
 */
package org.bilim.lti.deeplinking;
