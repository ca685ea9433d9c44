import { expect } from '@open-wc/testing';
import { recordReason, sharedReason, type PodOutcome } from '../../../src/elements/care-record/shared-reason.js';

describe('one reason, said once (sharedReason)', () => {
  it('reads record-level reasons from the error, and leaves a pod\'s own failures to the pod', () => {
    expect(recordReason({ kind: 'http', status: 403 })).to.equal('forbidden');
    expect(recordReason({ kind: 'http', status: 401 })).to.equal('unauthorized');
    expect(recordReason({ kind: 'network', status: undefined })).to.equal('unreachable');
    expect(recordReason({ kind: 'timeout', status: undefined })).to.equal('unreachable');
    expect(recordReason({ kind: 'http', status: 503 })).to.equal('unreachable');
    expect(recordReason({ kind: 'http', status: 404 })).to.equal(undefined);
    expect(recordReason({ kind: 'invalid-response', status: 200 })).to.equal(undefined);
  });

  const fail = (reason: PodOutcome): PodOutcome => reason;
  const forbidden = fail({ reason: 'forbidden', message: 'The patient has objected' });

  it('is said once only when every pod on screen failed, for the reason at least two share', () => {
    const pods = ['medications', 'allergies', 'problems'];
    const all = new Map(pods.map((p) => [p, forbidden]));
    const shared = sharedReason(pods, all)!;
    expect(shared.reason).to.equal('forbidden');
    expect(shared.message).to.equal('The patient has objected');
    expect([...shared.pods]).to.deep.equal(pods);
    expect(sharedReason(pods, new Map(all).set('problems', 'ok')), 'one pod loaded').to.equal(undefined);
    expect(sharedReason(pods, new Map([...all].slice(0, 2))), 'one pod not answered yet').to.equal(undefined);
    const differs = sharedReason(pods, new Map(all).set('problems', { reason: undefined, message: 'bad answer' }))!;
    expect([...differs.pods], 'the pod with its own failure is not pointed to the record\'s message').to.deep.equal(['medications', 'allergies']);
    const split = new Map<string, PodOutcome>([
      ['medications', forbidden],
      ['allergies', { reason: 'unreachable', message: '' }],
    ]);
    expect(sharedReason(['medications', 'allergies'], split), 'no reason shared by two').to.equal(undefined);
    expect(sharedReason(['medications'], all), 'a single pod says its own').to.equal(undefined);
  });
});
