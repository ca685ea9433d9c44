import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import '../../../src/care-record-care-team.js';
import type { CareRecordCareTeam } from '../../../src/care-record-care-team.js';
import { recordHieRequests } from '../../support/mock-hie.js';
import { describeWidgetStates } from '../../support/widget-states.js';
import { HIE, fixture, html, itemByKey as item, parts, settled, shadow, showAll, text, validToken } from '../../support/widgets.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { serveSearchset } from './serve-searchset.js';

const hie = recordHieRequests();
const requests = (): URL[] => hie.urls.map((u) => new URL(u));

const rich = MOCK_PATIENT_IDS.rich;

async function careTeam(patientId: string = rich): Promise<CareRecordCareTeam> {
  const el = await fixture<CareRecordCareTeam>(
    html`<care-record-care-team base-url=${HIE} patient-id=${patientId} .tokenProvider=${validToken}></care-record-care-team>`,
  );
  return settled(el);
}

function members(teamItem: Element): HTMLElement[] {
  return [...teamItem.querySelectorAll<HTMLElement>('.member')];
}

function memberNamed(teamItem: Element, name: string): HTMLElement {
  const found = members(teamItem).find((m) => text(m.querySelector('.member-name')) === name);
  expect(found, `member ${name}`).to.exist;
  return found!;
}

describeWidgetStates({
  tag: 'care-record-care-team',
  noun: 'care teams',
  resourceTypes: ['CareTeam'],
  hidesByDefault: true,
  withheldInRich: true,
  includesNotInR4: ['CareTeam:managing-organization'],
});

describe('<care-record-care-team>', () => {
  it('asks for CareTeams once, with their organisations, members and the people behind roles', async () => {
    await careTeam();
    const searches = requests().filter((u) => u.pathname.endsWith('/CareTeam'));
    expect(searches).to.have.length(1);
    const params = searches[0]!.searchParams;
    expect(params.get('patient')).to.equal(`Patient/${rich}`);
    expect(params.getAll('_include')).to.include.members(['CareTeam:managing-organization', 'CareTeam:participant']);
    expect(params.getAll('_include:iterate')).to.include.members([
      'PractitionerRole:organization',
      'PractitionerRole:practitioner',
      'Provenance:agent',
    ]);
    expect(params.get('_revinclude')).to.equal('Provenance:target');
    expect(requests().filter((u) => /\/(Practitioner|PractitionerRole|RelatedPerson|Organization)\//.test(u.pathname))).to.have.length(0);
  });

  it('shows each member with role, organisation and contact links; the family carer and the patient too', async () => {
    const el = await careTeam();
    const team = item(el, 'CareTeam/ct-rich-social-care');
    expect(text(team.querySelector('h3'))).to.equal('Adult social care: care and support');

    const coordinator = memberNamed(team, 'Joanna Pike');
    expect(text(coordinator.querySelector('.role'))).to.contain('Care coordinator');
    expect(text(coordinator.querySelector('.organisation'))).to.contain('London Borough of Riverside Adult Social Care');

    const carer = memberNamed(team, 'Daniel Ellwood');
    expect(text(carer.querySelector('.role'))).to.equal('Family carer, Son');
    expect(carer.querySelector('.organisation'), 'a relative has no organisation to report').to.equal(null);
    const carerLinks = [...carer.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(carerLinks).to.deep.equal(['tel:07700900123', 'mailto:d.ellwood@mail.example']);

    const provider = memberNamed(team, 'Brightwater Home Care Ltd');
    expect(text(provider.querySelector('.role'))).to.contain('Domiciliary care provider');
    expect([...provider.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'tel:02079460990',
      'https://brightwater-homecare.example/',
    ]);

    expect(memberNamed(team, 'The patient').dataset['kind']).to.equal('patient');

    const teamContacts = [...team.querySelectorAll('.team-contact a')].map((a) => a.getAttribute('href'));
    expect(teamContacts).to.deep.equal(['tel:02079460500', 'mailto:asc.duty@riverside-asc.example']);
    await expect(el).to.be.accessible();
  });

  it('names members through their PractitionerRole, with the organisation they act for', async () => {
    const el = await careTeam();
    const team = item(el, 'CareTeam/ct-rich-cardiology');
    const consultant = memberNamed(team, 'Dr Aisha Rahman');
    expect(text(consultant.querySelector('.role'))).to.equal('Consultant cardiologist');
    expect(text(consultant.querySelector('.organisation'))).to.contain('Riverside University Hospitals NHS Trust');
    const nurse = memberNamed(team, 'Tom Fairweather');
    expect(nurse.querySelector('a')?.getAttribute('href')).to.equal('tel:02079460330');
  });

  it('hides inactive teams by default, counts them, and marks proposed and suspended teams in words', async () => {
    const el = await careTeam();
    const keys = parts(el, 'item').map((i) => i.dataset['key']);
    expect(keys).to.not.include('CareTeam/ct-rich-reablement');
    expect(keys).to.not.include('CareTeam/ct-rich-early-supported-discharge');
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('2 inactive care teams');

    for (const [key, words] of [
      ['CareTeam/ct-rich-memory-service', 'Proposed'],
      ['CareTeam/ct-rich-physiotherapy', 'Suspended'],
    ] as const) {
      const tag = item(el, key).querySelector('.tag.status')!;
      expect(text(tag)).to.equal(words);
      expect(tag.classList.contains('attention'), key).to.equal(true);
    }
    expect(item(el, 'CareTeam/ct-rich-gp-practice').querySelector('.tag.status')!.classList.contains('attention')).to.equal(false);

    await showAll(el);
    const all = parts(el, 'item').map((i) => i.dataset['key']);
    expect(all).to.include('CareTeam/ct-rich-reablement');
    expect(text(item(el, 'CareTeam/ct-rich-reablement').querySelector('.tag.status'))).to.equal('Inactive');
    expect(all, 'entered-in-error is never shown').to.not.include('CareTeam/ct-rich-entered-in-error');
  });

  it('names every source route, flags the stale feed and says when no source is recorded', async () => {
    const el = await careTeam();
    await showAll(el);
    const source = (key: string) => text(item(el, key).querySelector('[part~="source"]'));
    expect(source('CareTeam/ct-rich-social-care')).to.match(/Adult Social Care.*· Social care/);
    expect(source('CareTeam/ct-rich-district-nursing')).to.match(/Community Health Services.*· Community services/);
    expect(source('CareTeam/ct-rich-district-nursing-gp-copy')).to.match(/Riverside Medical Practice.*· GP practice/);
    expect(source('CareTeam/ct-rich-mental-health')).to.match(/Mental Health Trust.*· Mental health/);
    expect(source('CareTeam/ct-rich-befriending')).to.equal('Source not recorded');

    const stale = item(el, 'CareTeam/ct-rich-respiratory').querySelector('[part~="freshness"]')!;
    expect(stale.classList.contains('out-of-date')).to.equal(true);
    expect(text(stale)).to.match(/may be out of date/);
    expect(text(item(el, 'CareTeam/ct-rich-cardiology').querySelector('[part~="freshness"]'))).to.match(/^Live feed/);
  });

  it('shows the same team from two sources as two items, each with its own source', async () => {
    const el = await careTeam();
    const copies = parts(el, 'item').filter((i) => text(i.querySelector('h3')) === 'District nursing: Riverside North');
    expect(copies).to.have.length(2);
    expect(new Set(copies.map((c) => text(c.querySelector('[part~="source"]')))).size).to.equal(2);
  });

  it('tags a mental health team with its security labels', async () => {
    const el = await careTeam();
    const tags = [...item(el, 'CareTeam/ct-rich-mental-health').querySelectorAll('.tag.security')].map((t) => text(t));
    expect(tags).to.deep.equal(['Mental health', 'Restricted']);
  });

  it('says "not recorded" for a team with no name, period, members or contact', async () => {
    serveSearchset(hie.worker, 'CareTeam', [
      { resourceType: 'CareTeam', id: 'bare', subject: { reference: `Patient/${rich}` } } as Resource,
    ]);
    const el = await careTeam();
    const team = item(el, 'CareTeam/bare');
    expect(text(team.querySelector('h3'))).to.equal('Care team name not recorded');
    expect(text(team.querySelector('.tag.status'))).to.equal('Status not recorded');
    expect(text(team)).to.contain('Start not recorded to no end date recorded');
    expect(text(team.querySelector('.team-contact'))).to.contain('Not recorded');
    expect(text(team)).to.contain('No members recorded');
    expect(text(team.querySelector('[part~="source"]'))).to.equal('Source not recorded');
    await expect(el).to.be.accessible();
  });

  it('never turns a javascript:, data: or unchecked contact into a link, and still shows it as text', async () => {
    serveSearchset(hie.worker, 'CareTeam', [
      {
        resourceType: 'CareTeam',
        id: 'hostile',
        status: 'active',
        name: 'Team with odd contacts',
        subject: { reference: `Patient/${rich}` },
        telecom: [
          { system: 'url', value: 'javascript:alert(document.domain)' },
          { system: 'phone', value: 'javascript:alert(1)' },
          { system: 'email', value: 'data:text/html,<script>alert(1)</script>' },
          { system: 'url', value: 'data:text/html;base64,PHNjcmlwdD4=' },
          { system: 'other', value: 'https://looks-fine.example' },
          { system: 'phone', value: '020 7946 0999' },
        ],
        participant: [
          {
            member: { reference: '#p' },
            role: [{ text: 'Nurse' }],
          },
        ],
        contained: [
          { resourceType: 'Practitioner', id: 'p', name: [{ text: 'Ada Nurse' }], telecom: [{ system: 'url', value: 'JavaScript:alert(2)' }] },
        ],
      } as Resource,
    ]);
    const el = await careTeam();
    const team = item(el, 'CareTeam/hostile');
    const hrefs = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs).to.deep.equal(['tel:02079460999']);
    for (const href of hrefs) expect(href).to.match(/^(tel:|mailto:|https?:)/);
    const asText = [...team.querySelectorAll('.contact-text')].map((s) => text(s));
    expect(asText).to.include.members([
      'javascript:alert(document.domain)',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://looks-fine.example',
      'JavaScript:alert(2)',
    ]);
    expect(team.querySelector('script')).to.equal(null);
  });

  it('resolves included PractitionerRoles, Practitioners, Organizations and carers, and never names another patient', async () => {
    const subject = { reference: `Patient/${rich}` };
    serveSearchset(
      hie.worker,
      'CareTeam',
      [
        {
          resourceType: 'CareTeam',
          id: 'included',
          status: 'active',
          name: 'Heart failure team',
          subject,
          managingOrganization: [{ reference: 'Organization/hf-org' }],
          participant: [
            { member: { reference: 'PractitionerRole/hf-role' } },
            { member: { reference: 'RelatedPerson/hf-carer' }, role: [{ text: 'Main carer' }] },
            { member: { reference: 'Patient/someone-else', display: 'Somebody Else' }, role: [{ text: 'Peer supporter' }] },
            { member: { reference: `Patient/${rich}` } },
          ],
        },
      ] as Resource[],
      [
        {
          resourceType: 'PractitionerRole',
          id: 'hf-role',
          practitioner: { reference: 'Practitioner/hf-nurse' },
          organization: { reference: 'Organization/hf-org' },
          code: [{ text: 'Heart failure nurse specialist' }],
          telecom: [{ system: 'phone', value: '020 7946 0800' }],
        },
        { resourceType: 'Practitioner', id: 'hf-nurse', name: [{ given: ['Priya'], family: 'Raman' }], telecom: [{ system: 'email', value: 'p.raman@hf.example' }] },
        { resourceType: 'Organization', id: 'hf-org', name: 'Riverside Heart Failure Service' },
        { resourceType: 'RelatedPerson', id: 'hf-carer', patient: subject, name: [{ text: 'Jean Ellwood' }], relationship: [{ text: 'Daughter' }] },
      ] as Resource[],
    );
    const el = await careTeam();
    const team = item(el, 'CareTeam/included');
    const nurse = memberNamed(team, 'Priya Raman');
    expect(text(nurse.querySelector('.role'))).to.equal('Heart failure nurse specialist');
    expect(text(nurse.querySelector('.organisation'))).to.equal('Riverside Heart Failure Service');
    expect([...nurse.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'tel:02079460800',
      'mailto:p.raman@hf.example',
    ]);
    expect(text(memberNamed(team, 'Jean Ellwood').querySelector('.role'))).to.equal('Main carer, Daughter');
    expect(text(team)).to.not.contain('Somebody Else');
    expect(memberNamed(team, 'A patient not confirmed as this patient (details not shown)')).to.exist;
    expect(memberNamed(team, 'The patient')).to.exist;
    expect(text(team.querySelector('[part~="source"]'))).to.contain('Riverside Heart Failure Service');
  });

  it('uses no inline styles, so a strict CSP host can show it', async () => {
    const el = await careTeam();
    await showAll(el);
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('style')).to.have.length(0);
  });
});
