import { html, type TemplateResult } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { Args, ArgTypes, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '../src/care-record-provider.js';
import '../src/care-record-medications.js';
import { MOCK_PATIENT_IDS } from '../mocks/index.js';
import { allEvents, eventArgName, manifestTags } from './support/manifest.js';
import { defaultArgs, elementArgTypes, renderElement } from './support/render.js';
import { settle, statusText, type Widget } from './support/play.js';

// Every widget registration entry that exists (src/care-record-<name>.ts), for the "every widget" story.
import.meta.glob('../src/care-record-*.ts', { eager: true });

const PROVIDER = 'care-record-provider';

/** Widget events bubble and cross shadow roots: the story listens once, on the provider. */
const eventArgTypes: ArgTypes = Object.fromEntries(
  allEvents().map((e) => [eventArgName(e.name), { action: e.name, table: { disable: true } }]),
);

const provider = (args: Args, widgets: TemplateResult) => renderElement(PROVIDER, args, widgets, allEvents());

/** The README's embed: every medication, and a GP-only section headed in the host's words. */
const embedExample = html`
  <care-record-medications></care-record-medications>
  <care-record-medications source-types="gp" heading="GP record – medications"></care-record-medications>
`;

const meta = {
  title: 'Elements/Provider',
  component: PROVIDER,
  render: (args: Args) => provider(args, embedExample),
  args: { ...defaultArgs },
  argTypes: { ...elementArgTypes(PROVIDER), ...eventArgTypes },
  parameters: {
    docs: {
      description: {
        component:
          'Wrap the widgets in one `<care-record-provider>` and give it the HIE address, the patient and the `tokenProvider` once. A widget\'s own attributes override the provider\'s. The widgets\' events (Actions panel) reach the host through the provider.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

function widgets(ctx: StoryContext): Widget[] {
  return [...ctx.canvasElement.querySelectorAll<Widget>('*')].filter(
    (el) => el.localName.startsWith('care-record-') && el.localName !== PROVIDER,
  );
}

async function allSettle(ctx: StoryContext, timeout = 15_000): Promise<Widget[]> {
  const found = widgets(ctx);
  await expect(found.length).toBeGreaterThan(0);
  return Promise.all(found.map((w) => settle(w, undefined, timeout)));
}

export const EmbedExample: Story = {
  parameters: {
    docs: {
      description: {
        story: 'One provider, two sections: all medications, and a section for GP practice sources only.',
      },
    },
  },
  play: async (ctx) => {
    const [all, gp] = await allSettle(ctx);
    await expect(all!.state).toBe('ready');
    await expect(gp!.state).toBe('ready');
    await expect(statusText(gp!)).toMatch(/shows GP practice sources only/);
  },
};

export const EveryWidget: Story = {
  render: (args) => {
    const tags = manifestTags().filter((t) => t.startsWith('care-record-') && t !== PROVIDER && customElements.get(t));
    return provider(args, html`${tags.map((t) => staticHtml`<${unsafeStatic(t)}></${unsafeStatic(t)}>`)}`);
  },
  parameters: {
    docs: {
      description: {
        story:
          'Every widget this build registers (one `src/care-record-<name>.ts` entry each), under one provider, on the rich mock record.',
      },
    },
  },
  play: async (ctx) => {
    for (const w of await allSettle(ctx, 30_000)) await expect(['ready', 'empty']).toContain(w.state);
  },
};

export const ByNhsNumber: Story = {
  args: { 'patient-id': '', 'nhs-number': '9990000018' },
  parameters: {
    docs: {
      description: {
        story:
          'The host gives an NHS number instead of a FHIR id: validated (Modulus 11), then found with `Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|…`.',
      },
    },
  },
  play: async (ctx) => {
    for (const w of await allSettle(ctx)) await expect(w.state).toBe('ready');
  },
};

export const TokenRefreshedAfter401: Story = {
  args: { token: 'refreshes-after-401' },
  parameters: {
    docs: {
      description: {
        story:
          'The token has expired: the HIE answers 401, the widgets call `tokenProvider({ forceRefresh: true })` once, retry, and load.',
      },
    },
  },
  play: async (ctx) => {
    for (const w of await allSettle(ctx)) await expect(w.state).toBe('ready');
  },
};

export const NotSignedIn: Story = {
  args: { token: 'expired' },
  parameters: {
    docs: {
      description: {
        story:
          'The HIE refuses the token even after a refresh: every widget says "not signed in", and `care-record-auth-required` tells the host (Actions panel).',
      },
    },
  },
  play: async (ctx) => {
    for (const w of await allSettle(ctx)) await expect(w.state).toBe('unauthorized');
  },
};

export const WidgetOverridesProvider: Story = {
  render: (args) =>
    provider(
      args,
      html`<care-record-medications heading="Medications (provider's patient)"></care-record-medications>
        <care-record-medications
          patient-id=${MOCK_PATIENT_IDS.empty}
          heading="Medications (the widget's own patient-id)"
        ></care-record-medications>`,
    ),
  parameters: {
    docs: {
      description: {
        story: "A widget's own `patient-id` (or `base-url`, `nhs-number`, `tokenProvider`) wins over the provider's.",
      },
    },
  },
  play: async (ctx) => {
    const [fromProvider, own] = await allSettle(ctx);
    await expect(fromProvider!.state).toBe('ready');
    await expect(own!.state).toBe('empty');
  },
};

export const SwitchingPatient: Story = {
  parameters: {
    docs: {
      description: {
        story:
          "The host changes the provider's `patient-id` (here: to a patient who objected to sharing). Every widget restarts for the new patient; late answers for the old one are discarded.",
      },
    },
  },
  play: async (ctx) => {
    for (const w of await allSettle(ctx)) await expect(w.state).toBe('ready');
    ctx.canvasElement.querySelector(PROVIDER)!.setAttribute('patient-id', MOCK_PATIENT_IDS.objection);
    for (const w of widgets(ctx)) await expect((await settle(w, 'forbidden')).state).toBe('forbidden');
  },
};
