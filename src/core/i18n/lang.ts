/** The add-on's three languages; everything user-visible exists in each. */
export const LANGS = ['ru', 'zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * Each language by its own name, the one place they are written: a person looking for their language in
 * a picker (the form's language question, the sidebar's) recognises its own name, whatever the page's
 * language. Not words to translate — the same in every catalog by design.
 */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { ru: 'Русский', 'zh-CN': '中文', en: 'English' };

/** Maps a locale tag from Google ("ru_RU", "zh-TW", "zh", "en-GB") or a form answer to one of ours. */
export function resolveLang(tag: string | null | undefined, fallback: Lang = 'en'): Lang {
  const t = String(tag ?? '')
    .trim()
    .toLowerCase()
    .replace('_', '-');
  if (!t) return fallback;
  if (t.startsWith('ru') || t === 'русский') return 'ru';
  if (t.startsWith('zh') || t === '中文' || t === '简体中文') return 'zh-CN';
  if (t.startsWith('en') || t === 'english') return 'en';
  return fallback;
}
