import '../../../../src/care-record-documents.js';

/** Every CSP violation in this page, for the test that loads it in a frame. */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim());
});
Object.assign(window, { cspViolations: violations, cspPageReady: true });
