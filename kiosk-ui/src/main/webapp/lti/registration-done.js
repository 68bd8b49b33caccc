// LTI Dynamic Registration 1.0, §3.6: the registration page tells the LMS's window (the frame's
// parent or the window that opened it) that registration is over, so the LMS can close its dialog.
// The message holds nothing secret; the LMS's origin is not known to this static script.
const target = window.opener || (window.parent !== window ? window.parent : null);
if (target) {
  target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
}
