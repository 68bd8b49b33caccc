/**
 * Accessibility preferences as classes on <html>: `a11y-large-text`, `a11y-high-contrast`,
 * `a11y-screen-reader`. The stylesheets do the rest (css/base.css).
 */
const CLASSES = {
  largeText: 'a11y-large-text',
  highContrast: 'a11y-high-contrast',
  screenReader: 'a11y-screen-reader',
};

export function applyAccessibility(preferences) {
  const root = document.documentElement;
  for (const [key, cls] of Object.entries(CLASSES)) {
    root.classList.toggle(cls, Boolean(preferences && preferences[key]));
  }
}

export function currentAccessibility() {
  const root = document.documentElement;
  return {
    largeText: root.classList.contains(CLASSES.largeText),
    highContrast: root.classList.contains(CLASSES.highContrast),
    screenReader: root.classList.contains(CLASSES.screenReader),
  };
}

/** True when the person asked for extra spoken announcements. */
export function wantsSpokenDetail() {
  return document.documentElement.classList.contains(CLASSES.screenReader);
}
