import fc from 'fast-check';
import {
  ChatContext,
  ConfirmedOrder,
  ExportOrder,
  applyImport,
  confirmedOrderOf,
  exportJielong,
  planImport,
  readChat,
  sureOrders,
} from '../../../src/core/chat';
import { Lang } from '../../../src/core/i18n/lang';
import { BUILDINGS, chatCatalog } from '../chat-corpus/catalog';
import { loadCorpus } from './corpus';

const LANGS: Lang[] = ['zh-CN', 'ru', 'en'];
const context = (lang: Lang, buildings: Lang = lang): ChatContext => ({
  items: chatCatalog(lang),
  buildings: BUILDINGS[buildings],
});
const read = (paste: string, ctx: ChatContext) => readChat(paste, ctx, { strict: true });

const corpusLines = LANGS.flatMap((lang) =>
  loadCorpus(lang)
    .flatMap((s) => s.paste.split('\n'))
    .map((text) => ({ lang, text })),
);

/** Bits of real chat text, to build strings that look like orders far more often than random Unicode does. */
const tokens = [
  ...new Set(corpusLines.flatMap((l) => l.text.split(/(\s+|(?<=\d)(?=\D)|(?<=\D)(?=\d))/u)).filter(Boolean)),
  '#接龙',
  '例',
  '×',
  '-',
  '：',
  '\n',
  '1️⃣',
  '99999999999999999999',
  '1e9',
  '-3',
  '0,0001',
  '十十',
  '半',
  'полкило',
  'half a',
  '(',
  ')',
  '\u0000',
  '\uD800',
];

const chatText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((t) => t.join('')),
  fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((t) => t.join(' ')),
  fc.bigInt().map((n) => `рис ${n} кг\n大米${n}袋\nrice x${n}`),
  fc.array(fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\u2028', '\t'), { maxLength: 20 }).map((t) => t.join('')),
);

const nonBlankLines = (paste: string) => paste.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).filter((l) => l.trim());

describe('the reader never throws and never loses a line', () => {
  test('any text, in any of the three communities', () => {
    fc.assert(
      fc.property(chatText, fc.constantFrom(...LANGS), (paste, lang) => {
        const reading = read(paste, context(lang));
        expect(reading.lines.map((l) => l.text)).toEqual(nonBlankLines(paste));
        for (const line of reading.lines) {
          expect(paste.slice(line.span.start, line.span.end)).toBe(line.text);
          for (const item of line.order?.items ?? []) {
            expect(item.itemSpan.start).toBeGreaterThanOrEqual(line.span.start);
            expect(item.itemSpan.end).toBeLessThanOrEqual(line.span.end);
            expect(paste.slice(item.itemSpan.start, item.itemSpan.end)).toBe(item.typed);
          }
          // A line marked sure is one the screen may tick without a look: nothing in it is unresolved.
          if (line.confidence === 'sure' && line.order)
            expect(line.order.items.every((i) => i.itemId !== null && i.steps !== null && i.confidence === 'sure')).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  });

  test('an empty paste, a paste of blank lines and a huge line are read without error', () => {
    expect(read('', context('ru')).lines).toEqual([]);
    expect(read('\n\n  \r\n\t', context('ru')).lines).toEqual([]);
    const huge = `1. 3号楼502 王阿姨 ${'大米2 '.repeat(5000)}`;
    const [line] = read(huge, context('zh-CN')).lines;
    expect(line.confidence).toBe('notUnderstood');
  });
});

/** A round's orders: distinct people (a name, a flat, or both), each with one to four items. */
function ordersArb(lang: Lang, buildingsLang: Lang): fc.Arbitrary<ExportOrder[]> {
  const items = chatCatalog(lang);
  const names = {
    'zh-CN': fc
      .tuple(
        fc.constantFrom('王', '李', '张', '刘', '陈', '赵', '黄', '周', '吴', '徐'),
        fc.constantFrom('阿姨', '叔叔', '老师', '奶奶', '伯伯', '先生', '和', '小米', '丽', ''),
      )
      .map(([a, b]) => a + b),
    ru: fc
      .tuple(
        fc.constantFrom('Иванова', 'Петров', 'Смирнова', 'Рисовая', 'Сахаров', 'Гречкина', 'Молоков', 'Орлова'),
        fc.constantFrom('Анна', 'Мария', 'Сергей', 'Иван', ''),
      )
      .map(([a, b]) => `${a} ${b}`.trim()),
    en: fc
      .tuple(
        fc.constantFrom('Anna', 'Tom', 'Teagan', 'Jane', 'Olive', 'Chen', 'Priya', "Mike O'Brien"),
        fc.constantFrom('Rice', 'Sugar', 'Milkovich', 'Smith', 'Wei', ''),
      )
      .map(([a, b]) => `${a} ${b}`.trim()),
  }[lang];
  const flat =
    lang === 'zh-CN'
      ? fc.oneof(
          fc.integer({ min: 101, max: 2604 }).map(String),
          fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 101, max: 1802 })).map(([u, f]) => `${u}-${f}`),
        )
      : fc.integer({ min: 1, max: 300 }).map(String);
  const person = fc.record({
    name: fc.oneof(names, fc.constant('')),
    building: fc.constantFrom(...BUILDINGS[buildingsLang], null),
    flat: flat,
    withFlat: fc.boolean(),
  });
  const lines = fc.uniqueArray(fc.record({ item: fc.constantFrom(...items), steps: fc.integer({ min: 1, max: 12 }) }), {
    minLength: 1,
    maxLength: 4,
    selector: (l) => l.item.id,
  });
  return fc
    .uniqueArray(fc.record({ person, lines }), {
      maxLength: 12,
      selector: (o) => o.person.name || `${o.person.building}/${o.person.flat}`,
    })
    .map((orders) =>
      orders
        .map(({ person: p, lines: ls }) => {
          // Someone is a name, a building and flat, or both; a flat with no building is not exported.
          const flatToo = p.building !== null && (p.withFlat || !p.name);
          return {
            person: { name: p.name, building: flatToo || p.name ? p.building : null, flat: flatToo ? p.flat : '', phone: '' },
            items: ls.map((l) => ({ itemId: l.item.id, steps: l.steps })),
          };
        })
        .filter((o) => o.person.name || o.person.flat),
    )
    .filter((orders) => {
      const flats = orders.filter((o) => o.person.flat).map((o) => `${o.person.building}/${o.person.flat}`);
      const names = orders.filter((o) => o.person.name).map((o) => o.person.name);
      return new Set(flats).size === flats.length && new Set(names).size === names.length;
    });
}

const normal = (
  orders: { person: { name: string; building: string | null; flat: string }; items: { itemId: string; steps: number }[] }[],
) =>
  orders
    .map((o) => ({
      who: `${o.person.building ?? ''}|${o.person.flat}|${o.person.name}`,
      items: [...o.items].sort((a, b) => a.itemId.localeCompare(b.itemId)),
    }))
    .sort((a, b) => a.who.localeCompare(b.who));

describe('接龙 export', () => {
  test.each(LANGS)('exported in %s and pasted back, it gives the same orders, every line sure', (lang) => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGS), fc.string({ maxLength: 12 }), (buildingsLang, title) =>
        fc.assert(
          fc.property(ordersArb(lang, buildingsLang), (orders) => {
            const ctx = context(lang, buildingsLang);
            const text = exportJielong(orders, { items: ctx.items, buildings: ctx.buildings, lang, title });
            // No table and no markdown of our own (the title is the coordinator's text, kept as typed; #接龙
            // is WeChat's own marker for a list).
            const ours = text.replace(/^(?:#接龙|.*(?:список на сейчас|the list so far|目前的接龙).*)$/gmu, '');
            expect(ours).not.toMatch(/[*_`|#]|^\s*-/mu);
            const reading = read(text, ctx);
            const entries = reading.lines.filter((l) => l.entry !== null);
            expect(entries.map((l) => [l.kind, l.confidence])).toEqual(orders.map(() => ['order', 'sure']));
            const plan = planImport([], entries.map(confirmedOrderOf) as ConfirmedOrder[]);
            expect(normal(plan.changes.map((c) => ({ person: c.person, items: c.after })))).toEqual(normal(orders));
          }),
          { numRuns: 15 },
        ),
      ),
      { numRuns: 10 },
    );
  });
});

describe('importing is idempotent', () => {
  const subPaste = fc.constantFrom(...LANGS).chain((lang) => {
    const sections = loadCorpus(lang).map((s) => s.paste.split('\n'));
    return fc.constantFrom(...sections).chain((lines) => fc.subarray(lines).map((picked) => ({ lang, lines: picked })));
  });

  test('pasting the same chat twice adds nothing the second time', () => {
    fc.assert(
      fc.property(subPaste, ({ lang, lines }) => {
        const orders = sureOrders(read(lines.join('\n'), context(lang)));
        const first = planImport([], orders);
        const second = planImport(applyImport([], first), orders);
        expect(second.changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('a 接龙 that grew by a few lines imports only the appended ones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGS), fc.integer({ min: 0, max: 12 }), (lang, cut) =>
        fc.assert(
          fc.property(ordersArb(lang, lang), (orders) => {
            const ctx = context(lang);
            const options = { items: ctx.items, buildings: ctx.buildings, lang };
            const before = orders.slice(0, cut);
            const recorded = applyImport([], planImport([], sureOrders(read(exportJielong(before, options), ctx))));
            const plan = planImport(recorded, sureOrders(read(exportJielong(orders, options), ctx)));
            expect(plan.changes.every((c) => c.kind === 'new')).toBe(true);
            expect(normal(plan.changes.map((c) => ({ person: c.person, items: c.after })))).toEqual(normal(orders.slice(cut)));
          }),
          { numRuns: 10 },
        ),
      ),
      { numRuns: 20 },
    );
  });

  test('appending chat lines changes only the people those lines name', () => {
    fc.assert(
      fc.property(subPaste, fc.nat(), ({ lang, lines }, at) => {
        const cut = lines.length ? at % (lines.length + 1) : 0;
        const ctx = context(lang);
        const head = read(lines.slice(0, cut).join('\n'), ctx);
        const whole = read(lines.join('\n'), ctx);
        const recorded = applyImport([], planImport([], sureOrders(head)));
        const appended = new Set(whole.lines.filter((l) => l.lineNo > cut).map((l) => l.lineNo));
        for (const change of planImport(recorded, sureOrders(whole)).changes)
          expect(change.lineNos.some((n) => appended.has(n))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
