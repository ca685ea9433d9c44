import { expect } from '@open-wc/testing';
import '../../../src/care-record-appointments.js';
import type { CareRecordAppointments } from '../../../src/care-record-appointments.js';
import type { CareRecordLoadDetail } from '../../../src/core/events.js';
import { hieRequestsDuring, mockHie } from '../../support/mock-hie.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { resetScenarios } from '../../../mocks/scenarios.js';
import { LARGE_APPOINTMENT_COUNT } from '../../../mocks/data/widgets/appointments/large-appointments.js';
import { LARGE_PLANNED_ENCOUNTER_COUNT } from '../../../mocks/data/widgets/encounters/large-encounters.js';
import { describeWidgetStates, itemKeys, itShowsALongListAsAScrollingPanel, renderWidget } from '../../support/widget-states.js';
import { chooseView, itemByKey, oneEvent, shadow, showAll, text } from '../../support/widgets.js';

describeWidgetStates({
  tag: 'care-record-appointments',
  noun: 'appointments',
  resourceTypes: ['Appointment', 'Encounter'],
  hidesByDefault: true,
  withheldInRich: true,
});

const CUI_DATE_TIME = String.raw`\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}`;

async function rich(): Promise<CareRecordAppointments> {
  return (await renderWidget('care-record-appointments', MOCK_PATIENT_IDS.rich)) as unknown as CareRecordAppointments;
}

function item(el: Element, key: string): HTMLElement {
  return itemByKey(el, key.includes('/') ? key : `Appointment/${key}`, key);
}

describe('<care-record-appointments>', () => {
  before(() => mockHie());
  beforeEach(async () => {
    resetScenarios();
    (await mockHie()).resetHandlers();
  });

  it('shows upcoming appointments soonest first, undated last, with past ones counted as hidden', async () => {
    const el = await rich();
    expect(itemKeys(el)).to.deep.equal([
      'Appointment/appt-rich-district-nurse',
      'Appointment/appt-rich-gp-diabetes-review',
      'Appointment/appt-rich-echo',
      'Appointment/appt-rich-dexa-cancelled',
      'Appointment/appt-rich-cardiology-clinic',
      'Appointment/appt-rich-cardiology-clinic-gp-record',
      'Appointment/appt-rich-social-care-review',
      'Appointment/appt-rich-respiratory-clinic',
      'Appointment/appt-rich-foot-check',
      'Encounter/enc-rich-cardioversion-planned',
      'Appointment/appt-rich-memory-service',
      'Appointment/appt-rich-audiology-pending',
      'Appointment/appt-rich-cataract-waitlist',
    ]);
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('6 items are hidden by your filters: 6 past appointments');
    expect(text(item(el, 'appt-rich-echo').querySelector('.when'))).to.match(new RegExp(`^${CUI_DATE_TIME} to \\d{2}:\\d{2}$`));
    await expect(el).to.be.accessible();
  });

  it('shows past appointments most recent first when asked, and counts the upcoming ones', async () => {
    const el = await rich();
    await chooseView(el, 'past');
    expect(itemKeys(el)).to.deep.equal([
      'Appointment/appt-rich-spirometry-no-outcome',
      'Appointment/appt-rich-ooh-gp',
      'Appointment/appt-rich-respiratory-cancelled',
      'Appointment/appt-rich-memory-service-past',
      'Appointment/appt-rich-gp-review-past',
      'Appointment/appt-rich-eye-screening-dna',
    ]);
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('13 upcoming appointments');
    expect(text(item(el, 'appt-rich-eye-screening-dna').querySelector('.status'))).to.equal('Did not attend');
    expect(item(el, 'appt-rich-eye-screening-dna').querySelector('.status.attention')).to.exist;
    expect(text(item(el, 'appt-rich-ooh-gp').querySelector('.status'))).to.equal('Attended');
    await expect(el).to.be.accessible();
  });

  it('marks a cancelled appointment "Cancelled" in words, with its reason, and never as booked', async () => {
    const el = await rich();
    const dexa = item(el, 'appt-rich-dexa-cancelled');
    expect(dexa.classList.contains('cancelled')).to.equal(true);
    expect(text(dexa.querySelector('.status'))).to.equal('Cancelled');
    expect(dexa.querySelector('.status.attention')).to.exist;
    expect(text(dexa.querySelector('.cancelled-note'))).to.equal(
      'Cancelled: this appointment will not take place. Reason: Cancelled by the hospital: scanner out of service. A new date will be sent.',
    );
    expect(text(dexa)).to.not.match(/\bBooked\b/);
    await showAll(el);
    expect(text(item(el, 'appt-rich-respiratory-cancelled').querySelector('.cancelled-note'))).to.contain('clinician unavailable');
  });

  it('shows service, location, who, organisation and who booked it', async () => {
    const el = await rich();
    const clinic = item(el, 'appt-rich-cardiology-clinic');
    expect(text(clinic.querySelector('.title'))).to.equal('Cardiology – New atrial fibrillation: review after admission');
    expect(text(clinic)).to.contain('Location: Cardiology Outpatients, Riverside General Hospital');
    expect(text(clinic)).to.contain('With: Dr Aisha Rahman');
    expect(text(clinic)).to.contain('Booked by: Riverside Medical Practice');
    expect(text(clinic)).to.contain('Type: A follow up visit from a previous appointment');
    expect(text(clinic.querySelector('[part~="source"]'))).to.match(/Riverside University Hospitals NHS Trust · Acute hospital/);
    expect(text(clinic.querySelector('.tag.channel'))).to.equal('In person');
    expect(text(item(el, 'appt-rich-memory-service').querySelector('.tag.channel'))).to.equal('Video');
  });

  it('says when another source sent the same appointment', async () => {
    const el = await rich();
    expect(text(item(el, 'appt-rich-cardiology-clinic'))).to.contain('Also reported by: Riverside Medical Practice');
    expect(text(item(el, 'appt-rich-cardiology-clinic-gp-record'))).to.contain('Also reported by: Riverside University Hospitals NHS Trust');
  });

  it('shows a planned Encounter as a booked encounter among the upcoming appointments', async () => {
    const el = await rich();
    const planned = item(el, 'Encounter/enc-rich-cardioversion-planned');
    expect(planned.dataset['kind']).to.equal('booked-encounter');
    expect(text(planned.querySelector('.tag.kind'))).to.equal('Booked encounter');
    expect(text(planned.querySelector('.title'))).to.equal('Day-case elective DC cardioversion – Cardiology');
    expect(text(planned)).to.contain('Location: Cardiac Day Unit, Riverside General Hospital');
    expect(itemKeys(el)).to.not.include('Encounter/enc-rich-admission-af');
  });

  it('names the source whichever way the item names it, and says a stale batch feed may be out of date', async () => {
    const el = await rich();
    const source = (id: string) => text(item(el, id).querySelector('[part~="source"]'));
    expect(source('appt-rich-district-nurse')).to.match(/Riverside Community Health Services · Community services/);
    expect(source('appt-rich-echo')).to.match(/Riverside University Hospitals NHS Trust · Acute hospital/);
    expect(source('appt-rich-social-care-review')).to.match(/Adult Social Care · Social care/);
    expect(source('appt-rich-memory-service')).to.match(/North East London Mental Health Trust · Mental health/);
    expect(source('appt-rich-cataract-waitlist')).to.match(/Riverside Medical Practice/);
    expect(source('appt-rich-foot-check')).to.equal('Source not recorded');
    const stale = item(el, 'appt-rich-respiratory-clinic').querySelector('[part~="freshness"]');
    expect(stale?.classList.contains('out-of-date')).to.equal(true);
    expect(text(stale)).to.match(/may be out of date/);
    expect(text(item(el, 'appt-rich-respiratory-clinic'))).to.contain('With: Dr Tomasz Nowak');
  });

  it('says what is not recorded or not yet set, in words', async () => {
    const el = await rich();
    const waitlist = item(el, 'appt-rich-cataract-waitlist');
    expect(text(waitlist.querySelector('.when'))).to.match(/^Date not yet set; requested from \d{2}-[A-Z][a-z]{2}-\d{4} to \d{2}-[A-Z][a-z]{2}-\d{4}$/);
    expect(text(waitlist.querySelector('.status'))).to.equal('On waiting list');
    expect(text(waitlist)).to.contain('Location: Location not recorded');
    expect(text(item(el, 'appt-rich-echo'))).to.contain('Location: Location not recorded');
    expect(text(item(el, 'appt-rich-audiology-pending').querySelector('.status'))).to.equal('Pending confirmation');
  });

  it('warns when a past appointment is still recorded as booked', async () => {
    const el = await rich();
    await showAll(el);
    expect(text(item(el, 'appt-rich-spirometry-no-outcome').querySelector('.outcome-missing'))).to.contain(
      'The date has passed but the source still records it as booked',
    );
    expect(item(el, 'appt-rich-ooh-gp').querySelector('.outcome-missing')).to.equal(null);
    expect(itemKeys(el)).to.not.include('Appointment/appt-rich-entered-in-error');
  });

  it('marks mental-health appointments with their security label', async () => {
    const el = await rich();
    expect(text(item(el, 'appt-rich-memory-service').querySelector('.tag.security'))).to.equal('Mental health');
  });

  it('sends one search per type with the includes that name sources, never a read per reference', async () => {
    const urls = await hieRequestsDuring(rich);
    expect(urls.map((u) => u.pathname)).to.have.members(['/fhir/Appointment', '/fhir/Encounter']);
    const [appointments, encounters] = ['/fhir/Appointment', '/fhir/Encounter'].map((p) => urls.find((u) => u.pathname === p)!);
    expect(appointments!.searchParams.get('patient')).to.equal(`Patient/${MOCK_PATIENT_IDS.rich}`);
    expect(appointments!.searchParams.getAll('_include')).to.deep.equal(['Appointment:actor']);
    expect(appointments!.searchParams.getAll('_include:iterate')).to.include.members([
      'PractitionerRole:organization',
      'Location:organization',
      'HealthcareService:organization',
    ]);
    expect(appointments!.searchParams.get('_revinclude')).to.equal('Provenance:target');
    expect(encounters!.searchParams.get('status')).to.equal('planned');
    expect(encounters!.searchParams.getAll('_include')).to.include('Encounter:service-provider');
  });

  itShowsALongListAsAScrollingPanel('care-record-appointments');

  it('loads the large record over several pages with most appointments upcoming and visible', async () => {
    const load = oneEvent(document.body, 'care-record-load');
    await renderWidget('care-record-appointments', MOCK_PATIENT_IDS.large);
    const detail: CareRecordLoadDetail = (await load).detail;
    expect(detail.shown + detail.hiddenByFilters).to.equal(LARGE_APPOINTMENT_COUNT + LARGE_PLANNED_ENCOUNTER_COUNT);
    expect(detail.shown).to.be.greaterThan(detail.hiddenByFilters);
    expect(detail.shown).to.be.greaterThan(200);
  });
});
