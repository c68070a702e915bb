import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import {
  CODE_MARK,
  codeMatches,
  complaintChoice,
  complaintCode,
  personalLink,
  readComplaintCode,
} from '../../src/core/complaints';
import { item } from './fixtures';

/**
 * The code in a resident's complaint link (core/complaints.ts): it names the round and the person's order
 * only through a signature made with the community's secret, so a code changed by hand, or one made up for
 * a neighbour, does not verify; and it survives the link's URL-encoding unchanged.
 */
const signWith = (secret: string) => (text: string) =>
  createHmac('sha256', secret).update(text, 'utf8').digest('base64url').slice(0, 16);
const sign = signWith('community-secret');

describe('the signed code in a complaint link', () => {
  test('a code made for an order verifies for that order and no other', () => {
    const code = readComplaintCode(complaintCode('R3', 'form:R3:7', sign))!;
    expect(code.roundId).toBe('R3');
    expect(codeMatches(code, 'form:R3:7', sign)).toBe(true);
    expect(codeMatches(code, 'form:R3:8', sign)).toBe(false);
    // The same code under another community's secret is refused.
    expect(codeMatches(code, 'form:R3:7', signWith('another-secret'))).toBe(false);
  });

  test('any changed character of the signature, or another round, is refused', () => {
    const text = complaintCode('R3', 'chat:R3:王芳', sign);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.constantFrom('A', 'z', '0', '-'), (at, ch) => {
        const [round, person, signature] = text.split('.');
        const changed = signature.slice(0, at) + ch + signature.slice(at + 1);
        fc.pre(changed !== signature);
        const code = readComplaintCode(`${round}.${person}.${changed}`)!;
        expect(codeMatches(code, 'chat:R3:王芳', sign)).toBe(false);
      }),
    );
    const otherRound = readComplaintCode(text.replace(/^R3\./, 'R4.'))!;
    expect(codeMatches(otherRound, 'chat:R3:王芳', sign)).toBe(false);
  });

  test('what is not shaped like a code is not read as one', () => {
    for (const typed of ['', 'anna@example.org', 'R1..abc', 'R1.abc.short', '=IMPORTDATA("x").a.bbbbbbbbbbbbbbbb'])
      expect(readComplaintCode(typed)).toBeNull();
  });

  test('the code goes into the round’s link unchanged: no character URL-encoding would touch', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (orderKey) => {
        const code = complaintCode('R12', orderKey, sign);
        expect(encodeURIComponent(code)).toBe(code);
        const url = `https://docs.google.com/forms/d/e/x/viewform?usp=pp_url&entry.1=${CODE_MARK}`;
        expect(personalLink(url, code)).toBe(`https://docs.google.com/forms/d/e/x/viewform?usp=pp_url&entry.1=${code}`);
      }),
    );
  });
});

describe('items in the complaint form’s list', () => {
  test('named in the form’s language first, then each other name once', () => {
    const eggs = item('EGGS', { name: { default: 'Яйца', 'zh-CN': '鸡蛋', en: 'Eggs' } });
    expect(complaintChoice(eggs, 'ru')).toBe('Яйца · 鸡蛋 · Eggs');
    expect(complaintChoice(eggs, 'zh-CN')).toBe('鸡蛋 · Яйца · Eggs');
    expect(complaintChoice(item('RICE', { name: { default: 'Rice', en: 'Rice' } }), 'en')).toBe('Rice');
  });
});
