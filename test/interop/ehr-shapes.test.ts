import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { modelInput } from '../support/fixtures.js';
import { mapProblems, PROBLEM_NOT_RECORDED } from '../../src/elements/problems/problems.model.js';
import { mapAllergies } from '../../src/elements/allergies/allergies.model.js';
import { mapImmunisations, VACCINE_NOT_RECORDED } from '../../src/elements/immunisations/immunisations.model.js';
import { clinicalTimeText } from '../../src/ui/clinical-time-text.js';
import type { ClinicalTime } from '../../src/model/clinical-time.js';
import { mapMedications } from '../../src/elements/medications/medications.model.js';
import { mapCarePlans } from '../../src/elements/care-plans/care-plans.model.js';
import { mapCareTeams } from '../../src/elements/care-team/care-team.model.js';
import { mapEncounters } from '../../src/elements/encounters/encounters.model.js';
import { readSearchsetPage } from '../../src/fhir/searchset.js';
import { noticesFromSearch } from '../../src/model/notices.js';
import {
  medicationContained,
  medicationReferenceNotIncluded,
  searchsetWithOutcomes,
  medicationDosesDisagree,
  medicationTextWithBreaks,
  medicationTimingCodeOnly,
  carePlanOpenEnded,
  careTeamOpenEnded,
  currentInProgressEncounter,
  medicationOpenEnded,
  staleInProgressEncounter,
  allergyOnsetAfter,
  conditionCodeAbsent,
  conditionOnsetAfter,
  immunisationAfter,
  immunisationVaccineAbsent,
} from './ehr-shapes.fixtures.js';

function shown(time: ClinicalTime | undefined): string {
  const div = document.createElement('div');
  render(clinicalTimeText(time), div);
  return div.textContent!.replace(/\s+/g, ' ').trim();
}

describe('shapes real EHRs send', () => {
  describe('a precision extension on a date primitive ("after" the value)', () => {
    it('is shown as "after 15-Dec-2019" in problems, allergies and immunisations, never as that exact day', () => {
      const [problem] = mapProblems(modelInput([conditionOnsetAfter]));
      const [allergy] = mapAllergies(modelInput([allergyOnsetAfter]));
      const [immunisation] = mapImmunisations(modelInput([immunisationAfter]));
      for (const time of [problem!.onset, allergy!.onset, immunisation!.occurrence]) {
        expect(time).to.deep.equal({ kind: 'date', date: '2019-12-15', qualifier: 'after' });
        expect(shown(time)).to.equal('after 15-Dec-2019');
      }
    });
  });

  describe('tenant code systems first (userSelected), SNOMED CT spelt https://snomed.info/sct', () => {
    it('groups by the SNOMED CT code whatever its spelling or position, and names it as the user chose', () => {
      const [problem] = mapProblems(modelInput([conditionOnsetAfter]));
      expect(problem!.conceptKey).to.equal('http://snomed.info/sct|195967001');
      expect(problem!.name).to.equal('Asthma (tenant)');
    });
  });

  describe('a data-absent-reason code used inside coding', () => {
    it('is never read as the name of the problem or the vaccine: "not recorded" instead', () => {
      const [problem] = mapProblems(modelInput([conditionCodeAbsent]));
      expect(problem!.name).to.equal(PROBLEM_NOT_RECORDED);
      const [immunisation] = mapImmunisations(modelInput([immunisationVaccineAbsent]));
      expect(immunisation!.vaccine).to.equal(VACCINE_NOT_RECORDED);
    });
  });

  describe('open-ended periods written as a far-future end (2100-12-31, 9999-12-31)', () => {
    it('reads them as ongoing in medications, care plans, care teams and encounters: no end date, still current', () => {
      const [medication] = mapMedications(modelInput([medicationOpenEnded]));
      expect(medication).to.include({ end: undefined, current: true });
      const [plan] = mapCarePlans(modelInput([carePlanOpenEnded]));
      expect(plan).to.include({ end: undefined, current: true });
      const [team] = mapCareTeams(modelInput([careTeamOpenEnded]));
      expect(team!.end).to.equal(undefined);
      expect(team!.current).to.equal(true);
      const [encounter] = mapEncounters(modelInput([staleInProgressEncounter]));
      expect(encounter!.end).to.equal(undefined);
    });
  });

  describe('a status left stale: an encounter from years ago still in-progress', () => {
    it('is flagged as possibly not current, with no "so far" length of stay; a recent one is ongoing', () => {
      const [stale] = mapEncounters(modelInput([staleInProgressEncounter]));
      expect(stale).to.include({ status: 'in-progress', staleStatus: true, start: '2021-03-02T10:00:00Z', lengthOfStay: undefined });
      const [current] = mapEncounters(modelInput([currentInProgressEncounter]));
      expect(current!.staleStatus).to.equal(false);
      expect(current!.lengthOfStay).to.match(/so far \(not yet discharged\)$/);
    });
  });

  describe('medication doses as EHRs send them', () => {
    it('shows the ordered dose of several typed doses that disagree, and says the others exist', () => {
      const [row] = mapMedications(modelInput([medicationDosesDisagree]));
      expect(row!.dosage).to.equal(
        '40 mg (the ordered dose; the source also sent calculated 42.5 mg, admin-amount 40 mg), once a day',
      );
    });

    it('keeps dosage text line breaks, and reads a frequency sent only as timing.code', () => {
      const [text] = mapMedications(modelInput([medicationTextWithBreaks]));
      expect(text!.dosage).to.equal('Take 6 tablets each morning for 5 days\nthen 4 tablets for 5 days\nthen stop');
      const [coded] = mapMedications(modelInput([medicationTimingCodeOnly]));
      expect(coded!.dosage).to.equal('500 mg, 3 times a day');
    });
  });

  describe('medication by reference', () => {
    it('reads a #contained Medication, and a reference the HIE did not include by its display', () => {
      const [contained] = mapMedications(modelInput([medicationContained]));
      expect(contained!.name).to.equal('Atorvastatin 20mg tablets');
      const [unresolved] = mapMedications(modelInput([medicationReferenceNotIncluded]));
      expect(unresolved!.name).to.equal('Metformin 500mg tablets');
    });
  });

  describe('OperationOutcomes inside a searchset, with search.mode outcome or include, and no Bundle.total', () => {
    it('are notices, never rows, and no "N of M" is claimed without a total', () => {
      const page = readSearchsetPage(searchsetWithOutcomes(medicationContained), ['MedicationRequest']);
      expect(page.matches.map((m) => m.resourceType)).to.deep.equal(['MedicationRequest']);
      expect(page.included).to.deep.equal([]);
      expect(page.outcomes).to.have.length(2);
      expect(page.total).to.equal(undefined);
      const notices = noticesFromSearch({ outcomes: page.outcomes, truncated: true, total: page.total, shown: 1, skipped: [], received: 1 });
      const words = notices.map((n) => n.message).join(' | ');
      expect(words).to.contain('Northgate Pathology did not respond');
      expect(words).to.not.match(/ of \d/);
    });

    it('never shows a wrong "N of M" when Bundle.total disagrees with what was sent', () => {
      const fewer = noticesFromSearch({ outcomes: [], truncated: true, total: 3, shown: 5, skipped: [], received: 5 });
      expect(fewer.map((n) => n.message).join(' ')).to.not.match(/5 of 3/);
      const more = noticesFromSearch({ outcomes: [], truncated: false, total: 9, shown: 5, skipped: [], received: 5 });
      expect(more.map((n) => n.message).join(' ')).to.contain('The HIE said it found 9 items but sent 5; 4 are not shown.');
    });
  });
});
