import { k, language, t } from './i18n.js';

/**
 * The one way the UI talks to the Bilim REST API: same origin, JSON, cookies set by the server
 * (HttpOnly, the UI never sees a token), `Accept-Language` set to the UI's language so that
 * problem details come back translated. The one exception is a lecturer's workspace opened by an
 * LMS launch (see {@link bearer}). Every failure becomes an {@link ApiError} carrying RFC
 * 9457 problem details; failures that are not problem details (network down, a proxy's HTML page)
 * get problem details written here, from the catalogues, so the person always reads a sentence,
 * never raw JSON or a stack trace.
 */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title);
    this.problem = problem;
    /** Set when the page-wide handler already dealt with it (e.g. went back to sign-in). */
    this.handled = false;
  }

  get status() {
    return this.problem.status;
  }

  get code() {
    return this.problem.code;
  }

  get title() {
    return this.problem.title;
  }

  get detail() {
    return this.problem.detail;
  }

  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

let interceptor = null;

/**
 * A lecturer's workspace is shown in the LMS's frame, where Bilim's cookies are third-party and
 * may be blocked, so the launch hands the session over in the page: `<meta name="bilim-session">`.
 * It is read once, here, into this variable only, and the element is removed so that nothing else
 * in the page can read it later. It is never written to storage, the address or the console; it
 * is gone with the page. Officers and administrators have no such element and keep their cookie.
 */
let bearer = takeBearer();

function takeBearer() {
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="bilim-session"]');
  if (!meta) {
    return null;
  }
  const token = meta.getAttribute('content') || null;
  meta.remove();
  return token;
}

/** True while the page holds a session handed over by an LMS launch. */
export function hasBearerSession() {
  return bearer !== null;
}

/** Forgets the handed-over session (it ended): from now on requests carry none. */
export function forgetBearerSession() {
  bearer = null;
}

/** The header that authorises a request made outside {@link request} (pdf.js fetching a document). */
export function authorization() {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

/**
 * Installs the page-wide handler of problems such as an ended session; it returns true when it
 * took care of the problem, and the component that made the call then shows nothing itself.
 */
export function setProblemHandler(handler) {
  interceptor = handler;
}

function localProblem(code, status, titleKey, detailKey, params) {
  return { type: 'about:blank', code, status, title: t(titleKey), detail: t(detailKey, params), errors: [] };
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && typeof body === 'object' && typeof body.title === 'string') {
        return { status: response.status, errors: [], ...body };
      }
    } catch {
      // not JSON after all: fall through to a problem written here
    }
  }
  return localProblem(`http.${response.status}`, response.status, k('error.unexpected.title'), k('error.unexpected.detail'),
    { status: response.status });
}

/**
 * @param {string} method
 * @param {string} path e.g. `/api/kiosk/session`
 * @param {object} [body] sent as JSON
 * @param {{intercept?: boolean, keepalive?: boolean, headers?: object, raw?: boolean, withEtag?: boolean}} [options]
 *   `intercept: false` keeps the page-wide handler out of it; `keepalive` lets the request outlive
 *   the page (a last progress report); `raw` sends `body` (a File) as its bytes; `withEtag`
 *   answers `{value, etag}`, for a resource whose changes need `If-Match`
 */
export async function request(method, path, body, options = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': language(), ...(options.headers || {}), ...authorization() };
  // With a handed-over session no cookie goes along: the server would prefer a staff cookie of
  // this browser (an officer's, say) to the lecturer's token.
  const init = { method, headers, credentials: bearer ? 'omit' : 'same-origin', cache: 'no-store' };
  if (options.keepalive) {
    init.keepalive = true;
  }
  if (body !== undefined && options.raw) {
    headers['Content-Type'] = 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(localProblem('network', 0, k('error.network.title'), k('error.network.detail')));
  }
  if (response.ok) {
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    const value = text ? JSON.parse(text) : null;
    if (options.withEtag && value && typeof value === 'object') {
      return { value, etag: response.headers.get('ETag') };
    }
    return value;
  }
  const error = new ApiError(await problemOf(response));
  if (options.intercept !== false && interceptor) {
    error.handled = Boolean(interceptor(error));
  }
  throw error;
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body, options) => request('POST', path, body === undefined ? undefined : body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  delete: (path, options) => request('DELETE', path, undefined, options),
  /** Uploads a file's bytes as the body (the server decides the type from the bytes). */
  upload: (path, file, options = {}) => request('POST', path, file, { ...options, raw: true }),
};

/** A query string from the non-empty entries of `params`. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      q.set(key, String(value));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
