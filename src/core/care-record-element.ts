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
  type FilterState,
} from './filters.js';
import { RecordController, type EffectiveConfig, type LoadedRecord, type WidgetState } from './record-controller.js';
import type { WidgetDescriptor } from './widget-descriptor.js';
import type { RecordNotice, RecordRow } from '../model/record-types.js';
import { formatTime } from '../model/format.js';
import { sourceTypeLabel } from '../model/source.js';
import { filterBar, type SourceOption } from '../ui/filter-bar.js';
import { itemList } from '../ui/item-list.js';
import { progressLine } from '../ui/progress-line.js';
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
 * refresh control, the list and the care-record-* events. A widget describes itself in a static
 * `widget` descriptor (tag, heading, noun, searches, model, filters, item template).
 *
 * The API below is every widget's; a widget's own JSDoc lists only what it adds.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default: the widget's own, e.g. "Medications").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr request-timeout - Milliseconds to wait for each HIE response (default 15000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 * @attr loading-more - Reflected, read-only: present while the list shown is partial (a long record is
 *   shown as its pages arrive; later pages only add below) and more is coming.
 * @attr incomplete - Reflected, read-only: present when loading stopped part-way (the reason is shown, with Retry).
 *
 * @event {CustomEvent<CareRecordLoadDetail>} care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event {CustomEvent<CareRecordErrorDetail>} care-record-error - Loading failed: kind, HTTP status, message.
 * @event {CustomEvent<CareRecordAuthRequiredDetail>} care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event {CustomEvent<CareRecordViewDetail>} care-record-view - The items now on screen (patient and resource ids) for the host's audit log, at most once per frame.
 * @event {CustomEvent<CareRecordProgressDetail>} care-record-progress - After each page of a long record: items loaded, `Bundle.total`, complete.
 *
 * @csspart item - One item from one source (a medication report, an allergy, a document…).
 * @csspart source - The organisation an item came from, with its type.
 * @csspart freshness - How fresh an item is (live, or batch with its last load).
 * @csspart status - Loading, empty, error, no-access, withheld and other status messages.
 * @csspart filters - The filter bar, with the hidden count and "Show all".
 *
 * @cssprop --care-record-text-color - Text colour (default #212b32).
 * @cssprop --care-record-secondary-text-color - Secondary text (default #4c6272).
 * @cssprop --care-record-background - Background (default #ffffff).
 * @cssprop --care-record-surface - Filter bar, message and panel background (default #f0f4f5).
 * @cssprop --care-record-border-color - Borders (default #768692).
 * @cssprop --care-record-accent-color - Buttons, links and charts (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-warning-background - Out-of-date, withheld and attention marks (default #fff9c4).
 * @cssprop --care-record-error-color - Error and critical marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-radius - Corner radius of buttons, tags and panels (default 4px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
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
  @state() private filtersOpen = false;
  @state() private openRows = new Set<string>();

  protected readonly records = new RecordController<Row>(this, this.widget, () => this.config(), {
    onLoad: (record) => this.loaded(record),
    onError: (error) => this.failed(error),
    onProgress: (progress) => emit(this, 'care-record-progress', { loaded: progress.loaded, total: progress.total, complete: progress.complete }),
  });
  private viewFrame: number | undefined;
  private viewPending = false;

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
    this.filters ??= defaultFilters(this.widget.filters);
  }

  /** The widget's descriptor: the `static widget` of its class (typed per row here, once). */
  protected get widget(): WidgetDescriptor<Row> {
    return (this.constructor as unknown as { readonly widget: WidgetDescriptor<Row> }).widget;
  }

  /** The heading shown, which also names the list. */
  protected get headingText(): string {
    return this.heading || this.widget.heading;
  }

  /** The visible rows as the list, one item each; widgets that group or annotate rows override it. */
  protected renderRows(rows: Row[], now: Date): TemplateResult {
    return this.renderList(rows, (row) => row.key, (row) => this.renderItem(row, now));
  }

  /** One row as a list item: the descriptor's `item`; a widget without one overrides this. */
  protected renderItem(row: Row, now: Date): TemplateResult {
    return this.widget.item!(row, now, this.rowView());
  }

  /** The list of the widget, named by its heading; long lists are virtualised. */
  protected renderList<Entry>(
    items: readonly Entry[],
    key: (entry: Entry) => string,
    render: (entry: Entry) => TemplateResult,
  ): TemplateResult {
    return itemList({ items, key, render, label: this.headingText });
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
    const filtered = applyFilters(inside, this.filters, this.widget.filters);
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
    const shown = record && this.state === 'ready' ? this.visible(record).searched.visible : [];
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
        ? `This section shows ${names} sources only; ${outside} other ${this.widget.noun} from other or unrecorded source types are not shown here.`
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
      <h2 id="heading">${this.headingText}</h2>
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
        noun: this.widget.noun,
        hiddenByFilters: { count: filtered.hidden, reasons: filtered.reasons },
        hiddenBySearch: { count: searched.hidden, term: this.search.trim() },
        outOfDate: {
          count: stale.length,
          sources: [...new Set(stale.map((r) => shortSourceName(r.source) ?? 'source not recorded'))],
        },
      }),
      noun: this.widget.noun,
      onShowAll: () => (this.filters = showAllFilters(this.widget.filters)),
      onClearSearch: () => this.setSearch(''),
    });
    const onChange = (next: FilterState): void => {
      this.filters = next;
    };
    const controls = html`${recordToolbar({
      spec: this.widget.filters,
      state: this.filters,
      noun: this.widget.noun,
      search: this.noSearchBox ? undefined : this.search,
      filtersOpen: this.filtersOpen,
      onChange,
      onSearch: (term) => this.setSearch(term),
      onToggleFilters: () => (this.filtersOpen = !this.filtersOpen),
    })}${filterBar({ state: this.filters, sources: this.sourceOptions(inside), noun: this.widget.noun, open: this.filtersOpen, onChange })}`;
    const body =
      this.state === 'empty'
        ? statusMessage({ state: 'empty', error: undefined, noun: this.widget.noun, onRetry: () => this.refresh() })
        : searched.visible.length === 0
          ? html`<p part="status" role="status" class="none-match">
              No ${this.widget.noun} match your ${filtered.visible.length > 0 ? 'search' : 'filters'}.
            </p>`
          : this.renderRows(searched.visible, now);
    const progress = progressLine(record.progress, { noun: this.widget.noun, itemsShown: true, onRetry: () => this.refresh() });
    return html`${this.state === 'empty' ? nothing : controls}${signals}${progress}${body}`;
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
    const defaultView = this.filters?.status === this.widget.filters.statusOptions[0]?.value;
    return html`<section
        class="content ${defaultView ? 'default-view' : ''}"
        aria-labelledby="heading"
        aria-busy=${this.state === 'loading' || this.loadingMore ? 'true' : 'false'}
      >
        ${this.renderHeader(showRecord ? record : undefined)}
        ${showRecord
          ? this.renderRecord(record)
          : this.statusPointer && ['error', 'forbidden', 'unauthorized'].includes(this.state)
            ? html`<div part="status" role="status" class="pointer"><p>${this.statusPointer}</p></div>`
            : statusMessage({
              state: this.state,
              error: this.records.error,
              noun: this.widget.noun,
              onRetry: () => this.refresh(),
            })}
        ${showRecord ? nothing : progressLine(this.records.progress, { noun: this.widget.noun, itemsShown: false, onRetry: () => this.refresh() })}
      </section>
      <p class="print-note">The shared care record is not for printing. View it on screen.</p>`;
  }
}
