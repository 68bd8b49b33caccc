/**
 * Counts idle time from the person's last interaction (key, pointer, touch, wheel) and says when
 * a warning is due and when time is up. While the warning is shown, only an explicit answer
 * (`keepAlive()`, the warning's "continue") counts: a stray key press behind a modal dialog must
 * not keep a kiosk signed in for someone who walked away.
 */
const EVENTS = ['keydown', 'pointerdown', 'touchstart', 'wheel'];

export class IdleTimer {
  /**
   * @param {{timeoutSeconds: number, warningSeconds: number,
   *   onWarning: (secondsLeft: number) => void, onTick: (secondsLeft: number) => void,
   *   onTimeout: () => void, onActivity?: () => void}} options
   */
  constructor(options) {
    this.options = options;
    this.timeoutMs = Math.max(1, options.timeoutSeconds) * 1000;
    this.warningMs = Math.min(Math.max(0, options.warningSeconds) * 1000, this.timeoutMs);
    this.warning = false;
    this.timer = null;
    this.listener = () => this.activity();
  }

  start() {
    this.stop();
    this.last = Date.now();
    this.warning = false;
    for (const e of EVENTS) {
      window.addEventListener(e, this.listener, { capture: true, passive: true });
    }
    this.timer = setInterval(() => this.check(), 250);
  }

  stop() {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    for (const e of EVENTS) {
      window.removeEventListener(e, this.listener, { capture: true });
    }
  }

  activity() {
    if (this.warning) {
      return;
    }
    this.last = Date.now();
    this.options.onActivity?.();
  }

  /** The person answered the warning: start counting again. */
  keepAlive() {
    this.warning = false;
    this.last = Date.now();
    this.options.onActivity?.(true);
  }

  check() {
    const idle = Date.now() - this.last;
    const left = this.timeoutMs - idle;
    if (left <= 0) {
      this.stop();
      this.options.onTimeout();
      return;
    }
    if (left <= this.warningMs) {
      const seconds = Math.ceil(left / 1000);
      if (!this.warning) {
        this.warning = true;
        this.options.onWarning(seconds);
      } else {
        this.options.onTick(seconds);
      }
    }
  }
}

/** Calls `fn` at most once per `intervalMs` (the first call goes through at once). */
export function throttle(fn, intervalMs) {
  let last = 0;
  return (force) => {
    const now = Date.now();
    if (force === true || now - last >= intervalMs) {
      last = now;
      fn();
    }
  };
}
