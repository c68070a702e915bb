import { Message } from '../../src/core/i18n/catalog';
import { LANGS, Lang } from '../../src/core/i18n/lang';
import { MessageKey, catalogs, t } from '../../src/core/i18n/translate';

/**
 * Checks on the three message catalogs as a whole, so a key added in a hurry cannot reach a reader
 * half-translated: the same keys, the same {placeholders}, every plural form a language needs, and
 * the typography each language's readers expect.
 */
type Catalogs = Record<Lang, Record<string, Message>>;

/** CLDR plural categories each language uses for whole numbers; Russian also needs "other" for 1,5 товара. */
const PLURAL_FORMS: Record<Lang, string[]> = { en: ['one', 'other'], ru: ['few', 'many', 'one', 'other'], 'zh-CN': ['other'] };

const formsOf = (m: Message): string[] =>
  typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string');
const placeholdersOf = (s: string): string => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort().join(' ');
/**
 * A count of things ("3 участника") needs plural forms. "{count} {unit}" is a measured quantity in the
 * coordinator's own unit ("2,5 кг", "6 бут."), which does not decline, so it needs none.
 */
const countsThings = (s: string): boolean => /\{count\}(?![\s\u00a0]*\{unit\})/.test(s);

/** Every way the catalogs can disagree with English, the reference, as readable lines. */
export function catalogProblems(all: Catalogs): string[] {
  const problems: string[] = [];
  const reference = all.en;
  for (const lang of LANGS) {
    const catalog = all[lang];
    for (const key of Object.keys(reference)) if (!(key in catalog)) problems.push(`${lang} ${key}: missing`);
    for (const [key, message] of Object.entries(catalog)) {
      if (!(key in reference)) {
        problems.push(`${lang} ${key}: not in English`);
        continue;
      }
      const expected = placeholdersOf(formsOf(reference[key]).join(' '));
      for (const form of formsOf(message)) {
        if (!form.trim()) problems.push(`${lang} ${key}: empty`);
        const got = placeholdersOf(form);
        if (got !== expected) problems.push(`${lang} ${key}: placeholders "${got}" instead of "${expected}"`);
      }
      if (typeof reference[key] === 'string' && !formsOf(message).some(countsThings)) continue;
      if (typeof message === 'string') problems.push(`${lang} ${key}: a count without plural forms`);
      else {
        const forms = Object.keys(message).sort().join(' ');
        if (forms !== PLURAL_FORMS[lang].join(' '))
          problems.push(`${lang} ${key}: plural forms "${forms}" instead of "${PLURAL_FORMS[lang].join(' ')}"`);
      }
    }
  }
  return problems;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef';
const ASCII_BESIDE_CJK = new RegExp(`[${CJK}]\\s*[,:;()!?.]|[,:;()!?]\\s*[${CJK}]`, 'g');
/** A bare number (not a code like R2, not a decimal's tail) with a space between it and a Chinese character. */
const SPACE_BEFORE_NUMBER = new RegExp(`[${CJK}] +\\d`, 'g');
const SPACE_AFTER_NUMBER = new RegExp(`(?<![\\w.,])\\d+(?:[.,]\\d+)* +[${CJK}]`, 'g');

/** ASCII punctuation touching Chinese text; URLs are codes, left alone. */
export function chinesePunctuationProblems(text: string): string[] {
  const bare = text.replace(/https?:\/\/\S+/g, 'URL');
  return [
    ...(bare.match(ASCII_BESIDE_CJK) ?? []),
    ...(bare.includes('"') ? ['"'] : []),
    ...(bare.match(SPACE_BEFORE_NUMBER) ?? []),
    ...(bare.match(SPACE_AFTER_NUMBER) ?? []),
  ];
}

/** Values a reader could see in each placeholder, so checks run on the text as it will be read. */
const SAMPLE: Record<Lang, Record<string, string | number>> = {
  ru: {
    unit: 'бут.',
    item: 'Масло подсолнечное',
    name: 'Тамара Ивановна',
    who: 'Ольга',
    place: 'Дом 2',
    round: 'Ноябрь',
    value: 'пять',
    due: '210,55\u00a0₽',
    price: '180,00\u00a0₽',
    deadline: 'ср, 25 ноября 2026, 18:00',
  },
  'zh-CN': {
    unit: '袋',
    item: '大米',
    items: '大米、鸡蛋',
    name: '王奶奶',
    who: '王奶奶',
    place: '3号楼',
    round: '十一月第二期',
    value: '两袋',
    due: '¥210.55',
    price: '¥95.50',
    deadline: '2026年11月25日（周三）23:00',
    pickup: '周六10点，1号楼门口',
    how: '微信转账给王老师',
    reason: '供应商缺货',
    state: '已截单',
    from: '已截单',
    to: '已结算',
    detail: '网络错误',
    time: '周六10点',
    places: '东门自提点',
    id: 'R2',
  },
  en: { unit: 'pcs.', item: 'Rice', name: 'Tamara', due: '$2.50', price: '$1.00' },
};
const NUMBERS = ['count', 'n', 'bound', 'sent', 'failed', 'full', 'boxes', 'minimum', 'ordered', 'max', 'step', 'limit', 'box'];

/** Every form of every message in `lang`, with its placeholders filled by sample values. */
function rendered(lang: Lang): [string, string][] {
  const params = { ...Object.fromEntries(NUMBERS.map((n) => [n, 3])), ...SAMPLE[lang] };
  return Object.entries(catalogs[lang] as Record<string, Message>).flatMap(([key, message]) =>
    formsOf(message).map((form): [string, string] => [
      key,
      form.replace(/\{(\w+)\}/g, (_whole, name: string) => String(params[name] ?? 'X')),
    ]),
  );
}

describe('the three catalogs agree', () => {
  test('the same keys, the same {placeholders} and every plural form each language needs', () => {
    expect(catalogProblems(catalogs as Catalogs)).toEqual([]);
  });

  test('the check catches a key left out, a placeholder lost, a stray key and a missing plural form', () => {
    const broken: Catalogs = {
      en: {
        hello: 'Hello, {name}!',
        items: { one: '{count} item', other: '{count} items' },
        left: '{count} {unit} left',
        quota: '{count} emails left',
      },
      ru: {
        hello: 'Здравствуйте!',
        items: { one: '{count} товар', other: '{count} товара' },
        left: 'осталось {count}\u00a0{unit}',
        extra: 'лишний ключ',
      },
      'zh-CN': { hello: '{name}，您好！', items: '{count}件商品', left: '还剩{count}{unit}', quota: { other: '' } },
    };
    expect(catalogProblems(broken)).toEqual([
      'ru quota: missing',
      'ru hello: placeholders "" instead of "{name}"',
      'ru items: plural forms "one other" instead of "few many one other"',
      'ru extra: not in English',
      'zh-CN items: a count without plural forms',
      'zh-CN quota: empty',
      'zh-CN quota: placeholders "" instead of "{count}"',
      'en quota: a count without plural forms',
    ]);
  });
});

describe('typography a native reader expects', () => {
  test('Chinese uses full-width punctuation and puts no space between Chinese and a number', () => {
    const bad = rendered('zh-CN')
      .map(([key, text]) => [key, text, chinesePunctuationProblems(text)] as const)
      .filter(([, , found]) => found.length);
    expect(bad).toEqual([]);
  });

  test('the Chinese check catches ASCII punctuation and spaced numbers but leaves codes and URLs alone', () => {
    expect(chinesePunctuationProblems('大米 (未凑满一箱): 还差 2 袋')).toEqual(['米 (', '箱)', ': 还', '差 2', '2 袋']);
    expect(chinesePunctuationProblems('运费分摊：equal（平均）、byValue（按金额）')).toEqual([]);
    expect(chinesePunctuationProblems('团购 R2 已创建，请打开 https://example.org/a?b=1,c 填写“24, 2”。')).toEqual([]);
    expect(chinesePunctuationProblems('填写了"6"')).toEqual(['"']);
  });

  test('Russian uses «ёлочки», and a unit like «бут.» never ends a sentence with a second full stop', () => {
    const bad = rendered('ru').filter(([, text]) => text.includes('"') || /\.\./.test(text));
    expect(bad).toEqual([]);
  });

  test('no language puts a full stop after a unit, since units are often abbreviations', () => {
    for (const lang of LANGS) expect(rendered(lang).filter(([, text]) => /\.\.(?!\.)/.test(text))).toEqual([]);
  });

  test('a number and its unit are joined by a non-breaking space where a message composes them', () => {
    for (const lang of ['ru', 'en'] as const) {
      const joined = Object.entries(catalogs[lang] as Record<string, Message>).filter(([, m]) =>
        formsOf(m).some((f) => /\} \{unit\}/.test(f)),
      );
      expect([lang, joined]).toEqual([lang, []]);
    }
  });

  test('Russian never has to decline a name: names, places and titles stand after a colon or dash, in «», or open the line', () => {
    const NAMES = ['name', 'who', 'place', 'round', 'item', 'items', 'reason', 'pickup', 'how', 'state', 'from', 'to', 'value'];
    const declined: string[] = [];
    for (const [key, message] of Object.entries(catalogs.ru as Record<string, Message>))
      for (const form of formsOf(message))
        for (const m of form.matchAll(/\{(\w+)\}/g)) {
          if (!NAMES.includes(m[1])) continue;
          const before = form.slice(0, m.index);
          const after = form.slice(m.index + m[0].length);
          const quoted = before.endsWith('«') && /^…?»/.test(after);
          const opens = before === '' && /^(:|\s—)/.test(after);
          const listed = /(: |\s— |^Здравствуйте, )$/.test(before);
          if (!quoted && !opens && !listed) declined.push(`${key}: ${form}`);
        }
    expect(declined).toEqual([]);
  });

  test('a cancelled закупка is «отменена», and a status reads as a status', () => {
    expect(t('ru', 'state.cancelled')).toBe('отменена');
    expect(t('ru', 'round.cannotCancel', { state: t('ru', 'state.settled') })).toBe(
      'Закупку в статусе «рассчитана» отменить уже нельзя.',
    );
    expect(t('en', 'round.illegalTransition', { from: t('en', 'state.arrived'), to: t('en', 'state.open') })).toBe(
      'A round with status "goods arrived" cannot move to "open".',
    );
  });

  test('counted messages agree with their number in Russian: 1 письмо, 3 письма, 5 писем', () => {
    expect([1, 3, 5, 21].map((count) => t('ru', 'ui.emails.waiting', { count }))).toEqual([
      '1 письмо ждёт завтрашнего лимита',
      '3 письма ждут завтрашнего лимита',
      '5 писем ждут завтрашнего лимита',
      '21 письмо ждёт завтрашнего лимита',
    ]);
    expect(t('ru', 'email.volunteer.intro', { place: 'Дом 1', round: 'Ноябрь', count: 2 })).toBe(
      'Дом 1: 2 участника в закупке «Ноябрь».',
    );
    expect(t('en', 'ui.emails.quota', { count: 1 })).toBe('1 email left for today');
  });
});

describe('no internal code reaches a person', () => {
  const CODES = /\b(byValue|byQuantity|halfUp|halfEven|requestId|zh-CN|RUB|CNY)\b/;
  /**
   * Only the sidebar's answer to a currency it does not know names codes, each explained in words; the
   * Settings sheet's notes no longer do (its values are chosen from a dropdown of words, issue 16).
   */
  const TELLS_WHAT_TO_TYPE = new Set<MessageKey>(['settings.currencyInvalid']);

  test.each(LANGS)('%s: codes appear only where the Settings sheet asks for them, and there with words', (lang) => {
    const shown = rendered(lang).filter(([key, text]) => CODES.test(text) && !TELLS_WHAT_TO_TYPE.has(key as MessageKey));
    expect(shown).toEqual([]);
    for (const key of TELLS_WHAT_TO_TYPE) {
      const text = t(lang, key, { value: 'XYZ' });
      for (const code of text.match(new RegExp(CODES, 'g')) ?? [])
        expect([key, code, text.slice(text.indexOf(code) + code.length).trimStart()[0]]).toEqual([
          key,
          code,
          expect.stringMatching(/[—(（]/),
        ]);
    }
  });
});
