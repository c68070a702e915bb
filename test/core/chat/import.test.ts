import {
  ConfirmedOrder,
  ImportedPerson,
  PersonRef,
  applyImport,
  comparePeople,
  identityOf,
  parseFingerprint,
  personFingerprint,
  planImport,
  readChat,
  sureOrders,
} from '../../../src/core/chat';
import { BUILDINGS, chatCatalog } from '../chat-corpus/catalog';
import { loadCorpus } from './corpus';

const who = (name: string, building: string | null = null, flat = '', phone = ''): PersonRef => ({ name, building, flat, phone });
const same = (a: PersonRef, b: PersonRef) => comparePeople(identityOf(a), identityOf(b));

describe('who is who across pastes', () => {
  test('the same person written with spaces, full-width letters or another case is one person', () => {
    expect(same(who('王 阿姨', '3号楼', '502'), who('王阿姨', '3号楼', '５０２'))).toBe('same');
    expect(same(who('ＡＮＮＡ'), who('anna'))).toBe('same');
    expect(same(who('Ивaнова'), who('Иванова'))).toBe('same'); // a Latin "a" typed inside the Cyrillic name
    expect(same(who('Соловьёва'), who('соловьева'))).toBe('same');
  });

  test('+7 916… and 8 916… are one phone, and so one person', () => {
    expect(same(who('Белова', null, '', '+7 916 123-45-67'), who('', null, '', '89161234567'))).toBe('same');
  });

  test('a name finds the household it belongs to; a building alone identifies no one', () => {
    expect(same(who('王阿姨'), who('王阿姨', '3号楼', '502'))).toBe('same');
    expect(same(who('', '3号楼', '502'), who('王阿姨', '3号楼', '502'))).toBe('same');
    expect(same(who('', '3号楼'), who('李', '3号楼'))).toBe('different');
    expect(same(who('王阿姨', '3号楼', '502'), who('王阿姨', '5号楼', '502'))).toBe('different');
  });

  test('one flat under two names is for a person to decide', () => {
    expect(same(who('王阿姨', '3号楼', '502'), who('王叔叔', '3号楼', '502'))).toBe('sameFlatOtherName');
  });

  test('a fingerprint is plain letters and digits and reads back; a damaged one matches no one', () => {
    const fp = personFingerprint(who('Рисовая Анна', 'Дом 1', '3', '+7 916 123-45-67'));
    expect(fp).toBe('b=дом1|f=3|n=рисоваяанна|p=9161234567');
    expect(parseFingerprint(fp)).toEqual(identityOf(who('Рисовая Анна', 'Дом 1', '3', '+7 916 123-45-67')));
    expect(comparePeople(parseFingerprint('=IMPORTDATA("x")'), identityOf(who('Anna')))).toBe('different');
  });
});

const order = (
  lineNo: number,
  person: PersonRef,
  items: [string, number][],
  mode: 'whole' | 'partial' = 'whole',
): ConfirmedOrder => ({
  lineNo,
  person,
  mode,
  items: items.map(([itemId, steps]) => ({ itemId, steps })),
});

describe('planning an import against what was recorded', () => {
  const first = [
    order(1, who('王阿姨', '3号楼', '502'), [
      ['RICE', 2],
      ['EGGS', 1],
    ]),
    order(2, who('李老师', '3号楼', '301'), [['RICE', 1]]),
  ];
  const recorded = applyImport([], planImport([], first));

  test('the first paste is all new people', () => {
    const plan = planImport([], first);
    expect(plan.changes.map((c) => [c.kind, c.person.name, c.after])).toEqual([
      [
        'new',
        '王阿姨',
        [
          { itemId: 'EGGS', steps: 1 },
          { itemId: 'RICE', steps: 2 },
        ],
      ],
      ['new', '李老师', [{ itemId: 'RICE', steps: 1 }]],
    ]);
    expect(recorded.map((r) => r.key)).toEqual(plan.changes.map((c) => c.key));
  });

  test('a repost with one line edited changes only that person', () => {
    const repost = [
      order(1, who('王阿姨', '3号楼', '502'), [
        ['RICE', 3],
        ['EGGS', 1],
      ]),
      order(2, who('李老师', '3号楼', '301'), [['RICE', 1]]),
    ];
    const plan = planImport(recorded, repost);
    expect(plan.changes.map((c) => [c.kind, c.person.name, c.before, c.after])).toEqual([
      [
        'changed',
        '王阿姨',
        recorded[0].lines,
        [
          { itemId: 'EGGS', steps: 1 },
          { itemId: 'RICE', steps: 3 },
        ],
      ],
    ]);
    expect(plan.unchanged.map((u) => u.key)).toEqual([recorded[1].key]);
  });

  test('"3号楼502 大米改成3" sets the rice and keeps the eggs', () => {
    const plan = planImport(recorded, [order(7, who('', '3号楼', '502'), [['RICE', 3]], 'partial')]);
    expect(plan.changes.map((c) => [c.key, c.after])).toEqual([
      [
        recorded[0].key,
        [
          { itemId: 'EGGS', steps: 1 },
          { itemId: 'RICE', steps: 3 },
        ],
      ],
    ]);
  });

  test('"3号楼502 鸡蛋不要了" removes the eggs and keeps the rice', () => {
    const plan = planImport(recorded, [order(8, who('', '3号楼', '502'), [['EGGS', 0]], 'partial')]);
    expect(plan.changes.map((c) => [c.kind, c.after, c.lineNos])).toEqual([['changed', [{ itemId: 'RICE', steps: 2 }], [8]]]);
  });

  test('a whole-order cancellation is a cancellation', () => {
    const plan = planImport(recorded, [order(9, who('李老师', '3号楼', '301'), [])]);
    expect(plan.changes.map((c) => [c.kind, c.after])).toEqual([['cancelled', []]]);
  });

  test('a newcomer who only cancels has nothing to import', () => {
    expect(planImport(recorded, [order(9, who('赵', '1号楼', '101'), [])]).changes).toEqual([]);
  });

  test("one flat under another name is another person, never a change to the first one's order; a note asks", () => {
    const plan = planImport(recorded, [order(3, who('王叔叔', '3号楼', '502'), [['OIL', 1]], 'whole')]);
    expect(plan.changes.map((c) => [c.kind, c.key === recorded[0].key, c.person.name])).toEqual([['new', false, '王叔叔']]);
    expect(plan.changes[0].reasons.map((r) => r.key)).toEqual(['chat.reason.sameFlatOtherName']);
    expect(plan.changes[0].reasons[0].value).toMatch(/王阿姨/);
  });

  test('a name that fits two recorded people is left for a person to resolve', () => {
    const two = applyImport(
      [],
      planImport(
        [],
        [order(1, who('王阿姨', '3号楼', '502'), [['RICE', 1]]), order(2, who('王阿姨', '5号楼', '101'), [['RICE', 1]])],
      ),
    );
    const plan = planImport(two, [order(5, who('王阿姨'), [['RICE', 4]], 'partial')]);
    expect(plan.changes).toEqual([]);
    expect(plan.unresolved).toEqual([{ lineNo: 5, reasons: [{ key: 'chat.reason.personAmbiguous', value: '王阿姨' }] }]);
  });

  test('a person first known by name keeps their key when the building and flat are learnt', () => {
    const byName = applyImport([], planImport([], [order(1, who('Иванова'), [['RICE', 2]], 'partial')]));
    const learnt = planImport(byName, [order(1, who('Иванова', 'Дом 1', '45'), [['RICE', 2]], 'partial')]);
    expect(learnt.changes).toEqual([]);
    const next = applyImport(byName, learnt);
    expect(next[0]).toEqual({ key: byName[0].key, fingerprint: 'b=дом1|f=45|n=иванова|p=', lines: byName[0].lines });
    // Now a line with only the flat finds her.
    const byFlat = planImport(next, [order(2, who('', 'Дом 1', '45'), [['RICE', 3]], 'partial')]);
    expect(byFlat.changes.map((c) => c.key)).toEqual([byName[0].key]);
  });

  test('confirming only some changes records only those', () => {
    const plan = planImport([], first);
    const kept: ImportedPerson[] = applyImport([], { ...plan, changes: plan.changes.slice(1) });
    expect(kept.map((k) => k.key)).toEqual([plan.changes[1].key]);
    expect(planImport(kept, first).changes.map((c) => c.person.name)).toEqual(['王阿姨']);
  });
});

describe('a whole chat pasted twice', () => {
  test.each(['zh-CN', 'ru', 'en'] as const)('%s: the second paste adds nothing', (lang) => {
    const ctx = { items: chatCatalog(lang), buildings: BUILDINGS[lang] };
    for (const { paste } of loadCorpus(lang)) {
      const orders = sureOrders(readChat(paste, ctx));
      const first = planImport([], orders);
      expect(first.changes.length).toBeGreaterThan(3);
      expect(planImport(applyImport([], first), orders).changes).toEqual([]);
    }
  });
});
