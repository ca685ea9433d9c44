import { html } from 'lit';
import type { Args, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/care-record-provider.js';
import '../src/care-record.js';
import { MOCK_PATIENT_IDS } from '../mocks/index.js';
import { defaultArgs, elementArgTypes, renderElement } from './support/render.js';
import { settle, type Widget } from './support/play.js';

const TAG = 'care-record';

const meta = {
  title: 'Elements/Care record (whole record)',
  component: TAG,
  render: (args: Args) => renderElement(TAG, args),
  args: { ...defaultArgs },
  argTypes: elementArgTypes(TAG),
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** The pods (widgets) inside the whole-record element's shadow root. */
function pods(ctx: StoryContext): Widget[] {
  const record = ctx.canvasElement.querySelector(TAG);
  return [...(record?.shadowRoot?.querySelectorAll<Widget>('*') ?? [])].filter((el) =>
    el.localName.startsWith('care-record-'),
  );
}

async function podsEndIn(ctx: StoryContext, states: Widget['state'][], count?: number): Promise<void> {
  const record = ctx.canvasElement.querySelector<Widget>(TAG);
  await expect(customElements.get(TAG), `<${TAG}> is registered by src/care-record.ts`).toBeDefined();
  await expect(record).not.toBeNull();
  await record!.updateComplete;
  await waitFor(() => {
    if (pods(ctx).length === 0) throw new Error(`<${TAG}> has rendered no pod yet`);
  });
  const found = pods(ctx);
  if (count !== undefined) await expect(found.length).toBe(count);
  else await expect(found.length).toBeGreaterThan(0);
  for (const pod of found) {
    const settled = await settle(pod, undefined, 20_000);
    await expect(states, `<${pod.localName}> ended "${settled.state}"`).toContain(settled.state);
  }
}

export const WholeRecord: Story = {
  parameters: {
    docs: { description: { story: 'Every pod, on the rich mock record, in the default order.' } },
  },
  play: (ctx) => podsEndIn(ctx, ['ready', 'empty']),
};

export const ChosenSections: Story = {
  args: { sections: 'medications allergies problems', collapsed: 'problems' },
  parameters: {
    docs: {
      description: {
        story:
          'The host chooses the pods and their order (`sections`) and which start collapsed (`collapsed`). A collapsed pod is not on the page: nothing is fetched or audited for it until it is expanded.',
      },
    },
  },
  play: (ctx) => podsEndIn(ctx, ['ready', 'empty'], 2),
};

export const InsideAProvider: Story = {
  render: (args) =>
    renderElement(
      'care-record-provider',
      args,
      html`<care-record sections="medications sources"></care-record>`,
      [],
    ),
  parameters: {
    docs: {
      description: { story: 'No attributes of its own: the whole record takes the HIE, patient and token from an enclosing provider.' },
    },
  },
  play: (ctx) => podsEndIn(ctx, ['ready', 'empty'], 2),
};

export const Forbidden: Story = {
  args: { 'patient-id': MOCK_PATIENT_IDS.objection },
  parameters: {
    docs: {
      description: {
        story:
          'The patient has objected to sharing: the record says "No access to this record" once at its top, with the reason, and each pod points to it in one line.',
      },
    },
  },
  play: async (ctx) => {
    await podsEndIn(ctx, ['forbidden']);
    const record = ctx.canvasElement.querySelector(TAG)!;
    await waitFor(() => expect(record.shadowRoot?.querySelectorAll('[part~="record-status"]').length).toBe(1));
  },
};

export const DensityCompact: Story = {
  args: { density: 'compact' },
  parameters: {
    docs: {
      description: {
        story:
          'The default: every pod compact (one or two lines per item, one line per safety signal), one search box for the whole record.',
      },
    },
  },
  play: (ctx) => podsEndIn(ctx, ['ready', 'empty']),
};

export const DensityComfortable: Story = {
  args: { density: 'comfortable' },
  parameters: {
    docs: { description: { story: '`density="comfortable"` on the record: every pod with the roomier spacing and every field written out.' } },
  },
  play: async (ctx) => {
    await podsEndIn(ctx, ['ready', 'empty']);
    for (const pod of pods(ctx)) await expect(pod.getAttribute('density')).toBe('comfortable');
  },
};

export const FindInRecord: Story = {
  args: { search: 'riverside' },
  parameters: {
    docs: {
      description: {
        story:
          'One search for every pod: each keeps the items that match and says how many it hides ("N items hidden by your search \'riverside\' · Clear").',
      },
    },
  },
  play: (ctx) => podsEndIn(ctx, ['ready', 'empty']),
};

export const Empty: Story = {
  args: { 'patient-id': MOCK_PATIENT_IDS.empty },
  parameters: { docs: { description: { story: 'Nothing recorded by any source: every pod says so in words.' } } },
  play: (ctx) => podsEndIn(ctx, ['empty']),
};

export const Unauthorized: Story = {
  args: { token: 'expired' },
  parameters: {
    docs: { description: { story: 'The HIE refuses the token even after a refresh: every pod says "not signed in".' } },
  },
  play: (ctx) => podsEndIn(ctx, ['unauthorized']),
};
