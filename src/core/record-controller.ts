import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Resource } from '@medplum/fhirtypes';
import {
  HieClient,
  isValidNhsNumber,
  normaliseNhsNumber,
  patientReferencesOf,
  patientGuard,
} from '../fhir/index.js';
import { HieError } from '../fhir/errors.js';
import type { SearchResult, TokenProvider } from '../fhir/types.js';
import { noticesFromSearch } from './notices.js';
import { RecordIndex } from './record-index.js';
import type { RecordModel, RecordNotice, RecordRow } from './record-types.js';

/** One FHIR search a widget needs, e.g. MedicationStatement with its Medications included. */
export interface QuerySpec {
  resourceType: string;
  params: Record<string, string | string[]>;
  /** Types accepted as matches, when the search can return more than one (default: resourceType). */
  matchTypes?: string[];
}

/** What a widget tells the controller: which searches to run and how to turn resources into rows. */
export interface WidgetDataSpec<Row extends RecordRow> {
  queries: (patient: string) => QuerySpec[];
  model: RecordModel<Row>;
}

export interface EffectiveConfig {
  baseUrl: string | undefined;
  patientId: string | undefined;
  nhsNumber: string | undefined;
  tokenProvider: TokenProvider | undefined;
  maxEntries: number | undefined;
  timeoutMs: number | undefined;
}

export type WidgetState =
  | 'idle'
  | 'loading'
  | 'ready'
  | 'empty'
  | 'error'
  | 'forbidden'
  | 'unauthorized';

export interface LoadedRecord<Row extends RecordRow> {
  /** Identifies the configuration (HIE + patient) this data was loaded for. */
  configKey: string;
  /** `Patient/<id>` on the HIE. */
  patient: string;
  rows: Row[];
  notices: RecordNotice[];
  resourceTypes: string[];
  truncated: boolean;
  fetchedAt: Date;
}

export interface RecordControllerHooks<Row extends RecordRow> {
  onLoad?: (record: LoadedRecord<Row>) => void;
  onError?: (error: HieError) => void;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The key that changes whenever the data on screen must belong to someone or somewhere else. */
export function configKey(config: EffectiveConfig): string {
  return JSON.stringify([config.baseUrl ?? '', config.patientId ?? '', config.nhsNumber ?? '']);
}

function checkConfig(config: EffectiveConfig): void {
  let url: URL | undefined;
  try {
    url = new URL(config.baseUrl ?? '');
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new HieError('invalid-input', `The HIE address "${config.baseUrl}" is not a valid http(s) URL.`);
  }
  if (config.patientId && !FHIR_ID.test(config.patientId)) {
    throw new HieError('invalid-input', 'The patient id is not a valid FHIR id. No request was sent.');
  }
  if (!config.patientId && config.nhsNumber && !isValidNhsNumber(config.nhsNumber)) {
    throw new HieError(
      'invalid-input',
      'The NHS number is not valid (it must be 10 digits with a correct check digit). No request was sent.',
    );
  }
}

function asHieError(error: unknown): HieError {
  if (error instanceof HieError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new HieError('aborted', 'The request was cancelled.');
  }
  // A model that cannot read what the HIE sent must still end in a clear state.
  return new HieError('invalid-response', 'The HIE sent data that could not be displayed.', {
    cause: error,
  });
}

/**
 * Drives a widget through idle → loading → ready/empty/error/forbidden/unauthorized, on `@lit/task`.
 * Every request is aborted when the patient or HIE changes or the widget leaves the page, and a result
 * is only ever exposed for the configuration it was loaded for.
 */
export class RecordController<Row extends RecordRow> implements ReactiveController {
  private readonly task: Task<[EffectiveConfig], LoadedRecord<Row>>;
  private reopened = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly spec: WidgetDataSpec<Row>,
    private readonly getConfig: () => EffectiveConfig,
    private readonly hooks: RecordControllerHooks<Row> = {},
  ) {
    host.addController(this);
    this.task = new Task(host, {
      task: ([config], { signal }) => this.load(config, signal),
      args: () => [this.getConfig()],
      argsEqual: ([a], [b]) =>
        configKey(a) === configKey(b) &&
        a.tokenProvider === b.tokenProvider &&
        a.maxEntries === b.maxEntries &&
        a.timeoutMs === b.timeoutMs,
      onComplete: (record) => {
        if (record.configKey === this.currentKey()) this.hooks.onLoad?.(record);
      },
      onError: (error) => {
        const hieError = asHieError(error);
        if (hieError.kind !== 'aborted') this.hooks.onError?.(hieError);
      },
    });
  }

  hostConnected(): void {
    // The record is fetched afresh each time it is re-opened; nothing is kept from before.
    if (this.reopened) void this.task.run();
  }

  hostDisconnected(): void {
    this.reopened = true;
    this.task.abort(new DOMException('The widget left the page.', 'AbortError'));
  }

  refresh(): void {
    void this.task.run();
  }

  /** The loaded record, only while it belongs to the current HIE and patient. */
  get record(): LoadedRecord<Row> | undefined {
    const value = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    return value && value.configKey === this.currentKey() ? value : undefined;
  }

  get error(): HieError | undefined {
    return this.task.status === TaskStatus.ERROR ? asHieError(this.task.error) : undefined;
  }

  get state(): WidgetState {
    switch (this.task.status) {
      case TaskStatus.INITIAL:
        return 'idle';
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR: {
        const error = this.error!;
        if (error.kind === 'aborted') return 'loading';
        if (error.kind === 'http' && error.status === 403) return 'forbidden';
        if (error.kind === 'http' && error.status === 401) return 'unauthorized';
        return 'error';
      }
      default: {
        const record = this.record;
        if (!record) return 'loading';
        return record.rows.length > 0 ? 'ready' : 'empty';
      }
    }
  }

  private currentKey(): string {
    return configKey(this.getConfig());
  }

  private async load(
    config: EffectiveConfig,
    signal: AbortSignal,
  ): Promise<LoadedRecord<Row> | typeof initialState> {
    if (!config.baseUrl || (!config.patientId && !config.nhsNumber)) return initialState;
    checkConfig(config);
    const key = configKey(config);
    const client = new HieClient({
      baseUrl: config.baseUrl,
      tokenProvider: config.tokenProvider,
      ...(config.maxEntries ? { maxEntries: config.maxEntries } : {}),
      ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
    });
    const nhsNumber = config.nhsNumber ? normaliseNhsNumber(config.nhsNumber) : undefined;
    const patient = config.patientId
      ? `Patient/${config.patientId}`
      : await client.findPatientByNhsNumber(nhsNumber!, { signal });
    const queries = this.spec.queries(patient);
    const results = await Promise.all(
      queries.map((q) =>
        client.search(q.resourceType, q.params, {
          signal,
          ...(q.matchTypes ? { matchTypes: q.matchTypes } : {}),
        }),
      ),
    );
    signal.throwIfAborted();
    return this.assemble(key, patient, client.baseUrl, nhsNumber, queries, results);
  }

  private assemble(
    key: string,
    patient: string,
    baseUrl: string,
    nhsNumber: string | undefined,
    queries: QuerySpec[],
    results: SearchResult[],
  ): LoadedRecord<Row> {
    const matches: Resource[] = [];
    const included: Resource[] = [];
    const notices: RecordNotice[] = [];
    let otherPatient = 0;
    const belongs = patientGuard(patient, baseUrl, nhsNumber);
    for (const result of results) {
      const own = result.matches.filter(belongs);
      // Included clinical items (e.g. a report's results) must be this patient's too; organisations,
      // medicines and people name no patient and are kept.
      const ownIncluded = result.included.filter((r) => patientReferencesOf(r).length === 0 || belongs(r));
      otherPatient += result.matches.length - own.length + result.included.length - ownIncluded.length;
      matches.push(...own);
      included.push(...ownIncluded);
      for (const notice of noticesFromSearch({ ...result, shown: own.length })) {
        // Several searches of one widget often carry the same outcome (e.g. a source outage).
        if (!notices.some((n) => n.kind === notice.kind && n.message === notice.message)) notices.push(notice);
      }
    }
    if (otherPatient > 0) {
      notices.push({
        kind: 'other-patient-dropped',
        count: otherPatient,
        message: `${otherPatient} item${otherPatient === 1 ? '' : 's'} sent by the HIE did not belong to this patient and ${otherPatient === 1 ? 'was' : 'were'} not shown.`,
      });
    }
    const index = new RecordIndex([...matches, ...included], { baseUrl });
    const rows = this.spec.model({ matches, index, now: new Date(), notices });
    return {
      configKey: key,
      patient,
      rows,
      notices,
      resourceTypes: [...new Set(queries.map((q) => q.resourceType))],
      truncated: results.some((r) => r.truncated),
      fetchedAt: new Date(Math.max(...results.map((r) => r.fetchedAt.getTime()), 0)),
    };
  }
}
