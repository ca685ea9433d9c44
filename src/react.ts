/**
 * React wrappers: `import { CareRecordMedications } from 'care-record-elements/react'`.
 *
 * Each wrapper sets `tokenProvider`, `filters` and the other properties as properties (not
 * attributes), and turns every `care-record-*` event into a typed `onCareRecord…` prop. Importing this
 * entry registers every element, as `care-record-elements` does.
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import './index.js';
import { WIDGETS } from './elements/widgets.js';

/** The tags that get a wrapper: the provider, `<care-record>` and every widget in the table of widgets. */
export const WRAPPED_TAGS = ['care-record-provider', 'care-record', ...WIDGETS.map((w) => w.tag)] as const;

type WrappedTag = (typeof WRAPPED_TAGS)[number];

type CareRecordEventType = Extract<keyof HTMLElementEventMap, `care-record-${string}`>;

/** `care-record-auth-required` → `CareRecordAuthRequired`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Rest}`
  ? `${Capitalize<Head>}${Pascal<Rest>}`
  : Capitalize<S>;

/** The event props: `onCareRecordLoad`, `onCareRecordError`, … each typed with its event's detail. */
export type CareRecordEventProps = {
  [K in CareRecordEventType as `on${Pascal<K>}`]: EventName<HTMLElementEventMap[K]>;
};

/** Every `care-record-*` event the elements emit: a record over the event map, so a new event left out here fails to compile. */
const EVENT_TYPES = Object.keys({
  'care-record-load': true,
  'care-record-error': true,
  'care-record-auth-required': true,
  'care-record-view': true,
  'care-record-progress': true,
  'care-record-search': true,
} satisfies Record<CareRecordEventType, true>) as CareRecordEventType[];

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

const events = Object.fromEntries(EVENT_TYPES.map((type) => [`on${pascal(type)}`, type])) as CareRecordEventProps;

/** The React component for one tag. */
export type CareRecordComponent<T extends WrappedTag> = ReactWebComponent<HTMLElementTagNameMap[T], CareRecordEventProps>;

type Components = { [T in WrappedTag as Pascal<T>]: CareRecordComponent<T> };

function wrap<T extends WrappedTag>(tagName: T): CareRecordComponent<T> {
  const elementClass = customElements.get(tagName) as unknown as new () => HTMLElementTagNameMap[T];
  return createComponent({ react: React, tagName, elementClass, events, displayName: pascal(tagName) });
}

/** Every wrapper by component name, e.g. `components.CareRecordMedications`. */
export const components = Object.fromEntries(WRAPPED_TAGS.map((tag) => [pascal(tag), wrap(tag)])) as Components;

export const {
  CareRecordProvider,
  CareRecord,
  CareRecordMedications,
  CareRecordAllergies,
  CareRecordProblems,
  CareRecordResults,
  CareRecordAppointments,
  CareRecordDocuments,
  CareRecordEncounters,
  CareRecordCarePlans,
  CareRecordCareTeam,
  CareRecordSources,
} = components;

export type * from './core/events.js';
export type { TokenProvider } from './fhir/types.js';
