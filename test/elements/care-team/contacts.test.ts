import { expect } from '@open-wc/testing';
import { contactHref, contactsOf, mergeContacts } from '../../../src/model/contacts.js';

const NOW = new Date('2026-11-27T14:00:00Z');

describe('contactHref', () => {
  it('builds tel: links from numbers as people write them', () => {
    expect(contactHref('phone', '020 7946 0101')).to.equal('tel:02079460101');
    expect(contactHref('phone', '+44 (0)20 7946-0101')).to.equal('tel:+442079460101');
    expect(contactHref('phone', '(020) 7946 0101')).to.equal('tel:02079460101');
    expect(contactHref('phone', 'tel:07700 900123')).to.equal('tel:07700900123');
    expect(contactHref('phone', '999')).to.equal('tel:999');
  });

  it('builds mailto: links only from plain addresses', () => {
    expect(contactHref('email', 'reception@riverside-medical.example')).to.equal('mailto:reception@riverside-medical.example');
    expect(contactHref('email', 'MAILTO:a.b@c.example')).to.equal('mailto:a.b@c.example');
    expect(contactHref('email', 'a@b')).to.equal(undefined);
    expect(contactHref('email', 'a@b.example?subject=x')).to.equal(undefined);
    expect(contactHref('email', 'name <a@b.example>')).to.equal(undefined);
  });

  it('links web addresses only when they are http or https', () => {
    expect(contactHref('url', 'https://riverside-medical.example')).to.equal('https://riverside-medical.example/');
    expect(contactHref('url', 'http://example.org/a?b=c')).to.equal('http://example.org/a?b=c');
    expect(contactHref('url', 'www.example.org')).to.equal(undefined);
    expect(contactHref('url', 'ftp://example.org')).to.equal(undefined);
  });

  it('never links javascript:, data:, vbscript: or anything unchecked, whatever the system says', () => {
    const hostile = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'tel:javascript:alert(1)',
      'mailto:javascript:alert(1)',
    ];
    for (const system of ['phone', 'email', 'url', 'sms', 'fax', 'pager', 'other', undefined]) {
      for (const value of hostile) expect(contactHref(system, value), `${system} ${value}`).to.equal(undefined);
    }
    expect(contactHref('fax', '020 7946 0101'), 'fax numbers are not dialled').to.equal(undefined);
    expect(contactHref(undefined, '020 7946 0101'), 'no system: no guess').to.equal(undefined);
  });
});

describe('contactsOf', () => {
  it('reads ContactPoints in rank order, labels them and marks ended ones', () => {
    const contacts = contactsOf(
      [
        { system: 'email', value: 'x@y.example', rank: 2 },
        { system: 'phone', value: '020 7946 0101', use: 'work', rank: 1 },
        { system: 'fax', value: '020 7946 0109', period: { end: '2020-01-01' } },
        { system: 'phone', value: '   ' },
        { system: 'sms', value: '07700 900123', period: { end: '2026-11-27' } },
        { value: 'ring the bell' },
      ],
      NOW,
    );
    expect(contacts.map((c) => [c.label, c.value, c.use, c.href, c.ended])).to.deep.equal([
      ['Phone', '020 7946 0101', 'work', 'tel:02079460101', false],
      ['Email', 'x@y.example', undefined, 'mailto:x@y.example', false],
      ['Fax', '020 7946 0109', undefined, undefined, true],
      ['Text message', '07700 900123', undefined, undefined, false],
      ['Contact', 'ring the bell', undefined, undefined, false],
    ]);
  });

  it('never throws on malformed telecom', () => {
    for (const telecom of [undefined, null, 'x', 5, [null, 'x', { value: 5 }, { system: 5, value: 'a' }], { system: 'phone', value: '1234' }]) {
      expect(() => contactsOf(telecom, NOW)).to.not.throw();
    }
    expect(contactsOf({ system: 'phone', value: '1234' }, NOW)).to.have.length(1);
    expect(contactsOf([{ system: { x: 1 }, value: 'a' }], NOW)[0]?.label).to.equal('Contact');
  });

  it('merges lists without repeating the same contact', () => {
    const a = contactsOf([{ system: 'phone', value: '020 7946 0101' }], NOW);
    const b = contactsOf([{ system: 'phone', value: '020 7946 0101' }, { system: 'email', value: 'A@b.example' }], NOW);
    const c = contactsOf([{ system: 'email', value: 'a@b.example' }], NOW);
    expect(mergeContacts(a, b, c).map((x) => x.value)).to.deep.equal(['020 7946 0101', 'A@b.example']);
  });
});
