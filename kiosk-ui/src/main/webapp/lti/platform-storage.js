// The platform's client-side storage, for LMS frames that cannot keep Bilim's cookie: 1EdTech "LTI
// Client Side postMessages" (lti-cs-pm v0.1), "LTI postMessage Storage" (lti-pm-s v0.1) and "OIDC
// Login with LTI Client Side postMessages" (lti-cs-oidc v0.1).
//
// The server renders what this script needs as data- attributes of <main data-lti-storage> (the
// Content-Security-Policy allows no inline script):
//   put  (the login):  keep the state and nonce in the platform's frame, then go on to data-next;
//   get  (the launch): read them back and post them, with the launch, to Bilim's own origin.
// Values go to data-platform-origin only (the origin of the platform's authorization endpoint),
// never to '*', and answers are taken only from that origin. When the platform does not answer in
// time the login goes on with the cookie alone, and the launch is posted without values, for the
// server to refuse it with its plain page.

const main = document.querySelector('main[data-lti-storage]');

/** The window that embeds (or opened) this one: where the platform listens. */
function platformWindow() {
  if (window.parent && window.parent !== window) {
    return window.parent;
  }
  return window.opener || null;
}

function messageId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends one message and waits for its answer (lti-cs-pm: the subject with '.response' and the same
 * message_id). Resolves with the answer; rejects on an error answer or after the timeout.
 * acceptFrom null takes an answer from any origin (only for lti.capabilities, which carries no data).
 */
function ask(target, targetOrigin, message, acceptFrom, timeout) {
  return new Promise((resolve, reject) => {
    const listener = (event) => {
      const data = event.data;
      if (!data || typeof data !== 'object' || data.subject !== message.subject + '.response'
          || data.message_id !== message.message_id) {
        return;
      }
      if (acceptFrom !== null && event.origin !== acceptFrom) {
        return;
      }
      window.removeEventListener('message', listener);
      clearTimeout(timer);
      if (data.error) {
        reject(new Error(message.subject + ': ' + (data.error.code || 'error')));
      } else {
        resolve(data);
      }
    };
    const timer = setTimeout(() => {
      window.removeEventListener('message', listener);
      reject(new Error(message.subject + ': no answer'));
    }, timeout);
    window.addEventListener('message', listener);
    try {
      target.postMessage(message, targetOrigin);
    } catch (e) {
      window.removeEventListener('message', listener);
      clearTimeout(timer);
      reject(e);
    }
  });
}

const FRAME_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Where put_data and get_data go, and under which subjects. lti-cs-pm §4: the platform's answer
 * to lti.capabilities names the frame of each message, and takes precedence over the login's
 * lti_storage_target; some platforms still name the subjects org.imsglobal.lti.*. A platform that
 * does not answer is addressed as the login said.
 */
async function storage(base, offered, timeout) {
  const found = { frame: offered, put: 'lti.put_data', get: 'lti.get_data' };
  try {
    const answer = await ask(base, '*', { subject: 'lti.capabilities', message_id: messageId() }, null, Math.min(timeout, 2000));
    for (const m of Array.isArray(answer.supported_messages) ? answer.supported_messages : []) {
      const subject = m && typeof m.subject === 'string' ? m.subject : '';
      const kind = subject.endsWith('lti.put_data') ? 'put' : subject.endsWith('lti.get_data') ? 'get' : null;
      if (kind && (subject === 'lti.' + kind + '_data' || subject === 'org.imsglobal.lti.' + kind + '_data')) {
        found[kind] = subject;
        if (typeof m.frame === 'string' && FRAME_NAME.test(m.frame)) {
          found.frame = m.frame;
        }
      }
    }
  } catch (e) {
    // No capabilities: the storage frame the login offered, with the subjects of the specification.
  }
  const target = found.frame === '_parent' ? base : base.frames[found.frame];
  if (!target) {
    throw new Error('the platform has no frame ' + found.frame);
  }
  return { target, put: found.put, get: found.get };
}

async function put(d, timeout) {
  const base = platformWindow();
  if (!base) {
    return;
  }
  const s = await storage(base, d.target, timeout);
  await Promise.all([[d.stateKey, d.state], [d.nonceKey, d.nonce]].map(([key, value]) =>
    ask(s.target, d.platformOrigin, { subject: s.put, message_id: messageId(), key, value }, d.platformOrigin, timeout)));
}

async function get(d, timeout) {
  const base = platformWindow();
  if (!base) {
    return {};
  }
  const s = await storage(base, d.target, timeout);
  const [state, nonce] = await Promise.all([d.stateKey, d.nonceKey].map((key) =>
    ask(s.target, d.platformOrigin, { subject: s.get, message_id: messageId(), key }, d.platformOrigin, timeout)
      .then((answer) => (answer.key === undefined || answer.key === key) && typeof answer.value === 'string' ? answer.value : '')));
  return { state, nonce };
}

if (main) {
  const d = main.dataset;
  const timeout = Number(d.timeout) || 8000;
  if (d.ltiStorage === 'put') {
    put(d, timeout).catch((e) => console.warn('Bilim: the LMS did not keep the sign-in:', e.message))
      .finally(() => window.location.replace(d.next));
  } else if (d.ltiStorage === 'get') {
    const form = main.querySelector('form[data-launch]');
    get(d, timeout).catch((e) => {
      console.warn('Bilim: the LMS did not give the sign-in back:', e.message);
      return {};
    }).then((read) => {
      form.elements.lti_storage_state.value = read.state || '';
      form.elements.lti_storage_nonce.value = read.nonce || '';
      form.submit();
    });
  }
}
