import { expect } from '@open-wc/testing';
import type { CareTeam, CarePlan, Resource } from '@medplum/fhirtypes';
import { CORPORA, CORPUS_NOW, loadCorpus, resourcesOf, type Corpus, type CorpusFile } from '../../support/corpus.js';
import { mapCareTeams, type CareTeamRow } from '../../../src/elements/care-team/care-team.model.js';

/**
 * Counted by hand in /work/shared/fhir-examples: one CareTeam file each in hl7-r4 (active) and
 * uk-core (inactive); no bundle and no Synthea file holds one. Eight hl7-r4 CarePlans (GPVisit,
 * f001–f003, f201–f203, pregnancy) contain a CareTeam, mapped here too.
 */
const EXPECTED_FOUND: Record<Corpus, number> = { 'hl7-r4': 1, 'uk-core': 1, synthea: 0 };
const EXPECTED_CONTAINED = 8;

describe('mapCareTeams over the FHIR example corpus', () => {
  const rows: Record<Corpus, CareTeamRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };
  const containedRows: CareTeamRow[] = [];

  function mapContained(file: CorpusFile): CareTeamRow[] {
    return resourcesOf(file, ['CarePlan']).flatMap((plan) => {
      // Resolving through the plan registers it as the container, so `#…` members resolve against it.
      const teams = ((plan as CarePlan).careTeam ?? [])
        .map((ref) => file.index.resolve<CareTeam>(ref, plan))
        .filter((t): t is CareTeam => t?.resourceType === 'CareTeam');
      return mapCareTeams({ matches: teams as Resource[], index: file.index, now: CORPUS_NOW });
    });
  }

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(['CareTeam', 'CarePlan']);
    expect(files.length, 'corpus files found').to.be.greaterThan(14);
    for (const file of files) {
      const matches = resourcesOf(file, ['CareTeam']);
      found[file.corpus] += matches.length;
      expect(() => {
        rows[file.corpus].push(...mapCareTeams({ matches, index: file.index, now: CORPUS_NOW }));
        containedRows.push(...mapContained(file));
      }, file.path).to.not.throw();
    }
    console.log(
      `Care team corpus: ${CORPORA.map((c) => `${c} ${rows[c].length} rows of ${found[c]} resources`).join('; ')}; ${containedRows.length} contained in care plans`,
    );
  });

  for (const corpus of CORPORA) {
    it(`maps every ${corpus} care team`, () => {
      expect(found[corpus]).to.equal(EXPECTED_FOUND[corpus]);
      expect(rows[corpus]).to.have.length(EXPECTED_FOUND[corpus]);
    });
  }

  it('gives every row its status, an honest source, and members named or "not recorded"', () => {
    for (const row of [...CORPORA.flatMap((c) => rows[c]), ...containedRows]) {
      expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
      expect(row.name === undefined || row.name !== '', row.key).to.equal(true);
      expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
      for (const member of row.members) {
        expect(member.name === undefined || member.name !== '', `${row.key} ${member.key}`).to.equal(true);
        for (const contact of member.contacts) expect(contact.href ?? 'tel:', contact.value).to.match(/^(tel:|mailto:|https?:)/);
      }
    }
  });

  it('reads the HL7 team: the patient as a member, a contained dietitian, the encounter period', () => {
    const [row] = rows['hl7-r4'];
    expect(row).to.deep.include({
      key: 'CareTeam/example',
      name: 'Peter James Charlmers Care Plan for Inpatient Encounter',
      status: 'active',
      categories: ['Encounter-focused care team'],
      end: '2013-01-01',
    });
    expect(row!.members.map((m) => [m.kind, m.name, m.roles, m.left])).to.deep.equal([
      ['patient', 'The patient', ['responsiblePerson'], false],
      ['practitioner', 'Dorothy Dietician', ['adviser'], true],
    ]);
    expect(row!.source.via).to.equal('none');
  });

  it('reads the UK Core team: inactive, its member unnamed rather than guessed', () => {
    const [row] = rows['uk-core'];
    expect(row).to.include({ name: 'Weight management team', status: 'inactive', current: false });
    expect(row!.members.map((m) => [m.kind, m.name])).to.deep.equal([['practitioner', undefined]]);
  });

  it('maps the care teams contained in HL7 care plans, members named by contained resources or display', () => {
    expect(containedRows).to.have.length(EXPECTED_CONTAINED);
    const names = containedRows.flatMap((r) => r.members.map((m) => m.name));
    expect(names).to.include.members(['Mavis Midwife', 'Oscar Obstetrician', 'Nurse Nancy', 'Doctor Dave', 'P. Voigt']);
    for (const row of containedRows) expect(row).to.include({ status: 'unknown', statusLabel: 'Status not recorded' });
  });
});
