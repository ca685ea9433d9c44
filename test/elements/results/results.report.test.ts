import { expect } from '@open-wc/testing';
import { modelInput, organisation } from '../../support/fixtures.js';
import { isImagingReport, readReport } from '../../../src/elements/results/results.report.js';
import type { JsonRecord } from '../../../src/model/json-guards.js';

const report = (body: Record<string, unknown>): JsonRecord => ({
  resourceType: 'DiagnosticReport',
  id: 'r',
  status: 'final',
  subject: { reference: 'Patient/p1' },
  code: { text: 'Report' },
  ...body,
});
const category = (system: string, code: string) => ({ category: [{ coding: [{ system, code }] }] });

describe('results.report: what a report says beyond its results', () => {
  it('knows an imaging report by its category (v2 RAD and imaging kinds, observation-category imaging) or its LOINC class', () => {
    expect(isImagingReport(report(category('http://terminology.hl7.org/CodeSystem/v2-0074', 'RAD')))).to.equal(true);
    expect(isImagingReport(report(category('http://terminology.hl7.org/CodeSystem/v2-0074', 'CT')))).to.equal(true);
    expect(isImagingReport(report(category('http://terminology.hl7.org/CodeSystem/observation-category', 'imaging')))).to.equal(true);
    expect(isImagingReport(report(category('http://loinc.org', 'LP29684-5')))).to.equal(true);
    expect(isImagingReport(report({ code: { coding: [{ system: 'http://loinc.org', code: '18748-4' }] } }))).to.equal(true);
    expect(isImagingReport(report(category('http://terminology.hl7.org/CodeSystem/v2-0074', 'CH')))).to.equal(false);
    expect(isImagingReport(report(category('https://tenant.example/categories', 'RAD')))).to.equal(false);
    expect(isImagingReport(report({ category: 'RAD' }))).to.equal(false);
  });

  it('names performers and interpreters from included resources or their display, once each', () => {
    const lab = organisation('lab', 'Northgate Pathology', 'acute');
    const input = modelInput([], [lab]);
    const reading = readReport(
      report({
        performer: [{ reference: 'Organization/lab' }, { display: 'Northgate Pathology' }],
        resultsInterpreter: [{ display: 'Dr Ama Mensah, Consultant radiologist' }],
      }),
      input,
    );
    expect(reading.performers).to.deep.equal(['Northgate Pathology', 'Dr Ama Mensah, Consultant radiologist']);
  });

  it('reads presentedForm inline or by address, dropping forms that carry nothing', () => {
    const reading = readReport(
      report({
        presentedForm: [
          { contentType: 'text/html', data: btoa('<p>Report</p>') },
          { contentType: 'application/pdf', url: 'Binary/1', title: 'Signed report' },
          { contentType: 'image/jpeg', url: 'https://pacs.example/key.jpg' },
          { contentType: 'application/pdf' },
          'not an attachment',
        ],
      }),
      modelInput([], []),
    );
    expect(reading.presentedForm.map((a) => [a.kind, a.title ?? a.url ?? 'inline'])).to.deep.equal([
      ['html', 'inline'],
      ['pdf', 'Signed report'],
      ['image', 'https://pacs.example/key.jpg'],
    ]);
  });
});
