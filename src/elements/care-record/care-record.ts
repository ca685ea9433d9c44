import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume, provide } from '@lit/context';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { careRecordConfigContext, type CareRecordConfig } from '../../core/config.js';
import type { TokenProvider } from '../../fhir/types.js';
import { parseSections, SECTION_LABELS, SECTIONS, type SectionName } from './care-record.sections.js';
import { careRecordStyles } from './care-record.styles.js';

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
 *
 * @event care-record-load - Re-dispatched from each pod (bubbles from the pods).
 * @event care-record-error - From each pod.
 * @event care-record-auth-required - From each pod.
 * @event care-record-view - From each pod, for the host's audit log.
 *
 * @csspart pod - The box around one pod.
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

  @consume({ context: careRecordConfigContext, subscribe: true })
  @state()
  protected inherited: CareRecordConfig | undefined;

  @provide({ context: careRecordConfigContext })
  protected config: CareRecordConfig | undefined;

  @state() private collapsedPods = new Set<SectionName>();

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

  private renderPod(name: SectionName): TemplateResult {
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
      <div class="pod-body" id="pod-${name}">${isCollapsed ? nothing : staticHtml`<${tag}></${tag}>`}</div>
    </div>`;
  }

  protected override render(): TemplateResult {
    const { sections, unknown } = parseSections(this.sections);
    return html`${unknown.length
        ? html`<p class="unknown" role="alert">
            Unknown sections not shown: ${unknown.join(', ')}. Known sections:
            ${Object.keys(SECTIONS).join(', ')}.
          </p>`
        : nothing}
      <div class="grid">${sections.map((name) => this.renderPod(name))}</div>
      <p class="print-note">The shared care record is not for printing. View it on screen.</p>`;
  }
}
