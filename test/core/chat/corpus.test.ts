import { Lang } from '../../../src/core/i18n/lang';
import { describe as reading, matches, readCorpus } from './corpus';

/**
 * The corpus (test/core/chat-corpus/*.txt) is what our communities paste: a Shanghai building's 接龙 with
 * its chatter and repost, a Russian Telegram group copied from Telegram Desktop, an English WhatsApp
 * export and a volunteer's typed list. Each line carries how a careful coordinator reads it.
 */
const LANGS: Lang[] = ['zh-CN', 'ru', 'en'];

describe.each(LANGS)('the %s chat corpus', (lang) => {
  const results = readCorpus(lang).map(({ want, line }) => ({ want, line, got: line ? reading(line, lang) : null }));
  const expected = results.map((r) => r.want);

  test('has at least 40 annotated lines', () => {
    expect(expected.length).toBeGreaterThanOrEqual(40);
  });

  test('at least 95% of its lines are read exactly as a coordinator reads them', () => {
    const right = results.filter((r) => r.got && matches(r.got, r.want));
    const share = right.length / results.length;
    // The share is printed so a change to the reader shows what it did to each language.
    console.log(`${lang}: ${right.length}/${results.length} lines read correctly (${(share * 100).toFixed(1)}%)`);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  test('every line is reported, and none read differently is marked sure', () => {
    // A blank-free corpus line that came back with no reading would be a dropped line.
    expect(results.filter((r) => !r.line).map((r) => r.want.text)).toEqual([]);
    const silentlyWrong = results.filter((r) => r.got && !matches(r.got, r.want) && r.got.confidence === 'sure');
    expect(silentlyWrong.map((r) => ({ text: r.want.text, got: r.got }))).toEqual([]);
  });

  test('every line not understood says why', () => {
    for (const { line } of results.filter((r) => r.line && r.line.confidence !== 'sure'))
      expect(line!.reasons.length).toBeGreaterThan(0);
  });
});
