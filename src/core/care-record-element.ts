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
import { statusMessage } from '../ui/status-message.js';
import { applySearch, type SearchOutcome } from '../model/search-filter.js';
import { buildSignals } from '../model/signals.js';
import { recordToolbar } from '../ui/record-toolbar.js';
import { signalLines } from '../ui/signal-lines.js';
import { shortSourceName } from '../model/short-provenance.js';
import { rowDisclosure, type RowDisclosure, type RowView } from '../ui/row-disclosure.js';

/** How tightly a widget sets out its items: `compact` (the default) or `comfortable`. */
export type Density = 'compact' | 'comfortable';

interface Visible<Row> {
  inside: Row[];
  outside: number;
  filtered: FilterOutcome<Row>;
  searched: SearchOutcome<Row>;
}

/**
 * What every widget shares: the configuration attributes (own values override the provider's), the
 * record controller, the states, the filters with their hidden count and reset, the notices, the
 * refresh control and the care-record-* events. A widget supplies its searches, model, filters and
 * how one item looks.
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

  /**
   * `compact` (default): one or two lines per item, short source and freshness (full wording for
   * screen readers and on expand), one toolbar line, one line per safety signal. `comfortable`: the
   * roomier spacing with every fact written out. Both show every safety signal.
   */
  @property({ reflect: true }) density: Density = 'compact';

  /** Find in record: keeps the items whose text holds every word; what it hides is counted and said. */
  @property() search = '';

  /** Leaves the widget's own search box out, for a host (or `<care-record>`) with one box for all pods. */
  @property({ attribute: 'no-search-box', type: Boolean }) noSearchBox = false;

  /**
   * One line shown instead of the widget's own failure message, set by a layout that says the reason
   * once for every widget (`<care-record>` when all its pods fail alike). Ignored unless it failed.
   */
  @property({ attribute: 'status-pointer' }) statusPointer: string | undefined;

  /** Where the widget is: idle, loading, ready, empty, error, forbidden or unauthorized. Read-only. */
  @property({ reflect: true }) state: WidgetState = 'idle';

  @consume({ context: careRecordConfigContext, subscribe: true })
  @state()
  protected provided: CareRecordConfig | undefined;

  @state() protected filters!: FilterState;
  @state() private filtersOpen = false;
  @state() private openRows = new Set<string>();

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
  });

  private lastViewKey = '';
  private lastVisible:
    | {
        record: LoadedRecord<Row>;
        filters: FilterState;
        sourceTypes: string | undefined;
        search: string;
        visible: Visible<Row>;
      }
    | undefined;

  /** A row's "more" button and whether its other fields are shown (always, in the comfortable density). */
  protected disclosure(key: string, label: string): RowDisclosure {
    return rowDisclosure({
      key,
      label,
      compact: this.density !== 'comfortable',
      open: this.openRows.has(key),
      onToggle: (k) => {
        const next = new Set(this.openRows);
        if (!next.delete(k)) next.add(k);
        this.openRows = next;
      },
    });
  }

  /** The density as row templates see it: each row's disclosure. */
  protected rowView(): RowView {
    return { disclosure: (key, label) => this.disclosure(key, label) };
  }

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
    return {
      queries: (patient) => this.dataSpec.queries(patient),
      model: (input) => this.dataSpec.model(input),
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
    if (
      last &&
      last.record === record &&
      last.filters === this.filters &&
      last.sourceTypes === this.sourceTypes &&
      last.search === this.search
    ) {
      return last.visible;
    }
    const { inside, outside } = splitBySourceTypes(record.rows, parseSourceTypes(this.sourceTypes));
    const filtered = applyFilters(inside, this.filters, this.filterSpec);
    const visible = { inside, outside, filtered, searched: applySearch(filtered.visible, this.search) };
    this.lastVisible = { record, filters: this.filters, sourceTypes: this.sourceTypes, search: this.search, visible };
    return visible;
  }

  private loaded(record: LoadedRecord<Row>): void {
    const { inside, outside, filtered, searched } = this.visible(record);
    const sources = new Map(inside.map((r) => [r.source.key, r.source]));
    emit(this, 'care-record-load', {
      patient: record.patient,
      resourceTypes: record.resourceTypes,
      shown: searched.visible.length,
      hiddenByFilters: filtered.hidden + searched.hidden,
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
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const record = this.records.record;
    const shown = record && this.state === 'ready' ? this.visible(record).searched.visible : [];
    const resources = this.resourcesOnScreen(shown);
    const viewKey = record ? `${record.patient}|${resources.join(',')}` : '';
    if (record && viewKey !== this.lastViewKey) {
      emit(this, 'care-record-view', { patient: record.patient, resources });
    }
    this.lastViewKey = viewKey;
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
    const { inside, outside, filtered, searched } = this.visible(record);
    const stale = searched.visible.filter((r) => r.freshness.possiblyOutOfDate);
    const signals = signalLines({
      signals: buildSignals({
        notices: [...record.notices, ...this.sectionNotice(outside)],
        noun: this.noun,
        hiddenByFilters: { count: filtered.hidden, reasons: filtered.reasons },
        hiddenBySearch: { count: searched.hidden, term: this.search.trim() },
        outOfDate: {
          count: stale.length,
          sources: [...new Set(stale.map((r) => shortSourceName(r.source) ?? 'source not recorded'))],
        },
      }),
      noun: this.noun,
      onShowAll: () => (this.filters = showAllFilters(this.filterSpec)),
      onClearSearch: () => this.setSearch(''),
    });
    const onChange = (next: FilterState): void => {
      this.filters = next;
    };
    const controls = html`${recordToolbar({
      spec: this.filterSpec,
      state: this.filters,
      noun: this.noun,
      search: this.noSearchBox ? undefined : this.search,
      filtersOpen: this.filtersOpen,
      onChange,
      onSearch: (term) => this.setSearch(term),
      onToggleFilters: () => (this.filtersOpen = !this.filtersOpen),
    })}${filterBar({ state: this.filters, sources: this.sourceOptions(inside), noun: this.noun, open: this.filtersOpen, onChange })}`;
    const body =
      this.state === 'empty'
        ? statusMessage({ state: 'empty', error: undefined, noun: this.noun, onRetry: () => this.refresh() })
        : searched.visible.length === 0
          ? html`<p part="status" role="status" class="none-match">
              No ${this.noun} match your ${filtered.visible.length > 0 ? 'search' : 'filters'}.
            </p>`
          : this.renderRows(searched.visible, now);
    return html`${this.state === 'empty' ? nothing : controls}${signals}${body}`;
  }

  /** The search box and "Clear" set `search` and say so, so a layout with one box for all pods follows. */
  private setSearch(term: string): void {
    this.search = term;
    emit(this, 'care-record-search', { search: term });
  }

  protected override render(): TemplateResult {
    const record = this.records.record;
    const showRecord = record && (this.state === 'ready' || this.state === 'empty');
    // In the widget's default view (current, active, upcoming…) that status goes without saying.
    const defaultView = this.filters?.status === this.filterSpec.statusOptions[0]?.value;
    return html`<section
        class="content ${defaultView ? 'default-view' : ''}"
        aria-labelledby="heading"
        aria-busy=${this.state === 'loading' ? 'true' : 'false'}
      >
        ${this.renderHeader(showRecord ? record : undefined)}
        ${showRecord
          ? this.renderRecord(record)
          : this.statusPointer && ['error', 'forbidden', 'unauthorized'].includes(this.state)
            ? html`<div part="status" role="status" class="pointer"><p>${this.statusPointer}</p></div>`
            : statusMessage({
              state: this.state,
              error: this.records.error,
              noun: this.noun,
              onRetry: () => this.refresh(),
            })}
      </section>
      <p class="print-note">The shared care record is not for printing. View it on screen.</p>`;
  }
}
