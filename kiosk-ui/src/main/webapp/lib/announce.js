/**
 * Speaks a short message to screen readers through the page's polite live region
 * (`[data-announcer]`, present in the static HTML so that it exists before anything changes).
 * The text is cleared first and set on the next frame, so the same message twice is announced twice.
 */
export function announce(text) {
  const region = document.querySelector('[data-announcer]');
  if (!region) {
    return;
  }
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = text;
  });
}
