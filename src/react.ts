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

/** The tags that get a wrapper: every element the library registers. */
export const WRAPPED_TAGS = [
  'care-record-provider',
  'care-record',
  'care-record-medications',
  'care-record-allergies',
  'care-record-problems',
  'care-record-results',
  'care-record-appointments',
  'care-record-documents',
  'care-record-encounters',
  'care-record-care-plans',
  'care-record-care-team',
  'care-record-sources',
] as const satisfies readonly (keyof HTMLElementTagNameMap)[];

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

/** Every `care-record-*` event the elements emit. Add new events here (and to `HTMLElementEventMap`). */
const EVENT_TYPES: readonly CareRecordEventType[] = [
  'care-record-load',
  'care-record-error',
  'care-record-auth-required',
  'care-record-view',
];

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
