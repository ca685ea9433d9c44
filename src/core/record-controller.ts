import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emptySearchResult, HieClient, isValidNhsNumber, normaliseNhsNumber, searchWithIncludeFallback } from '../fhir/index.js';
import { HieError } from '../fhir/errors.js';
import { withSortFallback } from '../fhir/sort-fallback.js';
import { withNewestFirst } from '../fhir/sort-order.js';
import type { SearchResult, TokenProvider } from '../fhir/types.js';
import { assembleRecord, type LoadedRecord, type QuerySpec, type WidgetDataSpec } from './record-assembly.js';
import type { RecordNotice, RecordRow } from '../model/record-types.js';
import type { WidgetState } from '../model/view-types.js';
import { settleSearches } from './settle-searches.js';
import { appendOnly, progressOf, rowsFrom, showFrom, type LoadProgress, type SearchSoFar } from '../model/progressive.js';
import { yieldToHost } from './yield-to-host.js';

export type { LoadedRecord, QuerySpec, WidgetDataSpec } from './record-assembly.js';
export type { LoadProgress } from '../model/progressive.js';
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
  /** After each step of a load that shows items before the last page (and when it ends). */
  onProgress?: (progress: LoadProgress, record: LoadedRecord<Row> | undefined) => void;
}

/**
 * Errors after which the items already on screen stay, with a notice and Retry: the HIE or the
 * network failed part-way. A refused token or access (401/403) clears them, as before.
 */
function keepsPartial(error: HieError): boolean {
  return error.kind !== 'aborted' && error.kind !== 'invalid-input' && !error.isForbidden && !error.isUnauthorized;
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
  /** The items shown so far by the running load, belonging to `partial.configKey`. */
  private partial: LoadedRecord<Row> | undefined;
  private run = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
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
        if (record.configKey !== this.currentKey()) return;
        this.hooks.onProgress?.(record.progress, record);
        if (record.stoppedBy) this.hooks.onError?.(record.stoppedBy);
        else this.hooks.onLoad?.(record);
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

  /**
   * The loaded record, only while it belongs to the current HIE and patient. While a load is still
   * paging, the part shown so far (`progress.complete` false).
   */
  get record(): LoadedRecord<Row> | undefined {
    const value =
      this.task.status === TaskStatus.COMPLETE
        ? this.task.value
        : this.task.status === TaskStatus.PENDING
          ? this.partial
          : undefined;
    return value && value.configKey === this.currentKey() ? value : undefined;
  }

  /** How far the running or last load got; undefined before one starts. */
  get progress(): LoadProgress | undefined {
    if (this.task.status === TaskStatus.PENDING) {
      return this.partial?.configKey === this.currentKey() ? this.partial.progress : undefined;
    }
    return this.record?.progress;
  }

  get error(): HieError | undefined {
    return this.task.status === TaskStatus.ERROR ? asHieError(this.task.error) : undefined;
  }

  get state(): WidgetState {
    switch (this.task.status) {
      case TaskStatus.INITIAL:
        return 'idle';
      case TaskStatus.PENDING:
        return (this.record?.rows.length ?? 0) > 0 ? 'ready' : 'loading';
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
    const run = ++this.run;
    this.partial = undefined;
    const soFar: SearchSoFar[] = queries.map(() => ({ result: undefined, done: false }));
    const assemble = (results: SearchResult[]): LoadedRecord<Row> =>
      assembleRecord({ configKey: key, patient, baseUrl: client.baseUrl, nhsNumber, queries, results, model: this.spec.model });
    const show = this.partialShower(run, signal, soFar, assemble);
    const searchOf = (q: QuerySpec, i: number) =>
      withSortFallback((params) =>
        client.search(q.resourceType, params, {
          signal: searches.signal,
          ...(q.matchTypes ? { matchTypes: q.matchTypes } : {}),
          onPage: (result) => {
            soFar[i] = { result, done: false };
            show();
          },
        }),
      );
    let results;
    try {
      results = await settleSearches(
        queries.map((q, i) => ({
          resourceType: q.resourceType,
          run: searchWithIncludeFallback(searchOf(q, i), withNewestFirst(q.resourceType, q.params)).then(
            (result) => {
              soFar[i] = { result, done: true };
              show();
              return result;
            },
            (error: unknown) => {
              // A search the HIE does not offer (settleSearches) must not hold the others back.
              soFar[i] = { result: soFar[i]!.result, done: true };
              throw error;
            },
          ),
        })),
      );
    } catch (error) {
      searches.abort(new DOMException('Another search of the widget failed.', 'AbortError'));
      const failure = asHieError(error);
      const shown = this.partial as LoadedRecord<Row> | undefined;
      // Items on screen stay, said to be incomplete; with none shown yet, the widget fails as before.
      if (shown && shown.rows.length > 0 && run === this.run && !signal.aborted && keepsPartial(failure)) {
        return stoppedPartWay(shown, failure);
      }
      throw error;
    } finally {
      signal.removeEventListener('abort', stopSearches);
    }
    signal.throwIfAborted();
    // The last page's items are mapped in a task of their own, not the one that read them.
    await yieldToHost();
    signal.throwIfAborted();
    const record = assemble(results);
    const shown = this.partial as LoadedRecord<Row> | undefined;
    const progress = progressOf(soFar, true);
    if (!shown) return { ...record, progress };
    const { rows } = appendOnly(shown.rows, record.rows);
    return { ...record, rows, progress, notices: progress.held ? [...record.notices, laterBelowNotice()] : record.notices };
  }

  /**
   * Shows what the searches have sent so far, at most once per task however many pages land in it,
   * and only items no later page can sort above (see showFrom). Nothing is shown before every
   * search has sent its first page, or while the HIE is not sending items newest first.
   */
  private partialShower(
    run: number,
    signal: AbortSignal,
    soFar: readonly SearchSoFar[],
    assemble: (results: SearchResult[]) => LoadedRecord<Row>,
  ): () => void {
    let scheduled = false;
    return () => {
      if (scheduled) return;
      scheduled = true;
      void yieldToHost().then(() => {
        scheduled = false;
        if (run !== this.run || signal.aborted || soFar.every((s) => s.done)) return;
        const progress = progressOf(soFar, false);
        const from = showFrom(soFar);
        const shown = this.partial;
        if (progress.held || from === undefined || this.spec.progressive === false) {
          // Progress alone, until something can be shown (the progress line says how far it is).
          this.partial = shown ? { ...shown, progress } : { ...assemble([]), rows: [], progress };
        } else {
          const record = assemble(soFar.map((s) => s.result ?? emptySearchResult()));
          const rows = appendOnly(shown?.rows ?? [], rowsFrom(record.rows, from)).rows;
          this.partial = { ...record, rows, progress };
        }
        this.hooks.onProgress?.(progress, this.partial);
        this.host.requestUpdate();
      });
    };
  }
}

/** What is on screen when a load stopped part-way: kept, said to be incomplete, with the reason. */
function stoppedPartWay<Row extends RecordRow>(shown: LoadedRecord<Row>, error: HieError): LoadedRecord<Row> {
  const { loaded, total } = shown.progress;
  const of = total === undefined ? '' : ` of ${total.toLocaleString('en-GB')}`;
  const failure = `Only ${loaded.toLocaleString('en-GB')}${of} items could be loaded: ${error.message}`;
  return { ...shown, progress: { ...shown.progress, complete: false, failure }, stoppedBy: error };
}

function laterBelowNotice(): RecordNotice {
  return {
    kind: 'information',
    message:
      'The HIE did not send these items newest first, so items that arrived after the first ones are listed below them.',
  };
}
