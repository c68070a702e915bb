import { emailKey } from '../../src/core/outgoing';

// The outbox skips a key it already holds, so these formats are what "at most once" rests on in every
// community's Outbox sheet: they must not change, or emails already sent would go out again.
describe('an email is keyed by its round, its person, its kind and its occasion', () => {
  test.each([
    [{ kind: 'receipt', orderKey: 'form:R1:2', revision: 3 }, 'R1|form:R1:2|receipt|3'],
    [{ kind: 'reminder', email: 'anna@example.org', hoursBefore: 24 }, 'R1|anna@example.org|reminder|24'],
    [{ kind: 'finalBill', orderKey: 'form:R1:2', close: 1 }, 'R1|form:R1:2|finalBill|1'],
    [{ kind: 'cancelled', orderKey: 'form:R1:2', close: 2 }, 'R1|form:R1:2|cancelled|2'],
    [{ kind: 'cancelled', orderKey: 'form:R1:2', roundCancelled: true }, 'R1|form:R1:2|cancelled|round'],
    [{ kind: 'correction', orderKey: 'form:R1:2', delivery: 'rRICE40' }, 'R1|form:R1:2|correction|rRICE40'],
    [{ kind: 'arrived', orderKey: 'form:R1:2' }, 'R1|form:R1:2|arrived|1'],
    [
      { kind: 'volunteerList', email: 'olga@example.org', place: 'Дом 1', hour: '2026-11-20T09' },
      'R1|olga@example.org|volunteerList|Дом 1|2026-11-20T09',
    ],
  ] as const)('%o → %s', (occasion, key) => {
    expect(emailKey('R1', occasion)).toBe(key);
  });

  test('a second close of a reopened round bills under a new key; the same close does not', () => {
    const bill = (close: number) => emailKey('R1', { kind: 'finalBill', orderKey: 'k', close });
    expect(bill(1)).toBe(bill(1));
    expect(bill(2)).not.toBe(bill(1));
  });
});
