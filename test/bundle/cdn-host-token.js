// The host's token provider, as a host page without a bundler writes it (a separate file: no inline script under the CSP).
await customElements.whenDefined('care-record-provider');
document.querySelector('care-record-provider').tokenProvider = () => 'demo-valid-token';
