import fc from 'fast-check';
import { CatalogItem } from '../../src/core/catalog';
import { complaintSteps, complaintValue, decisionEntries, repeatedComplaints, Complaint } from '../../src/core/complaints';
import { JournalEntry, account, availableCredit, communityLedger, roundLedger } from '../../src/core/ledger';
import { describeChange, nextDeadline, priceChanges } from '../../src/core/roundLike';
import { describeInterest, pollQuantity, tallyPoll } from '../../src/core/poll';
import { fromWallTime, wallTime } from '../../src/core/time';

const item = (id: string, priceMinor: number, extra: Partial<CatalogItem> = {}): CatalogItem => ({
  id,
  name: { default: id === 'EGGS' ? 'Яйца' : id, 'zh-CN': id === 'EGGS' ? '鸡蛋' : undefined },
  unit: 'дес.',
  priceMinor,
  stepMilli: 1000,
  boxSteps: 1,
  minimumSteps: 0,
  limitSteps: null,
  stockSteps: null,
  retailMinor: null,
  supplier: '',
  supplierCode: '',
  ...extra,
});

describe('a round like an earlier one: the next stop', () => {
  test('the same weekday and time on the spreadsheet’s clock, across the autumn clock change (Berlin)', () => {
    const tz = 'Europe/Berlin';
    // Tuesday 20 October 2026, 20:00 summer time (UTC+2); a week later Berlin is on UTC+1.
    const previous = fromWallTime(tz, 2026, 10, 20, 20, 0);
    const next = nextDeadline(previous, Date.UTC(2026, 9, 27, 10, 0), tz);
    expect(new Date(next).toISOString()).toBe('2026-10-27T19:00:00.000Z');
    expect(wallTime(next, tz)).toMatchObject({ weekday: 2, hour: 20, minute: 0 });
  });

  test('today’s stop already passed: the same time a week on', () => {
    const tz = 'Europe/Moscow';
    const previous = fromWallTime(tz, 2026, 11, 17, 18, 30); // a Tuesday
    const now = fromWallTime(tz, 2026, 11, 24, 19, 0); // the next Tuesday, after 18:30
    expect(wallTime(nextDeadline(previous, now, tz), tz)).toMatchObject({ year: 2026, month: 12, day: 1, hour: 18, minute: 30 });
  });

  test('always after now, within a week, at the earlier weekday and time (any zone)', () => {
    const zones = ['Europe/Moscow', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 0, max: 60 * 86_400_000 }),
        (tz, previous, later) => {
          const now = previous + later;
          const next = nextDeadline(previous, now, tz);
          const was = wallTime(previous, tz);
          const is = wallTime(next, tz);
          return next > now && next - now <= 8 * 86_400_000 && is.weekday === was.weekday && is.minute === was.minute;
        },
      ),
    );
  });
});

describe('a round like an earlier one: what changed in the Catalog', () => {
  const before = new Map([
    ['EGGS', item('EGGS', 11000)],
    ['OIL', item('OIL', 18000)],
    ['RICE', item('RICE', 9550)],
  ]);
  const now = new Map([
    ['EGGS', item('EGGS', 12500)],
    ['RICE', item('RICE', 9000)],
  ]);

  test('dearer, cheaper and gone, in the coordinator’s language; unchanged items are not listed', () => {
    const changes = priceChanges(['EGGS', 'OIL', 'RICE'], before, now, 'ru');
    expect(changes.map((c) => describeChange(c, 'RUB', 'ru'))).toEqual([
      'Яйца: было 110,00\u00a0₽, стало 125,00\u00a0₽ (дороже).',
      'Товара «OIL» больше нет в каталоге: в новую закупку он не войдёт.',
      'RICE: было 95,50\u00a0₽, стало 90,00\u00a0₽ (дешевле).',
    ]);
    const [zh] = priceChanges(['EGGS'], before, now, 'zh-CN');
    expect(describeChange(zh, 'RUB', 'zh-CN')).toBe('鸡蛋：原价₽110.00，现价₽125.00（涨价）。');
    expect(priceChanges(['RICE'], new Map([['RICE', item('RICE', 9000)]]), now, 'en')).toEqual([]);
  });
});

describe('complaints about quality', () => {
  const eggs = item('EGGS', 11000);

  test('the quantity is what the person got at most, typed as people type it', () => {
    expect(complaintSteps('1', eggs, 2, 'ru')).toEqual({ ok: true, steps: 1 });
    expect(complaintSteps('3', eggs, 2, 'ru')).toEqual({
      ok: false,
      message: 'Количество «3»: укажите число больше 0 и не больше 2.',
    });
    expect(complaintSteps('два', eggs, 2, 'en')).toMatchObject({ ok: false });
    expect(complaintSteps('0', eggs, 2, 'zh-CN')).toEqual({ ok: false, message: '数量“0”：请填写大于0且不超过2的数。' });
    const rice = item('RICE', 9550, { stepMilli: 500 });
    expect(complaintSteps('1,5', rice, 5, 'ru')).toEqual({ ok: true, steps: 3 });
    expect(complaintValue(rice, 3)).toBe(14325);
  });

  const entries = (decision: 'credit' | 'refund', amount: number): JournalEntry[] =>
    decisionEntries({ id: 'C1' }, decision, amount).map((e) => ({
      ...e,
      at: 2,
      roundId: 'R1',
      orderKey: 'k',
      identity: 'email:a@x',
      method: '',
      recordedBy: '',
      note: '',
    }));
  const paid: JournalEntry = {
    at: 1,
    roundId: 'R1',
    orderKey: 'k',
    identity: 'email:a@x',
    kind: 'payment',
    amountMinor: 30000,
    method: '',
    recordedBy: '',
    note: '',
    requestId: 'p',
  };
  const totals = { goodsMinor: 30000, deliveryMinor: 0, feeMinor: 0, totalMinor: 30000, savingMinor: 0 };

  test('credit: the paid bill stays square, the amount becomes credit, and the books still add up', () => {
    const journal = [paid, ...entries('credit', 11000)];
    const acc = account('k', 30000, journal);
    expect([acc.balanceMinor, acc.allowanceMinor]).toEqual([0, 11000]);
    expect(availableCredit('email:a@x', journal)).toBe(11000);
    const ledger = roundLedger(totals, [acc], journal);
    const community = communityLedger([ledger]);
    expect(ledger.balanceMinor).toBe(30000 - 11000);
    expect(community.creditHeldMinor).toBe(11000);
    expect(community.roundsBalanceMinor + community.creditHeldMinor).toBe(community.cashOnHandMinor);
  });

  test('refund: the bill is reduced by what is given back; the cash is less by it', () => {
    const journal = [paid, ...entries('refund', 11000)];
    const acc = account('k', 30000, journal);
    expect(acc.balanceMinor).toBe(0);
    const community = communityLedger([roundLedger(totals, [acc], journal)]);
    expect(community.cashOnHandMinor).toBe(19000);
    expect(community.roundsBalanceMinor + community.creditHeldMinor).toBe(community.cashOnHandMinor);
    expect(availableCredit('email:a@x', journal)).toBe(0);
  });

  test('a replacement or a rejection writes no money', () => {
    expect(decisionEntries({ id: 'C1' }, 'replace', 11000)).toEqual([]);
    expect(decisionEntries({ id: 'C1' }, 'reject', 11000)).toEqual([]);
  });

  test('an item complained about twice is named, a rejected complaint does not count', () => {
    const c = (id: string, itemId: string, decision: Complaint['decision']): Complaint => ({
      id,
      at: 0,
      roundId: 'R1',
      orderKey: id,
      name: id,
      itemId,
      quantity: 1,
      note: '',
      enteredBy: '',
      decision,
      amountMinor: 0,
      reason: '',
      decidedBy: '',
    });
    const all = [c('1', 'EGGS', 'credit'), c('2', 'EGGS', null), c('3', 'OIL', 'reject'), c('4', 'OIL', 'refund')];
    expect(repeatedComplaints(all, ['EGGS', 'OIL'])).toEqual([{ itemId: 'EGGS', count: 2 }]);
    expect(repeatedComplaints(all, ['OIL'])).toEqual([]);
  });
});

describe('needs poll', () => {
  const items = [
    { id: 'RICE', name: 'Рис', unit: 'кг', box: 25, inCatalog: true },
    { id: 'new:1', name: 'Мёд', unit: 'кг', box: 1, inCatalog: false },
  ];

  test('answers are read as people type them; words, negatives and exponents count for nothing', () => {
    expect(['2', '1,5', ' 3 ', '', 'два', '-1', '1e9', '0'].map(pollQuantity)).toEqual([2, 1.5, 3, 0, 0, 0, 0, 0]);
  });

  test('one answer per person (the last), interest per item with boxes, most wanted first', () => {
    const tally = tallyPoll(items, [
      { who: 'Анна', quantities: { RICE: '30', 'new:1': '1' } },
      { who: 'анна ', quantities: { RICE: '20' } },
      { who: 'Борис', quantities: { RICE: '10', 'new:1': '2' } },
    ]);
    expect(tally.map((i) => [i.itemId, i.people, i.quantity, i.boxes, i.toNextBox])).toEqual([
      ['RICE', 2, 30, 1, 20],
      ['new:1', 1, 2, 0, 0],
    ]);
    expect(describeInterest(tally[0], 'zh-CN')).toBe('Рис：共30кг，2人想要。可装满1箱，再要20кг可多凑一箱。');
  });
});
