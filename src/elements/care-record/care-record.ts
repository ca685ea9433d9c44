import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, provide } from '@lit/context';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { careRecordConfigContext, type CareRecordConfig } from '../../core/config.js';
import type { TokenProvider } from '../../fhir/types.js';
import { parseSections, SECTION_LABELS, SECTIONS, type SectionName } from './care-record.sections.js';
import { careRecordStyles } from './care-record.styles.js';
import { emit, type CareRecordErrorDetail } from '../../core/events.js';
import { POINTER, reasonBanner, recordReason, sharedReason, type PodOutcome } from './shared-reason.js';

/**
 * The whole shared care record in one tag: every pod in a responsive grid, each collapsible, in the
 * order the host chooses. It shares its HIE, patient and token provider with its pods, or takes them
 * from an enclosing `<care-record-provider>`.
 *
 * A collapsed pod is removed from the page (its requests are aborted and nothing of it is on screen
 * for the audit); expanding it fetches afresh.
 *
 * @summary The whole shared care record: all pods, laid out and collapsible.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides an enclosing provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr sections - Pods to show, in order, e.g. "medications allergies problems" (default: all). Names: medications, allergies, problems, results, appointments, documents, encounters, care-plans, care-team, sources.
 * @attr collapsed - Pods that start collapsed, e.g. "encounters sources".
 * @attr density - `compact` (default) or `comfortable`, for every pod.
 * @attr search - Find in record: one search for every pod (the box at the top sets it).
 *
 * @event care-record-load - Re-dispatched from each pod (bubbles from the pods).
 * @event care-record-error - From each pod.
 * @event care-record-auth-required - From each pod.
 * @event care-record-view - From each pod, for the host's audit log.
 * @event care-record-search - The record's search changed (detail.search).
 *
 * @csspart pod - The box around one pod.
 * @csspart search - The record's search box.
 * @csspart record-status - The one message when every pod fails for the same reason.
 * @csspart pod-toggle - The button that collapses or expands a pod.
 *
 * @cssprop --care-record-pod-min-width - Narrowest a pod column may be before the grid wraps (default 26rem).
 * @cssprop --care-record-pod-max-height - Tallest a pod may be before it scrolls (default none).
 * @cssprop --care-record-spacing - Gap between pods and their padding (default 8px).
 * @cssprop --care-record-font-family - Font of the pod toggles (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-text-color - Text and focus outline (default #212b32).
 * @cssprop --care-record-background - Pod and toggle background (default #ffffff).
 * @cssprop --care-record-surface - Background of the note on unknown section names (default #f0f4f5).
 * @cssprop --care-record-border-color - Pod borders (default #768692).
 * @cssprop --care-record-accent-color - Pod toggles (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-error-color - Marker of the note on unknown section names (default #d5281b).
 * @cssprop --care-record-warning-background - The record-level reason said once at its top (default #fff9c4).
 * @cssprop --care-record-radius - Corner radius of the pods (default 4px).
 */
export class CareRecord extends LitElement {
  static override styles = careRecordStyles;

  @property({ attribute: 'base-url' }) baseUrl: string | undefined;
  @property({ attribute: 'patient-id' }) patientId: string | undefined;
  @property({ attribute: 'nhs-number' }) nhsNumber: string | undefined;
  /** Supplies the bearer token for each request (see `<care-record-provider>`). */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;
  @property() sections: string | undefined;
  @property() collapsed: string | undefined;
  /** `compact` (default) or `comfortable`, passed to every pod. */
  @property({ reflect: true }) density: 'compact' | 'comfortable' = 'compact';
  /** One search for every pod; each pod counts what it hides. */
  @property() search = '';

  @consume({ context: careRecordConfigContext, subscribe: true })
  @state()
  protected inherited: CareRecordConfig | undefined;

  @provide({ context: careRecordConfigContext })
  protected config: CareRecordConfig | undefined;

  @state() private collapsedPods = new Set<SectionName>();
  /** What each pod last reported, to say a reason they all share once. */
  @state() private podOutcomes = new Map<string, PodOutcome>();
  private lastPatientKey = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('collapsed')) {
      this.collapsedPods = new Set(this.collapsed ? parseSections(this.collapsed).sections : []);
    }
    const own = Boolean(this.patientId || this.nhsNumber);
    const up = this.inherited;
    this.config = {
      baseUrl: this.baseUrl || up?.baseUrl,
      patientId: own ? this.patientId || undefined : up?.patientId,
      nhsNumber: own ? this.nhsNumber || undefined : up?.nhsNumber,
      tokenProvider: this.tokenProvider ?? up?.tokenProvider,
    };
    // Another patient or HIE: what the pods said about the last one no longer holds.
    const patientKey = `${this.config.baseUrl}|${this.config.patientId}|${this.config.nhsNumber}`;
    if (patientKey !== this.lastPatientKey) this.podOutcomes = new Map();
    this.lastPatientKey = patientKey;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener('care-record-error', this.onPodError);
    this.renderRoot.addEventListener('care-record-load', this.onPodLoad);
    this.renderRoot.addEventListener('care-record-search', this.onPodSearch);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('care-record-error', this.onPodError);
    this.renderRoot.removeEventListener('care-record-load', this.onPodLoad);
    this.renderRoot.removeEventListener('care-record-search', this.onPodSearch);
  }

  /** A pod's "Clear" clears the one search of the record. */
  private readonly onPodSearch = (event: Event): void => {
    this.search = (event as CustomEvent<{ search: string }>).detail.search;
  };

  private readonly onPodError = (event: Event): void => {
    const detail = (event as CustomEvent<CareRecordErrorDetail>).detail;
    this.setOutcome(event, { reason: recordReason(detail), message: detail.message });
  };

  private readonly onPodLoad = (event: Event): void => this.setOutcome(event, 'ok');

  private setOutcome(event: Event, outcome: PodOutcome): void {
    const pod = (event.target as HTMLElement).closest('.pod') as HTMLElement | null;
    const name = pod?.dataset['section'];
    if (!name) return;
    this.podOutcomes = new Map(this.podOutcomes).set(name, outcome);
  }

  private setSearch(search: string): void {
    this.search = search;
    emit(this, 'care-record-search', { search });
  }

  private retryAll(): void {
    this.podOutcomes = new Map();
    for (const pod of this.renderRoot.querySelectorAll<HTMLElement & { refresh?: () => void }>('.pod-body > *')) {
      pod.refresh?.();
    }
  }

  private toggle(name: SectionName): void {
    const next = new Set(this.collapsedPods);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    this.collapsedPods = next;
  }

  /** Arrow keys move between the pods' toggle buttons; Home and End go to the first and last. */
  private onToggleKey(event: KeyboardEvent): void {
    const toggles = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.pod-toggle')];
    const at = toggles.indexOf(event.target as HTMLButtonElement);
    const to =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? at + 1
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? toggles.length - 1
              : undefined;
    if (to === undefined || at < 0) return;
    event.preventDefault();
    toggles[(to + toggles.length) % toggles.length]?.focus();
  }

  private renderPod(name: SectionName, pointer: string | undefined): TemplateResult {
    const label = SECTION_LABELS[name];
    const isCollapsed = this.collapsedPods.has(name);
    const tag = unsafeStatic(SECTIONS[name]);
    // A group, not a landmark: the widget inside is itself a labelled section.
    return html`<div
      part="pod"
      role="group"
      class="pod ${isCollapsed ? 'collapsed' : ''}"
      data-section=${name}
      aria-label=${label}
    >
      <div class="pod-bar">
        ${isCollapsed ? html`<p class="pod-title">${label}</p>` : nothing}
        <button
          part="pod-toggle"
          class="pod-toggle"
          type="button"
          aria-expanded=${isCollapsed ? 'false' : 'true'}
          aria-controls="pod-${name}"
          @click=${() => this.toggle(name)}
          @keydown=${(e: KeyboardEvent) => this.onToggleKey(e)}
        >
          ${isCollapsed ? 'Show' : 'Hide'}<span class="visually-hidden"> ${label}</span>
        </button>
      </div>
      <div class="pod-body" id="pod-${name}">${isCollapsed ? nothing : staticHtml`<${tag}
              density=${this.density}
              no-search-box
              .search=${this.search}
              status-pointer=${pointer ?? nothing}
            ></${tag}>`}</div>
    </div>`;
  }

  protected override render(): TemplateResult {
    const { sections, unknown } = parseSections(this.sections);
    const shown = sections.filter((s) => !this.collapsedPods.has(s));
    const shared = sharedReason(shown, this.podOutcomes);
    const pointerFor = (name: SectionName): string | undefined =>
      shared?.pods.has(name) ? POINTER[shared.reason] : undefined;
    return html`${unknown.length
        ? html`<p class="unknown" role="alert">
            Unknown sections not shown: ${unknown.join(', ')}. Known sections:
            ${Object.keys(SECTIONS).join(', ')}.
          </p>`
        : nothing}
      <div class="record-bar">
        <label class="visually-hidden" for="record-search">Find in record</label>
        <input
          id="record-search"
          part="search"
          type="search"
          placeholder="Find in record (every section)"
          autocomplete="off"
          .value=${this.search}
          @input=${(e: Event) => this.setSearch((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape') this.setSearch('');
          }}
        />
      </div>
      ${shared ? reasonBanner(shared, () => this.retryAll()) : nothing}
      <div class="grid">${sections.map((name) => this.renderPod(name, pointerFor(name)))}</div>
      <p class="print-note">The shared care record is not for printing. View it on screen.</p>`;
  }
}
