import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HieClient, isValidNhsNumber, normaliseNhsNumber, searchWithIncludeFallback } from '../fhir/index.js';
import { HieError } from '../fhir/errors.js';
import type { TokenProvider } from '../fhir/types.js';
import { assembleRecord, type LoadedRecord, type WidgetDataSpec } from './record-assembly.js';
import type { RecordRow } from '../model/record-types.js';
import type { WidgetState } from '../model/view-types.js';
import { settleSearches } from './settle-searches.js';

export type { LoadedRecord, QuerySpec, WidgetDataSpec } from './record-assembly.js';
export type { WidgetState } from '../model/view-types.js';

export interface EffectiveConfig {
  baseUrl: string | undefined;
  patientId: string | undefined;
  nhsNumber: string | undefined;
  tokenProvider: TokenProvider | undefined;
  maxEntries: number | undefined;
  timeoutMs: number | undefined;
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
    // The searches share one signal of their own: once one fails the widget, the others are stopped
    // too. Left running, they went on (retrying with this token) after the widget showed its error and
    // even after it left the page, and a later identical request could join one and get its answer.
    signal.throwIfAborted();
    const searches = new AbortController();
    const stopSearches = (): void => searches.abort(signal.reason);
    signal.addEventListener('abort', stopSearches, { once: true });
    let results;
    try {
      results = await settleSearches(
        queries.map((q) => ({
          resourceType: q.resourceType,
          run: searchWithIncludeFallback(
            (params) =>
              client.search(q.resourceType, params, {
                signal: searches.signal,
                ...(q.matchTypes ? { matchTypes: q.matchTypes } : {}),
              }),
            q.params,
          ),
        })),
      );
    } catch (error) {
      searches.abort(new DOMException('Another search of the widget failed.', 'AbortError'));
      throw error;
    } finally {
      signal.removeEventListener('abort', stopSearches);
    }
    signal.throwIfAborted();
    return assembleRecord({
      configKey: key,
      patient,
      baseUrl: client.baseUrl,
      nhsNumber,
      queries,
      results,
      model: this.spec.model,
    });
  }
}
