import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Args, ArgTypes, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '../src/care-record-provider.js';
import '../src/care-record-medications.js';
import { MOCK_PATIENT_IDS, MOCK_TOKENS } from '../mocks/index.js';
import { cssPartsOf, cssPropertiesOf } from './support/manifest.js';
import { HIE_BASE_URL } from './support/render.js';
import { settle, type Widget } from './support/play.js';

/**
 * Theming: the `--care-record-*` custom properties and the `::part()`s, both listed from the elements'
 * JSDoc (custom-elements.json). Each theme is a stylesheet scoped to its story's wrapper class, as a
 * host page would write it.
 */
const TAG = 'care-record-medications';
const cssProperties = cssPropertiesOf(TAG);

const isColour = (name: string) => /color|background|surface/.test(name);

/** One control per custom property the element documents; unset means the element's default. */
const propertyArgTypes: ArgTypes = Object.fromEntries(
  cssProperties.map((p) => [
    p.name,
    {
      name: p.name,
      description: p.description ?? '',
      control: isColour(p.name) ? 'color' : 'text',
      table: { category: 'css custom properties' },
    },
  ]),
);

const token = () => MOCK_TOKENS.valid;

/**
 * Three widgets that between them use every colour: a ready record with notices and a stale feed, a
 * patient objection (warning) and an unreadable HIE answer (error).
 */
function themedRecord(themeClass: string, css: string, style: Record<string, string> = {}): TemplateResult {
  return html`<style>
      ${css}
    </style>
    <div class=${`theme ${themeClass}`} style="display: grid; gap: 16px; padding: 16px;">
      <care-record-provider base-url=${HIE_BASE_URL} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${token}>
        <care-record-medications style=${styleMap(style)}></care-record-medications>
        <care-record-medications
          style=${styleMap(style)}
          patient-id=${MOCK_PATIENT_IDS.objection}
          heading="Medications (patient objected)"
        ></care-record-medications>
        <care-record-medications
          style=${styleMap(style)}
          patient-id=${MOCK_PATIENT_IDS.badHie}
          heading="Medications (HIE error)"
        ></care-record-medications>
      </care-record-provider>
    </div>`;
}

const NHS_THEME = `
.theme-nhs {
  background: #f0f4f5;
}
.theme-nhs care-record-medications {
  --care-record-font-family: "Frutiger W01", Arial, sans-serif;
  --care-record-text-color: #212b32;
  --care-record-secondary-text-color: #4c6272;
  --care-record-background: #ffffff;
  --care-record-surface: #f0f4f5;
  --care-record-border-color: #768692;
  --care-record-accent-color: #005eb8;
  --care-record-focus-color: #ffeb3b;
  --care-record-warning-background: #fff9c4;
  --care-record-error-color: #d5281b;
  --care-record-radius: 0;
  border-width: 0 0 0 8px;
  border-color: #005eb8;
}
.theme-nhs care-record-medications::part(item) {
  border-left: 4px solid #005eb8;
}
.theme-nhs care-record-medications::part(source) {
  font-weight: 600;
}
.theme-nhs care-record-medications::part(status) {
  border-left: 8px solid #005eb8;
}
`;

const DARK_THEME = `
.theme-dark {
  background: #0b0c0c;
  color-scheme: dark;
}
.theme-dark care-record-medications {
  --care-record-text-color: #f0f4f5;
  --care-record-secondary-text-color: #b8c4cc;
  --care-record-background: #161a1d;
  --care-record-surface: #242a30;
  --care-record-border-color: #8a9aa6;
  --care-record-accent-color: #8cc8ff;
  --care-record-focus-color: #ffeb3b;
  --care-record-warning-background: #3d3300;
  --care-record-error-color: #ff8a80;
}
.theme-dark care-record-medications::part(source) {
  color: #f0f4f5;
}
`;

async function allSettled(ctx: StoryContext): Promise<void> {
  const widgets = [...ctx.canvasElement.querySelectorAll<Widget>(TAG)];
  await expect(widgets.length).toBe(3);
  const states = await Promise.all(widgets.map(async (w) => (await settle(w)).state));
  await expect(states).toEqual(['ready', 'forbidden', 'error']);
}

const partsList = cssPartsOf(TAG)
  .map((p) => `\`${p.name}\``)
  .join(', ');

const meta = {
  title: 'Guides/Theming',
  component: TAG,
  argTypes: propertyArgTypes,
  parameters: {
    controls: { include: cssProperties.map((p) => p.name) },
    docs: {
      description: {
        component: `Hosts theme the widgets with the \`--care-record-*\` custom properties (set on the element or any ancestor) and style their parts with \`::part()\` (${partsList}). The defaults meet WCAG 2.2 AA on white; a theme must keep AA contrast, which the accessibility check verifies for each theme below. The tables list every custom property and part, from the elements' JSDoc.`,
      },
    },
  },
  play: allSettled,
} satisfies Meta;
export default meta;

type Story = StoryObj;

export const NhsStyle: Story = {
  render: () => themedRecord('theme-nhs', NHS_THEME),
  parameters: {
    docs: {
      description: { story: 'An NHS.UK-style theme: square corners, blue inset borders on items and messages, bold sources.' },
      source: { code: NHS_THEME.trim(), language: 'css' },
    },
  },
};

export const DarkTheme: Story = {
  render: () => themedRecord('theme-dark', DARK_THEME),
  parameters: {
    backgrounds: { disable: true },
    docs: {
      description: {
        story: 'A dark theme: every colour the widgets use is replaced, and contrast stays at AA (checked by axe).',
      },
      source: { code: DARK_THEME.trim(), language: 'css' },
    },
  },
};

export const Playground: Story = {
  render: (args: Args) => {
    const style = Object.fromEntries(
      Object.entries(args).filter(([k, v]) => k.startsWith('--care-record-') && typeof v === 'string' && v !== ''),
    ) as Record<string, string>;
    return themedRecord('theme-playground', '', style);
  },
  parameters: {
    docs: { description: { story: 'Set any custom property in the Controls panel; unset ones keep their defaults.' } },
  },
};
