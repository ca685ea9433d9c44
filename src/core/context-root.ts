import { ContextRoot } from '@lit/context';

let attached = false;

/**
 * Lets widgets that upgrade before their `<care-record-provider>` still receive its configuration:
 * their context requests are held at the document and answered when the provider appears.
 */
export function ensureContextRoot(): void {
  if (attached || typeof document === 'undefined') return;
  new ContextRoot().attach(document.documentElement);
  attached = true;
}
