/**
 * The standard stories of a care-record widget: one per state a clinician can see, each on a mock
 * patient and scenario from mocks/ (answered by msw, never copied data). An element's story file is
 * then a few lines:
 *
 * ```ts
 * const meta = { title: 'Elements/Problems', component: 'care-record-problems', ...widgetMeta('care-record-problems') } satisfies Meta;
 * export default meta;
 * const s = widgetStories({ tag: 'care-record-problems', noun: 'problems' });
 * export const Ready = s.Ready;
 * // …one line per story in WIDGET_STORY_NAMES (stories with a `false` option are left out)
 * ```
 */
import type { Args, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { MOCK_PATIENT_IDS } from '../../mocks/index.js';
import { defaultArgs, elementArgTypes, renderElement } from './render.js';
import { scenarioBaseUrl, UNREACHABLE_BASE_URL } from './scenario-hie.js';
import {
  expectStatus,
  reveal,
  settle,
  shadowQuery,
  shadowQueryAll,
  textOf,
  widgetIn,
  type Widget,
} from './play.js';

export type WidgetStory = StoryObj;

export interface WidgetStoriesOptions {
  /** Tag name, e.g. `care-record-medications`. */
  tag: string;
  /** Plural noun in the widget's messages, e.g. "medications" ("No medications were received…"). */
  noun: string;
  /**
   * The same item reported by several sources in the rich record: a selector (in the widget's shadow
   * root) for what shows it, optionally with the text it must contain, and words for the docs.
   * Default `false`: the story is left out.
   */
  sameItem?: { selector: string; text?: RegExp; description: string } | false;
  /**
   * Source types that show the rich record's stale batch feed (St Anselm's, acute, 20 h old for a
   * 12-hourly feed). Default `acute`. `false` leaves the story out.
   */
  staleSourceTypes?: string | false;
  /** The rich record has items withheld at source for this widget (default true). */
  withheldInRich?: boolean;
  /** The large mock patient has more items than the paging cap for this widget (default true). */
  largeRecord?: boolean;
  /** `max-entries` for the truncated story (default 200). */
  truncateAt?: number;
}

/** Every story the factory can make, in catalogue order. */
export const WIDGET_STORY_NAMES = [
  'Ready',
  'DensityCompact',
  'DensityComfortable',
  'SameItemFromSeveralSources',
  'StaleBatchFeed',
  'WithheldAtSource',
  'SourceUnavailable',
  'StrictServerRefusesIncludes',
  'FiltersHideItems',
  'TruncatedAtPagingCap',
  'LargeList',
  'Loading',
  'Empty',
  'ErrorUnreadableResponse',
  'ErrorMalformedJson',
  'ErrorHttp500',
  'ErrorNetwork',
  'ErrorTimeout',
  'ErrorInvalidNhsNumber',
  'Forbidden',
  'Unauthorized',
  'NotConfigured',
] as const;
export type WidgetStoryName = (typeof WIDGET_STORY_NAMES)[number];

/** The timeout story's `request-timeout` (the default is 15 s): the real timeout, sooner. */
const STORY_TIMEOUT_MS = 2_000;

/** The loading story's `request-timeout`: longer than anyone looks at it (and within setTimeout's range). */
const LOADING_TIMEOUT_MS = 86_400_000;

function describe(text: string) {
  return { docs: { description: { story: text } } };
}

/**
 * Meta for a widget's story file: render from args, controls from the manifest. A story that needs the
 * mock HIE to misbehave says so in its own `base-url` (scenarioBaseUrl), never in shared state, so the
 * stories can sit side by side on the docs page.
 */
export function widgetMeta(tag: string): Partial<Meta> {
  return {
    render: (args: Args) => renderElement(tag, args),
    args: { ...defaultArgs },
    argTypes: elementArgTypes(tag),
  };
}

type Play = (context: StoryContext) => Promise<void>;

export function widgetStories(opts: WidgetStoriesOptions): Partial<Record<WidgetStoryName, WidgetStory>> {
  const { tag, noun } = opts;
  const withheldInRich = opts.withheldInRich ?? true;
  const largeRecord = opts.largeRecord ?? true;
  const truncateAt = opts.truncateAt ?? 200;
  const staleSourceTypes = opts.staleSourceTypes ?? 'acute';
  const sameItem = opts.sameItem ?? false;

  const widget = (ctx: StoryContext): Widget => widgetIn(ctx.canvasElement, tag);
  const endsIn =
    (state: Widget['state'], pattern?: RegExp, timeout?: number): Play =>
    async (ctx) => {
      const el = await settle(widget(ctx), state, timeout);
      await expect(el.state).toBe(state);
      if (pattern) await expectStatus(el, pattern);
    };
  const couldNotLoad = new RegExp(`The ${noun} could not be loaded`);

  const stories: Partial<Record<WidgetStoryName, WidgetStory>> = {
    Ready: {
      parameters: describe(
        'The rich mock record: eight sources of every type, live and batch feeds. Every item names its source and how fresh it is.',
      ),
      play: async (ctx) => {
        const el = await settle(widget(ctx), 'ready');
        const items = shadowQueryAll(el, '[part~="item"]');
        await expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
          await expect(item.querySelector('[part~="source"]')).not.toBeNull();
          await expect(item.querySelector('[part~="freshness"]')).not.toBeNull();
        }
      },
    },

    DensityCompact: {
      args: { density: 'compact' },
      parameters: describe(
        'The default density: one or two lines per item with the short source and freshness ("Riverside UHT · live · 07:45"); the full words are read out and shown when the row is opened (▸). One toolbar line; the date and source filters open from "Filters"; every safety signal is one line.',
      ),
      play: async (ctx) => {
        const el = await settle(widget(ctx), 'ready');
        await expect(el.getAttribute('density')).toBe('compact');
        await expect(shadowQueryAll(el, '[part~="filters"]:not([hidden])').length).toBe(0);
      },
    },

    DensityComfortable: {
      args: { density: 'comfortable' },
      parameters: describe('`density="comfortable"`: the roomier spacing, every field of every item written out.'),
      play: async (ctx) => {
        const el = await settle(widget(ctx), 'ready');
        await expect(el.getAttribute('density')).toBe('comfortable');
        await expect(shadowQueryAll(el, '.row-toggle').length).toBe(0);
      },
    },

    SameItemFromSeveralSources: sameItem
      ? {
          parameters: describe(sameItem.description),
          play: async (ctx) => {
            const el = await settle(widget(ctx), 'ready');
            const shown =
              shadowQueryAll(el, sameItem.selector).find((n) => !sameItem.text || sameItem.text.test(textOf(n))) ??
              null;
            await expect(shown, `${sameItem.selector} ${sameItem.text ?? ''} in <${tag}>`).not.toBeNull();
            if (shown) reveal(shown);
          },
        }
      : undefined,

    StaleBatchFeed: staleSourceTypes
      ? {
          args: { 'source-types': staleSourceTypes },
          parameters: describe(
            `A section restricted to \`source-types="${staleSourceTypes}"\`: St Anselm's batch feed arrived 20 hours ago but is expected every 12 hours, so its items say "may be out of date" in words, not only in colour. The section also says what it leaves out.`,
          ),
          play: async (ctx) => {
            const el = await settle(widget(ctx), 'ready');
            const stale = shadowQuery(el, '[part~="freshness"].out-of-date');
            await expect(stale, 'an out-of-date freshness label').not.toBeNull();
            if (stale) reveal(stale);
            await expectStatus(el, /shows .* sources only/);
          },
        }
      : undefined,

    WithheldAtSource: withheldInRich
      ? {
          parameters: describe(
            'The HIE says some items were withheld at source (an OperationOutcome in the searchset, and a REDACTED security label): the widget says so, in words, above the list.',
          ),
          play: async (ctx) => {
            const el = await settle(widget(ctx), 'ready');
            await expect(textOf(shadowQuery(el, '[part~="notices"]'))).toMatch(/withheld/i);
          },
        }
      : undefined,

    SourceUnavailable: {
      args: { 'base-url': scenarioBaseUrl('source-outage') },
      parameters: {
        ...describe(
          "Mock scenario `source-outage`: the mental health trust did not respond. The widget names the source whose items may be missing and still shows the others.",
        ),
      },
      play: async (ctx) => {
        const el = await settle(widget(ctx));
        await expect(['ready', 'empty']).toContain(el.state);
        await expect(textOf(shadowQuery(el, '[part~="notices"]'))).toMatch(/did not respond/i);
      },
    },

    StrictServerRefusesIncludes: {
      args: { 'base-url': scenarioBaseUrl('strict-includes') },
      parameters: {
        ...describe(
          'Mock scenario `strict-includes`: like HAPI, the server answers 400 to an `_include` that FHIR R4 does not define (such as `CarePlan:author`). The widget asks again without it, shows every item, and says which related details are missing, since some sources may then show as not recorded.',
        ),
      },
      play: async (ctx) => {
        const el = await settle(widget(ctx), 'ready');
        await expect(shadowQueryAll(el, '[part~="item"]').length).toBeGreaterThan(0);
      },
    },

    FiltersHideItems: {
      parameters: describe(
        `Items hidden by the clinician's filters are counted, with the reason and one "Show all ${noun}" button. Where the default view hides nothing, the story ticks one source in the source filter.`,
      ),
      play: async (ctx) => {
        const el = await settle(widget(ctx), 'ready');
        if (!shadowQuery(el, '.hidden-count')) {
          const sources = shadowQuery<HTMLDetailsElement>(el, 'details.source-filter');
          await expect(sources, 'a source filter (the record has several sources)').not.toBeNull();
          if (sources) sources.open = true;
          const first = shadowQuery<HTMLInputElement>(el, 'details.source-filter input[type="checkbox"]');
          first?.click();
          await el.updateComplete;
        }
        const count = shadowQuery(el, '.hidden-count');
        await expect(textOf(count)).toMatch(/\d+ items? (is|are) hidden by your filters/);
        await expect(shadowQuery(el, 'button.show-all')).not.toBeNull();
      },
    },

    TruncatedAtPagingCap: largeRecord
      ? {
          args: { 'patient-id': MOCK_PATIENT_IDS.large, 'max-entries': truncateAt },
          parameters: describe(
            `The large mock record with \`max-entries="${truncateAt}"\`: the widget reads up to the cap and says it is showing only the first items, with the HIE's total.`,
          ),
          play: async (ctx) => {
            const el = await settle(widget(ctx), 'ready', 20_000);
            await expect(textOf(shadowQuery(el, '[part~="notices"]'))).toMatch(/Showing the first/);
          },
        }
      : undefined,

    LargeList: largeRecord
      ? {
          args: { 'patient-id': MOCK_PATIENT_IDS.large },
          parameters: describe(
            'The large mock record (many pages, up to the default cap of 1,000 per search). The list scrolls inside the widget and renders only what is on screen.',
          ),
          play: async (ctx) => {
            const el = await settle(widget(ctx), 'ready', 30_000);
            // The list renders what is on screen only: bring it into view, then count.
            const list = shadowQuery(el, '.items');
            if (list) reveal(list);
            await waitFor(() => {
              if (shadowQueryAll(el, '[part~="item"]').length === 0) throw new Error('no item rendered yet');
            });
            await expect(shadowQueryAll(el, '[part~="item"]').length).toBeLessThan(150);
          },
        }
      : undefined,

    Loading: {
      // A day's `request-timeout`, so the widget is still loading however long the docs page is open.
      args: { 'base-url': scenarioBaseUrl('never'), 'request-timeout': LOADING_TIMEOUT_MS },
      parameters: {
        ...describe('Mock scenario `never`: the HIE has not answered yet. The loading message stays up.'),
        // Tells the CI smoke test that this widget stays "loading" on purpose.
        smoke: { expectLoading: true },
      },
      play: async (ctx) => {
        const el = await settle(widget(ctx), 'loading');
        await expectStatus(el, new RegExp(`Loading ${noun}`));
      },
    },

    Empty: {
      args: { 'patient-id': MOCK_PATIENT_IDS.empty },
      parameters: describe('Nothing recorded for this patient by any source: said in words, never confused with an error.'),
      play: endsIn('empty', new RegExp(`No ${noun} were received`)),
    },

    ErrorUnreadableResponse: {
      args: { 'patient-id': MOCK_PATIENT_IDS.badHie },
      parameters: describe(
        'The misbehaving mock HIE answers with an HTML page and status 200 (its default `html-200`): an "unreadable response" error (`invalid-response`), never an empty record.',
      ),
      play: endsIn('error', couldNotLoad),
    },

    ErrorMalformedJson: {
      args: { 'patient-id': MOCK_PATIENT_IDS.badHie, 'base-url': scenarioBaseUrl('malformed-json') },
      parameters: {
        ...describe('Mock scenario `malformed-json`: cut-off JSON is an `invalid-response` error.'),
      },
      play: endsIn('error', couldNotLoad),
    },

    ErrorHttp500: {
      args: { 'patient-id': MOCK_PATIENT_IDS.badHie, 'base-url': scenarioBaseUrl('error-500') },
      parameters: {
        ...describe('Mock scenario `error-500`: an `http` error showing the status and the OperationOutcome\'s text.'),
      },
      play: endsIn('error', /HTTP 500/),
    },

    ErrorNetwork: {
      args: { 'base-url': UNREACHABLE_BASE_URL },
      parameters: {
        ...describe(
          "The HIE cannot be reached (the catalogue's mock fails every request to this story's base URL): a `network` error after the client's retries.",
        ),
      },
      play: endsIn('error', /could not be reached/, 20_000),
    },

    ErrorTimeout: {
      args: { 'request-timeout': STORY_TIMEOUT_MS, 'base-url': scenarioBaseUrl('slow:60000') },
      parameters: {
        ...describe(
          `Mock scenario \`slow:60000\`: the HIE takes a minute. With \`request-timeout="${STORY_TIMEOUT_MS}"\` (default 15 000 ms) the widget gives up after ${STORY_TIMEOUT_MS / 1000} seconds with a \`timeout\` error.`,
        ),
      },
      play: endsIn('error', /did not respond in time/, STORY_TIMEOUT_MS + 10_000),
    },

    ErrorInvalidNhsNumber: {
      args: { 'patient-id': '', 'nhs-number': '9990000019' },
      parameters: describe(
        'An NHS number that fails the Modulus 11 check (`invalid-input`): the widget says so and sends nothing to the HIE.',
      ),
      play: endsIn('error', /NHS number/i),
    },

    Forbidden: {
      args: { 'patient-id': MOCK_PATIENT_IDS.objection },
      parameters: describe(
        'The patient has objected to sharing: the HIE answers 403 with an OperationOutcome. "No access to this record", with the reason, never "nothing recorded".',
      ),
      play: endsIn('forbidden', /No access to this record.*objected/i),
    },

    Unauthorized: {
      args: { token: 'expired' },
      parameters: describe(
        'The HIE refuses the token, and again after one refresh: "not signed in", and `care-record-auth-required` for the host (see the Actions panel).',
      ),
      play: endsIn('unauthorized', /Not signed in/),
    },

    NotConfigured: {
      args: { 'base-url': '', 'patient-id': '' },
      parameters: describe('No HIE address or patient yet: the widget waits (`state="idle"`) and says so.'),
      play: async (ctx) => {
        const el = widget(ctx);
        await el.updateComplete;
        await expect(el.state).toBe('idle');
        await expectStatus(el, /No patient selected/);
      },
    },
  };
  for (const name of WIDGET_STORY_NAMES) if (!stories[name]) delete stories[name];
  return stories;
}
