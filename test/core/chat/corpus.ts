import { readFileSync } from 'fs';
import { join } from 'path';
import { ChatLine, readChat } from '../../../src/core/chat';
import { Lang } from '../../../src/core/i18n/lang';
import { BUILDINGS, chatCatalog } from '../chat-corpus/catalog';

/** One corpus line: what was pasted and how a careful coordinator reads it (see chat-corpus/README.md). */
export interface Expected {
  lineNo: number;
  text: string;
  kind: string;
  confidence: 'sure' | 'check' | 'notUnderstood';
  person: Record<'b' | 'f' | 'n' | 'p', string>;
  items: string[];
  reasons: string[];
}

const CONFIDENCE = { sure: 'sure', check: 'check', no: 'notUnderstood' } as const;

/** One paste; a `// New paste:` note in the file starts the next one. */
export interface Section {
  paste: string;
  expected: Expected[];
}

function expectation(text: string, lineNo: number, expectation: string): Expected {
  const [head, reasonPart = ''] = expectation.split(' ! ');
  const [kindConf, personPart = '', itemsPart = ''] = head.split(' | ');
  const [kind, conf] = kindConf.trim().split(/\s+/);
  const person = { b: '', f: '', n: '', p: '' };
  for (const field of personPart.split(';')) {
    const [k, ...v] = field.trim().split('=');
    if (k) person[k as keyof typeof person] = v.join('=').trim();
  }
  const list = (part: string) =>
    part
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    lineNo,
    text,
    kind,
    confidence: CONFIDENCE[conf as keyof typeof CONFIDENCE],
    person,
    items: list(itemsPart).sort(),
    reasons: list(reasonPart),
  };
}

export function loadCorpus(lang: Lang): Section[] {
  const file = { 'zh-CN': 'zh', ru: 'ru', en: 'en' }[lang];
  const source = readFileSync(join(__dirname, '..', 'chat-corpus', `${file}.txt`), 'utf8');
  const sections: { pasted: string[]; expected: Expected[] }[] = [];
  let current: { pasted: string[]; expected: Expected[] } | null = null;
  for (const row of source.split('\n')) {
    if (row.startsWith('// New paste:')) sections.push((current = { pasted: [], expected: [] }));
    if (row.startsWith('//')) continue;
    if (!current) sections.push((current = { pasted: [], expected: [] }));
    const [text, want] = row.split(' ⇒ ');
    current.pasted.push(text);
    if (want !== undefined) current.expected.push(expectation(text, current.pasted.length, want));
  }
  return sections.map((s) => ({ paste: s.pasted.join('\n'), expected: s.expected }));
}

/** Each section read as its own paste; every expected line with the line read for it. */
export function readCorpus(lang: Lang): { want: Expected; line: ChatLine | undefined }[] {
  const ctx = { items: chatCatalog(lang), buildings: BUILDINGS[lang] };
  return loadCorpus(lang).flatMap(({ paste, expected }) => {
    const reading = readChat(paste, ctx, { strict: true });
    return expected.map((want) => ({ want, line: reading.lines.find((l) => l.lineNo === want.lineNo) }));
  });
}

const units = (milli: number | null) => (milli === null ? '?' : String(milli / 1000));

/** The reading of a line in the corpus's notation, so a mismatch reads like the corpus itself. */
export function describe(line: ChatLine, lang: Lang): Omit<Expected, 'lineNo' | 'text'> {
  const catalog = new Map(chatCatalog(lang).map((i) => [i.id, i]));
  const o = line.order;
  const items = (o?.items ?? []).map((i) => {
    const id = i.itemId ?? (i.candidates.length ? i.candidates.join('/') : '?');
    const step = i.itemId ? catalog.get(i.itemId)!.stepMilli : null;
    const amount = i.itemId ? (i.steps === null ? '?' : String((i.steps * step!) / 1000)) : units(i.milli);
    return `${id} ${amount}`;
  });
  return {
    kind: line.kind,
    confidence: line.confidence,
    person: {
      b: o?.person.building ?? '',
      f: o?.person.flat ?? '',
      n: o?.person.name ?? '',
      p: o?.person.phone.replace(/^\+/, '') ?? '',
    },
    items: items.sort(),
    reasons: [...new Set(line.reasons.map((r) => r.key.replace('chat.reason.', '')))],
  };
}

/** Whether the reading says what the corpus says; for a line not understood only the kind and reasons count. */
export function matches(got: ReturnType<typeof describe>, want: Expected): boolean {
  if (got.kind !== want.kind || got.confidence !== want.confidence) return false;
  if (!want.reasons.every((r) => got.reasons.includes(r))) return false;
  if (want.confidence === 'notUnderstood') return true;
  const samePerson = (['b', 'f', 'n', 'p'] as const).every((k) => got.person[k] === want.person[k]);
  return samePerson && JSON.stringify(got.items) === JSON.stringify(want.items);
}
