import { expect } from '@open-wc/testing';
import { html, LitElement } from 'lit';

class SmokeEl extends LitElement { render() { return html`<p>ok</p>`; } }
customElements.define('smoke-el', SmokeEl);

it('runs in a real browser', async () => {
  const el = document.createElement('smoke-el') as SmokeEl;
  document.body.append(el);
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('ok');
  const idx = await (await fetch('/__fhir-examples/index.json')).json();
  expect(idx.files.length).to.be.greaterThan(300);
});
