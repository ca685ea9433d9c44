import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { TokenProvider } from '../fhir/types.js';
import { HieClient } from '../fhir/index.js';
import type { HieError } from '../fhir/errors.js';
import { careRecordConfigContext, type CareRecordConfig } from './config.js';
import { emit, type CareRecordErrorKind } from './events.js';
import {
  applyFilters,
  defaultFilters,
  parseSourceTypes,
  showAllFilters,
  splitBySourceTypes,
  type FilterOutcome,
  type FilterSpec,
  type FilterState,
} from './filters.js';
import {
  RecordController,
  type EffectiveConfig,
  type LoadedRecord,
  type WidgetDataSpec,
  type WidgetState,
} from './record-controller.js';
import type { RecordNotice, RecordRow } from '../model/record-types.js';
import { formatTime } from '../model/format.js';
import { sourceTypeLabel } from '../model/source.js';
import { filterBar, type SourceOption } from '../ui/filter-bar.js';
import { noticeList, statusMessage } from '../ui/status-message.js';
import { progressLine } from '../ui/progress-line.js';

interface Visible<Row> {
  inside: Row[];
  outside: number;
  filtered: FilterOutcome<Row>;
}

/**
 * What every widget shares: the configuration attributes (own values override the provider's), the
 * record controller, the states, the filters with their hidden count and reset, the notices, the
 * refresh control and the care-record-* events. A widget supplies its searches, model, filters and
 * how one item looks.
 *
 * A long record is shown as its pages arrive; later pages only add below.
 * @attr loading-more - Reflected, read-only: present while the list shown is partial and more is coming.
 * @attr incomplete - Reflected, read-only: present when loading stopped part-way (the reason is shown, with Retry).
 * @event care-record-progress - After each page of a long record: items loaded, `Bundle.total`, complete.
 */
export abstract class CareRecordElement<Row extends RecordRow> extends LitElement {
  /** FHIR base URL of the HIE. Overrides the provider's. */
  @property({ attribute: 'base-url' }) baseUrl: string | undefined;

  /** The patient's FHIR id on the HIE. Overrides the provider's patient. */
  @property({ attribute: 'patient-id' }) patientId: string | undefined;

  /** NHS number, used to find the patient when no `patient-id` is given. */
  @property({ attribute: 'nhs-number' }) nhsNumber: string | undefined;

  /** Supplies the bearer token for each request. Overrides the provider's. */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;

  /** Restricts the section to some source types, e.g. `gp` or `acute community`. */
  @property({ attribute: 'source-types' }) sourceTypes: string | undefined;

  /** Heading text; hosts label the record in their own words. */
  @property() heading: string | undefined;

  /** Most items loaded per search before the widget says it is showing only the first ones. */
  @property({ attribute: 'max-entries', type: Number }) maxEntries: number | undefined;

  /** Milliseconds to wait for each HIE response before saying it timed out (default 15 000). */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout: number | undefined;

  /** Where the widget is: idle, loading, ready, empty, error, forbidden or unauthorized. Read-only. */
  @property({ reflect: true }) state: WidgetState = 'idle';

  /**
   * Present while the list on screen is partial and more pages are arriving (`care-record-progress`
   * says how many); `care-record-load` fires once it is complete. Read-only.
   */
  @property({ type: Boolean, reflect: true, attribute: 'loading-more' }) loadingMore = false;

  /** Present when loading stopped part-way: the items shown are not the whole record. Read-only. */
  @property({ type: Boolean, reflect: true }) incomplete = false;

  @consume({ context: careRecordConfigContext, subscribe: true })
  @state()
  protected provided: CareRecordConfig | undefined;

  @state() protected filters!: FilterState;

  protected abstract readonly dataSpec: WidgetDataSpec<Row>;
  protected abstract readonly filterSpec: FilterSpec<Row>;
  /** Default heading, e.g. "Medications". */
  protected abstract readonly defaultHeading: string;
  /** Plural noun of the items, e.g. "medications". */
  protected abstract readonly noun: string;
  /** Renders the visible rows (a list, groups, a table…). */
  protected abstract renderRows(rows: Row[], now: Date): TemplateResult;

  protected readonly records = new RecordController<Row>(this, this.lazySpec(), () => this.config(), {
    onLoad: (record) => this.loaded(record),
    onError: (error) => this.failed(error),
    onProgress: (progress) => emit(this, 'care-record-progress', { loaded: progress.loaded, total: progress.total, complete: progress.complete }),
  });
  private viewFrame: number | undefined;
  private viewPending = false;

  private lastViewKey = '';
  private lastVisible:
    | { record: LoadedRecord<Row>; filters: FilterState; sourceTypes: string | undefined; visible: Visible<Row> }
    | undefined;

  /** Fetches the record again from the HIE. */
  refresh(): void {
    this.records.refresh();
  }

  /**
   * A client for the current HIE and token, for requests beyond the widget's searches (e.g. a
   * document's attachment). Undefined while the widget has no valid HIE address.
   */
  protected hieClient(): HieClient | undefined {
    const { baseUrl, tokenProvider } = this.config();
    if (!baseUrl) return undefined;
    try {
      return new HieClient({ baseUrl, tokenProvider });
    } catch {
      return undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.filters ??= defaultFilters(this.filterSpec);
  }

  // The controller is built in a field initialiser, before the subclass's dataSpec exists.
  private lazySpec(): WidgetDataSpec<Row> {
    const spec = () => this.dataSpec;
    return {
      queries: (patient) => this.dataSpec.queries(patient),
      model: (input) => this.dataSpec.model(input),
      get progressive() {
        return spec().progressive;
      },
    };
  }

  private config(): EffectiveConfig {
    const own = Boolean(this.patientId || this.nhsNumber);
    const p = this.provided;
    return {
      baseUrl: this.baseUrl || p?.baseUrl,
      patientId: own ? this.patientId || undefined : p?.patientId || undefined,
      nhsNumber: own ? this.nhsNumber || undefined : p?.nhsNumber || undefined,
      tokenProvider: this.tokenProvider ?? p?.tokenProvider,
      maxEntries: this.maxEntries,
      timeoutMs: this.requestTimeout,
    };
  }

  /**
   * What the filters let through, worked out once per record, filter state and section: a render,
   * the load event and the view event all ask, and the same rows array on each render lets a widget
   * keep what it derives from them (groups, trends) until they change.
   */
  private visible(record: LoadedRecord<Row>): Visible<Row> {
    const last = this.lastVisible;
    if (last && last.record === record && last.filters === this.filters && last.sourceTypes === this.sourceTypes) {
      return last.visible;
    }
    const { inside, outside } = splitBySourceTypes(record.rows, parseSourceTypes(this.sourceTypes));
    const visible = { inside, outside, filtered: applyFilters(inside, this.filters, this.filterSpec) };
    this.lastVisible = { record, filters: this.filters, sourceTypes: this.sourceTypes, visible };
    return visible;
  }

  private loaded(record: LoadedRecord<Row>): void {
    const { inside, outside, filtered } = this.visible(record);
    const sources = new Map(inside.map((r) => [r.source.key, r.source]));
    emit(this, 'care-record-load', {
      patient: record.patient,
      resourceTypes: record.resourceTypes,
      shown: filtered.visible.length,
      hiddenByFilters: filtered.hidden,
      outsideSection: outside,
      withheld: record.notices
        .filter((n) => n.kind === 'withheld')
        .reduce((sum, n) => sum + (n.count ?? 0), 0),
      notices: record.notices.map((n) => n.message),
      sources: [...sources.values()].map((s) => ({ key: s.key, name: s.name, type: s.type })),
      truncated: record.truncated,
      fetchedAt: record.fetchedAt.toISOString(),
    });
  }

  private failed(error: HieError): void {
    if (error.kind === 'http' && error.status === 401) {
      emit(this, 'care-record-auth-required', {
        baseUrl: this.config().baseUrl ?? '',
        message: error.message,
      });
    }
    emit(this, 'care-record-error', {
      kind: error.kind as CareRecordErrorKind,
      status: error.status,
      message: error.message,
    });
  }

  protected override update(changed: PropertyValues<this>): void {
    // The task starts in the controllers' hostUpdate, after willUpdate: read its state here so the
    // first render already says "loading".
    this.state = this.records.state;
    const progress = this.records.progress;
    this.loadingMore = progress !== undefined && !progress.complete && progress.failure === undefined;
    this.incomplete = progress?.failure !== undefined;
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A growing list updates often: the audit names what is on screen at once, then at most once
    // per frame (the last screen of a frame is named at its end).
    if (this.viewFrame === undefined) {
      if (this.auditView()) this.viewFrame = requestAnimationFrame(() => this.viewFrameEnded());
    } else {
      this.viewPending = true;
    }
  }

  private viewFrameEnded(): void {
    this.viewFrame = undefined;
    if (!this.viewPending) return;
    this.viewPending = false;
    if (this.auditView()) this.viewFrame = requestAnimationFrame(() => this.viewFrameEnded());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.viewFrame !== undefined) cancelAnimationFrame(this.viewFrame);
    this.viewFrame = undefined;
    this.viewPending = false;
  }

  /** Emits `care-record-view` when what is on screen changed; true when it did. */
  private auditView(): boolean {
    const record = this.records.record;
    const listed = this.state === 'ready' || this.state === 'empty';
    const shown = record && this.state === 'ready' ? this.visible(record).filtered.visible : [];
    const resources = this.resourcesOnScreen(shown);
    const viewKey = record ? `${record.patient}|${resources.join(',')}` : '';
    const changed = record !== undefined && listed && viewKey !== this.lastViewKey;
    if (changed) emit(this, 'care-record-view', { patient: record.patient, resources });
    this.lastViewKey = viewKey;
    return changed;
  }

  /**
   * `Type/id` of every resource the visible rows put on screen, for the audit event. Widgets whose rows
   * show other resources inside them (a report's results) add those.
   */
  protected resourcesOnScreen(rows: readonly Row[]): string[] {
    return rows.map((r) => r.key);
  }

  private sectionNotice(outside: number): RecordNotice[] {
    const types = parseSourceTypes(this.sourceTypes);
    if (types.length === 0) return [];
    const names = types.map((t) => sourceTypeLabel(t)).join(', ');
    const message =
      outside > 0
        ? `This section shows ${names} sources only; ${outside} other ${this.noun} from other or unrecorded source types are not shown here.`
        : `This section shows ${names} sources only.`;
    return [{ kind: 'information', message, count: outside }];
  }

  private sourceOptions(rows: readonly Row[]): SourceOption[] {
    const seen = new Map<string, SourceOption>();
    for (const r of rows) {
      seen.set(r.source.key, { key: r.source.key, label: r.source.name ?? 'Source not recorded' });
    }
    return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
  }

  private renderHeader(record: LoadedRecord<Row> | undefined): TemplateResult {
    return html`<div class="widget-header">
      <h2 id="heading">${this.heading || this.defaultHeading}</h2>
      <span class="retrieved">
        ${record
          ? html`<span title=${record.fetchedAt.toISOString()}
              >Retrieved ${formatTime(record.fetchedAt)}</span
            >`
          : nothing}
        <button
          type="button"
          class="refresh"
          ?disabled=${this.state === 'idle'}
          @click=${() => this.refresh()}
        >
          Refresh
        </button>
      </span>
    </div>`;
  }

  private renderRecord(record: LoadedRecord<Row>): TemplateResult {
    const now = new Date();
    const { inside, outside, filtered } = this.visible(record);
    const notices = [...record.notices, ...this.sectionNotice(outside)];
    const bar = filterBar({
      spec: this.filterSpec,
      state: this.filters,
      outcome: filtered,
      sources: this.sourceOptions(inside),
      noun: this.noun,
      onChange: (next) => (this.filters = next),
      onShowAll: () => (this.filters = showAllFilters(this.filterSpec)),
    });
    const body =
      this.state === 'empty'
        ? statusMessage({ state: 'empty', error: undefined, noun: this.noun, onRetry: () => this.refresh() })
        : filtered.visible.length === 0
          ? html`<p part="status" role="status" class="none-match">
              No ${this.noun} match your filters.
            </p>`
          : this.renderRows(filtered.visible, now);
    const progress = progressLine(record.progress, { noun: this.noun, itemsShown: true, onRetry: () => this.refresh() });
    return html`${noticeList(notices)}${progress}${this.state === 'empty' ? nothing : bar}${body}`;
  }

  protected override render(): TemplateResult {
    const record = this.records.record;
    const showRecord = record && (this.state === 'ready' || this.state === 'empty');
    return html`<section
        class="content"
        aria-labelledby="heading"
        aria-busy=${this.state === 'loading' || this.loadingMore ? 'true' : 'false'}
      >
        ${this.renderHeader(showRecord ? record : undefined)}
        ${showRecord
          ? this.renderRecord(record)
          : statusMessage({
              state: this.state,
              error: this.records.error,
              noun: this.noun,
              onRetry: () => this.refresh(),
            })}
        ${showRecord ? nothing : progressLine(this.records.progress, { noun: this.noun, itemsShown: false, onRetry: () => this.refresh() })}
      </section>
      <p class="print-note">The shared care record is not for printing. View it on screen.</p>`;
  }
}
