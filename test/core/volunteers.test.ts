import fc from 'fast-check';
import { AccessSources, editorsOf, memberRefusal, accessOf } from '../../src/core/access';
import { entryGroups, matchItem, paidFromTab, reconcileTicks, tabRequestId, EntryRow } from '../../src/core/buildingTab';
import { renderEmail } from '../../src/core/emails';
import { JournalEntry, account } from '../../src/core/ledger';
import { recentTwinOrder, recentTwinPayment, REPEAT_WINDOW_MS } from '../../src/core/repeats';
import { quantityText, unitName } from '../../src/core/units';
import { CatalogItem } from '../../src/core/catalog';

const sources: AccessSources = {
  owners: ['Owner@example.org', 'installer@example.org'],
  volunteers: [
    { email: 'olga@example.org', role: 'volunteer', building: 'Дом 1' },
    { email: 'petr@example.org', role: 'volunteer', building: 'Дом 2' },
    { email: 'irina@example.org', role: 'finance', building: '' },
    { email: 'ivan@example.org', role: 'coordinator', building: '' },
    { email: 'typo@example.org', role: null, building: 'Дом 1' },
  ],
};

describe('who may edit which sheet by hand', () => {
  test("coordinators' sheets: the owners and the coordinators only", () => {
    expect(editorsOf('coordinators', sources)).toEqual(['installer@example.org', 'ivan@example.org', 'owner@example.org']);
  });

  test('the sheets the add-on writes for everyone with a role; a row whose role cannot be read is nobody', () => {
    expect(editorsOf('team', sources)).toEqual([
      'installer@example.org',
      'irina@example.org',
      'ivan@example.org',
      'olga@example.org',
      'owner@example.org',
      'petr@example.org',
    ]);
  });

  test("a building's tab: its own volunteers, the treasurer, the coordinators — whatever the case of the name", () => {
    expect(editorsOf({ building: 'дом 1' }, sources)).toEqual([
      'installer@example.org',
      'irina@example.org',
      'ivan@example.org',
      'olga@example.org',
      'owner@example.org',
    ]);
  });

  test('screens every member may open refuse only those with no role', () => {
    expect(memberRefusal(accessOf('olga@example.org', sources))).toBeNull();
    expect(memberRefusal(accessOf('x@example.org', sources))).toBe('access.stranger');
    expect(memberRefusal(accessOf('', sources))).toBe('access.unknownUser');
  });
});

describe('units in the reader’s language', () => {
  test('known units in any of the three languages, with or without the dot; others as typed', () => {
    expect(unitName('кг', 'zh-CN')).toBe('公斤');
    expect(unitName('бут', 'en')).toBe('bottle');
    expect(unitName('袋', 'ru')).toBe('меш.');
    expect(unitName('Kg', 'ru')).toBe('кг');
    expect(unitName('лоток', 'zh-CN')).toBe('板');
    expect(unitName('порция', 'zh-CN')).toBe('порция');
  });

  test('Chinese joins number and unit; Russian and English keep them together with a non-breaking space; English counts', () => {
    expect(quantityText(2.5, '2.5', 'кг', 'zh-CN')).toBe('2.5公斤');
    expect(quantityText(2.5, '2,5', 'кг', 'ru')).toBe('2,5\u00a0кг');
    expect(quantityText(1, '1', 'бут.', 'en')).toBe('1\u00a0bottle');
    expect(quantityText(6, '6', 'бут.', 'en')).toBe('6\u00a0bottles');
  });
});

describe('the tab is a view of the books: what a row shows is recorded once', () => {
  const entry = (e: Partial<JournalEntry>): JournalEntry => ({
    at: 0,
    roundId: 'R1',
    orderKey: 'k',
    identity: 'x',
    kind: 'payment',
    amountMinor: 0,
    method: '',
    recordedBy: '',
    note: '',
    requestId: '',
    ...e,
  });

  test('ticking picked up records a pickup; ticking it again records nothing', () => {
    const fresh = account('k', 450_00, []);
    expect(reconcileTicks({ pickedUp: true, paid: false }, fresh, 0).record).toEqual([{ kind: 'pickup', amountMinor: 0 }]);
    const picked = account('k', 450_00, [entry({ kind: 'pickup' })]);
    expect(reconcileTicks({ pickedUp: true, paid: false }, picked, 0).record).toEqual([]);
  });

  test('"paid" records what is still owed, and unticking takes back only what the tab recorded', () => {
    const partly = account('k', 450_00, [entry({ kind: 'payment', amountMinor: 100_00, requestId: 'sidebar' })]);
    expect(reconcileTicks({ pickedUp: false, paid: true }, partly, 0).record).toEqual([{ kind: 'payment', amountMinor: 350_00 }]);
    const paid = [
      entry({ amountMinor: 100_00, requestId: 'sidebar' }),
      entry({ amountMinor: 350_00, requestId: 'tab:R1:k:payment:1' }),
    ];
    expect(paidFromTab('k', paid)).toBe(350_00);
    const outcome = reconcileTicks({ pickedUp: false, paid: false }, account('k', 450_00, paid), paidFromTab('k', paid));
    expect(outcome).toEqual({ record: [{ kind: 'refund', amountMinor: 350_00 }], paidElsewhere: false });
  });

  test('unticking money the tab never recorded is refused, never a refund', () => {
    const byTransfer = account('k', 450_00, [entry({ amountMinor: 450_00, requestId: 'bank' })]);
    expect(reconcileTicks({ pickedUp: false, paid: false }, byTransfer, 0)).toEqual({ record: [], paidElsewhere: true });
  });

  test('whatever the order and number of identical ticks, the books end where the row is (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ pickedUp: fc.boolean(), paid: fc.boolean() }), { maxLength: 12 }), (shown) => {
        const journal: JournalEntry[] = [];
        for (const ticks of shown) {
          for (let twice = 0; twice < 2; twice++) {
            const acc = account('k', 450_00, journal);
            const { record } = reconcileTicks(ticks, acc, paidFromTab('k', journal));
            for (const r of record)
              journal.push(
                entry({ kind: r.kind, amountMinor: r.amountMinor, requestId: tabRequestId('R1', 'k', r.kind, journal) }),
              );
          }
          const after = account('k', 450_00, journal);
          if (after.pickedUp !== ticks.pickedUp || after.balanceMinor <= 0 !== ticks.paid) return false;
        }
        return new Set(journal.map((e) => e.requestId)).size === journal.length;
      }),
    );
  });
});

describe("a neighbour's order on the phone: flat and name once, then one item a row", () => {
  const row = (r: number, e: Partial<EntryRow>): EntryRow => ({
    row: r,
    flat: '',
    name: '',
    item: '',
    quantity: '',
    phone: '',
    note: '',
    orderKey: '',
    ...e,
  });

  test('rows under a name belong to it; a blank row ends it', () => {
    const groups = entryGroups([
      row(5, { flat: '12', name: 'Клавдия', item: 'Рис', quantity: '2' }),
      row(6, { item: 'Мука', quantity: '1', phone: '+7 900' }),
      row(7, {}),
      row(8, { item: 'Яйца', quantity: '1' }),
      row(9, { name: 'Зина', orderKey: 'offline:R2:1' }),
    ]);
    expect(groups.map((g) => [g.name, g.phone, g.orderKey, g.lines.map((l) => `${l.item}×${l.quantity}@${l.row}`)])).toEqual([
      ['Клавдия', '+7 900', '', ['Рис×2@5', 'Мука×1@6']],
      ['', '', '', ['Яйца×1@8']],
      ['Зина', '', 'offline:R2:1', []],
    ]);
  });

  test('an item is found by its name in any language or its code, not by a guess', () => {
    const rice = { id: 'RICE', name: { default: 'Рис', 'zh-CN': '大米', en: 'Rice' } } as CatalogItem;
    expect(matchItem(' рис ', [rice])).toBe(rice);
    expect(matchItem('大米', [rice])).toBe(rice);
    expect(matchItem('rice', [rice])).toBe(rice);
    expect(matchItem('Рис длинный', [rice])).toBeNull();
  });
});

describe('no silent doubles', () => {
  const now = 1_000_000_000;
  test('the same order for the same person within minutes is a twin; later, or different, it is not', () => {
    const lines = [{ itemId: 'EGGS', steps: 1, extraSteps: 0 }];
    const earlier = { key: 'k1', identity: 'person:нина|дом 1|4', lines, submittedAt: now - 60_000 };
    expect(recentTwinOrder({ identity: earlier.identity, lines }, [earlier], now)).toBe(earlier);
    expect(
      recentTwinOrder({ identity: earlier.identity, lines }, [{ ...earlier, submittedAt: now - REPEAT_WINDOW_MS - 1 }], now),
    ).toBeNull();
    expect(recentTwinOrder({ identity: earlier.identity, lines: [{ ...lines[0], steps: 2 }] }, [earlier], now)).toBeNull();
  });

  test('the same payment from the same person within minutes is a twin', () => {
    const paid = { at: now - 120_000, roundId: 'R1', orderKey: 'k', kind: 'payment' as const, amountMinor: 100 };
    const journal = [paid as JournalEntry];
    expect(recentTwinPayment({ roundId: 'R1', orderKey: 'k', kind: 'payment', amountMinor: 100 }, journal, now)).toBe(paid);
    expect(recentTwinPayment({ roundId: 'R1', orderKey: 'k', kind: 'payment', amountMinor: 50 }, journal, now)).toBeNull();
  });
});

describe("the volunteer's list by email", () => {
  const facts = {
    title: '十一月',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    deadline: Date.UTC(2026, 10, 25, 10),
    pickupTime: '周六 20:00',
    pickupPlace: '3号楼门口',
    paymentInstructions: '',
  };
  const list = renderEmail(
    {
      kind: 'volunteerList',
      name: '王老师',
      place: '3号楼',
      residents: [
        {
          name: '<b>李奶奶</b>',
          flat: '301',
          phone: '139',
          items: ['大米 2.5公斤', '鸡蛋 1盒（10个）'],
          dueMinor: 8850,
          paid: false,
          hasEmail: false,
        },
        { name: '张伟', flat: '502', phone: '', items: ['大米 5公斤'], dueMinor: 0, paid: true, hasEmail: true },
      ],
    },
    facts,
    'zh-CN',
  );

  test('one card per resident, no table, nothing wider than a phone', () => {
    expect(list.html).not.toMatch(/<table/);
    expect((list.html.match(/max-width:340px/g) ?? []).length).toBe(2);
    for (const width of list.html.match(/(?:max-)?width:\s*(\d+)px/g) ?? [])
      expect(Number(/\d+/.exec(width)![0])).toBeLessThanOrEqual(390);
    expect(list.html).toContain('&lt;b&gt;李奶奶&lt;/b&gt;');
  });

  test('in the volunteer’s language, with the pickup time and place, each item on its own line', () => {
    expect(list.text).toContain('自提：周六 20:00，3号楼门口。');
    expect(list.text).toContain('  商品：大米 2.5公斤\n    鸡蛋 1盒（10个）');
    expect(list.text).toContain('• 张伟 — ✓');
    expect(list.text).toContain('  应付：已付清');
  });
});
