// Loaded before any module so that violations during module loading are seen too.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample || ''}`);
});
window.addEventListener('error', (e) => {
  // Chromium's benign notice when a virtual list re-measures within one frame; not an error of ours.
  if (String(e.message).includes('ResizeObserver loop')) return;
  window.__cspViolations.push(`error: ${e.message} (${e.filename}:${e.lineno})`);
});
window.addEventListener('unhandledrejection', (e) => window.__cspViolations.push(`unhandled rejection: ${String(e.reason)}`));

// The mock HIE (test infrastructure, not the elements) registers msw's service worker with a plain
// string, a Trusted Types sink. This default policy lets exactly that URL through and nothing else:
// it defines no createHTML or createScript, so any HTML or script sink the elements touched would
// still be reported as a violation.
if (window.trustedTypes) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL: (url) => {
      if (new URL(url, location.href).pathname === '/mockServiceWorker.js') return url;
      throw new TypeError(`Script URL refused by the test page's policy: ${url}`);
    },
  });
}
