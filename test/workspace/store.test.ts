import fc from 'fast-check';
import { KEYS } from '../../src/workspace/properties/keys';
import { readStored, storedEntries } from '../../src/workspace/properties/store';

// https://developers.google.com/apps-script/guides/services/quotas — a property value is at most 9 KB.
const NINE_KB = 9 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('the document-properties store', () => {
  const words = fc.string({ unit: fc.constantFrom('a', 'я', '中', '😀', '"'), maxLength: 400 });
  const lonelyHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  test('any JSON value comes back as written, each stored piece valid text under the 9 KB limit', () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 120 }), (ids) => {
        const stored = storedEntries(KEYS.ledgerRounds, ids);
        for (const v of Object.values(stored)) {
          expect(bytes(v)).toBeLessThanOrEqual(NINE_KB);
          expect(v).not.toMatch(lonelyHalf);
        }
        expect(readStored(stored, KEYS.ledgerRounds)).toEqual(ids);
      }),
    );
  });

  test('an emoji where a chunk ends is kept whole, not split into two invalid halves', () => {
    // The 6 400th character of the JSON is the first half of an emoji: the first cut would fall inside it.
    const names = ['a'.repeat(6397) + '😀'.repeat(1000)];
    const stored = storedEntries(KEYS.ledgerRounds, names);
    expect(Object.keys(stored).length).toBeGreaterThan(2);
    for (const v of Object.values(stored)) expect(v).not.toMatch(lonelyHalf);
    expect(readStored(stored, KEYS.ledgerRounds)).toEqual(names);
  });

  test('names and formats stay as existing spreadsheets hold them', () => {
    expect(storedEntries(KEYS.counters.orders.next, 42)).toEqual({ ordersNextRow: '42' });
    expect(storedEntries(KEYS.orderSpan('R2'), { first: 5, last: 9 })).toEqual({ 'orderSpan:R2': '5,9' });
    expect(storedEntries(KEYS.pending({ sheetId: 7, row: 3 }), 'x')).toEqual({ 'pending:7:3': 'x' });
    expect(storedEntries(KEYS.createdRound('click-1'), 'R3')).toEqual({ 'request:click-1#0': '"R3"', 'request:click-1#n': '1' });
  });

  test('a value never written reads as nothing', () => {
    expect(readStored({}, KEYS.snapshot('R1'))).toBeNull();
    expect(readStored({}, KEYS.lastTick)).toBeNull();
  });
});
