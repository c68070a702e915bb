import { ROLES, Role } from '../../core/i18n/labels';
import { t } from '../../core/i18n/translate';
import { wordOf } from '../../core/i18n/words';
import { safeUrl } from '../../core/html';
import { LANGS, Lang } from '../../core/i18n/lang';
import { describePayeeProblem } from '../../core/moneyText';
import { validatePayee } from '../../core/payment/gost';
import { fitsQr } from '../../core/payment/qr';
import {
  CommunitySettings,
  DEFAULT_SETTINGS,
  PAYEE_SETTINGS,
  SETTING_KEYS,
  SETTING_WORDS,
  SettingKey,
  parseLanguages,
  parseSettings,
  settingCell,
} from '../../core/settings';
import { listOf } from '../../core/i18n/format';
import { LANG_WORDS, wordChoices } from '../../core/i18n/words';
import { readPlaceRows, readSettingTexts, writePlaces, writeSettings, writeVolunteers } from '../../workspace/community';
import { UserError, locked, requireAccess } from '../action';
import { markTabsStale } from '../buildingTabs';
import { protectCommunity } from '../protections';

/**
 * The bank details are checked as the ГОСТ code needs them (validatePayee), each problem named by its
 * field as the Settings screen labels it; a feedback link must be an https link.
 */
function paymentProblems(lang: Lang, checked: CommunitySettings): string[] {
  const out: string[] = [];
  if (checked.payee)
    for (const p of validatePayee(checked.payee))
      out.push(
        t(lang, 'ui.labelled', {
          label: t(lang, `settingName.${PAYEE_SETTINGS[p.field]}`),
          value: describePayeeProblem(p, lang),
        }),
      );
  const code = checked.receiveCode.trim();
  if (code && !fitsQr(code))
    out.push(
      t(lang, 'ui.labelled', { label: t(lang, 'settingName.receiveCode'), value: t(lang, 'settings.receiveCodeTooLong') }),
    );
  if (checked.feedbackUrl.trim() && !safeUrl(checked.feedbackUrl.trim()))
    out.push(
      t(lang, 'ui.labelled', {
        label: t(lang, 'settingName.feedbackUrl'),
        value: t(lang, 'settings.linkInvalid', { value: checked.feedbackUrl }),
      }),
    );
  return out;
}

/** Each word of the community's languages the add-on does not know, with the words it does. */
function languageProblems(lang: Lang, typed: string): string[] {
  const choices = listOf(wordChoices(LANG_WORDS, lang), lang);
  return parseLanguages(typed).unknown.map((value) =>
    t(lang, 'ui.labelled', {
      label: t(lang, 'settingName.languages'),
      value: t(lang, 'settings.languagesInvalid', { value, choices }),
    }),
  );
}

export interface SettingsScreen {
  settings: Record<SettingKey, string>;
  notes: Record<SettingKey, string>;
  /** For a setting chosen from a list (currency, language, split, rounding, yes/no): code → the reader's word. */
  choices: Partial<Record<SettingKey, { value: string; label: string }[]>>;
  places: { kind: 'building' | 'pickup'; name: string; notes: string }[];
  volunteers: { email: string; name: string; role: Role; building: string; lang: Lang | '' }[];
}

/** The lists a setting is chosen from, each choice named in the reader's language (never "halfUp"). */
function settingChoices(lang: Lang): SettingsScreen['choices'] {
  const out: SettingsScreen['choices'] = {};
  for (const key of SETTING_KEYS) {
    const words = SETTING_WORDS[key];
    if (words) out[key] = words.codes.map((code) => ({ value: code, label: wordOf(words, code, lang) }));
  }
  return out;
}

/** Settings, places and volunteers as the sidebar edits them. Reachable from the menu first, so it sets up too. */
export function settingsScreen(): SettingsScreen {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    const raw: Record<string, string> = { ...DEFAULT_SETTINGS, ...readSettingTexts(ctx.book) };
    return {
      // The community's languages as words in the reader's language ("русский, китайский"), never codes.
      settings: Object.fromEntries(
        SETTING_KEYS.map((k) => [k, k === 'languages' ? settingCell(k, raw[k], ctx.lang) : raw[k]]),
      ) as Record<SettingKey, string>,
      notes: Object.fromEntries(SETTING_KEYS.map((k) => [k, t(ctx.lang, `setting.${k}`)])) as Record<SettingKey, string>,
      choices: settingChoices(ctx.lang),
      places: readPlaceRows(ctx.book)
        .map((p) => ({ ...p, kind: p.kind ?? ('building' as const) }))
        .filter((p) => p.name),
      volunteers: ctx.volunteers
        .map((v) => ({ ...v, role: v.role ?? ('volunteer' as const), lang: v.lang ?? ('' as const) }))
        .filter((v) => v.email || v.name),
    };
  });
}

/** Saves the Settings, Buildings & pickup points and Volunteers sheets from the sidebar, each in one write. */
export function saveSettings(input: Partial<SettingsScreen>): SettingsScreen {
  locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    if (input.settings) {
      const values = { ...DEFAULT_SETTINGS, ...input.settings };
      const checked = parseSettings(SETTING_KEYS.map((k) => [k, values[k]]));
      const problems: string[] = [];
      if (String(values.currency).trim().toUpperCase() !== checked.currency)
        problems.push(t(ctx.lang, 'settings.currencyInvalid', { value: values.currency }));
      if (!checked.reminderOffsetsHours.length && String(values.reminderOffsetsHours).trim())
        problems.push(t(ctx.lang, 'settings.offsetsInvalid', { value: values.reminderOffsetsHours }));
      problems.push(...languageProblems(ctx.lang, String(values.languages ?? '')));
      problems.push(...paymentProblems(ctx.lang, checked));
      if (problems.length) throw new UserError(problems.join('\n'));
      writeSettings(
        ctx.book,
        Object.fromEntries(SETTING_KEYS.map((k) => [k, String(values[k] ?? '')])) as Record<SettingKey, string>,
      );
    }
    if (input.places)
      writePlaces(
        ctx.book,
        input.places
          .filter((p) => String(p.name ?? '').trim())
          .map((p) => ({
            kind: p.kind === 'pickup' ? 'pickup' : 'building',
            name: String(p.name).trim(),
            notes: String(p.notes ?? ''),
          })),
      );
    if (input.volunteers)
      writeVolunteers(
        ctx.book,
        input.volunteers
          .filter((v) => String(v.email ?? '').trim() || String(v.name ?? '').trim())
          .map((v) => ({
            email: String(v.email ?? '').trim(),
            name: String(v.name ?? '').trim(),
            role: ROLES.includes(v.role) ? v.role : 'volunteer',
            building: String(v.building ?? '').trim(),
            lang: LANGS.includes(v.lang as Lang) ? (v.lang as Lang) : null,
          })),
      );
    // Which buildings have a tab, and in which language, follow the lists just saved.
    if (input.volunteers || input.places) markTabsStale(ctx);
  });
  // Who may edit which sheet follows the Volunteers sheet just saved (a fresh read of it).
  if (input.volunteers) locked((ctx) => protectCommunity(ctx));
  return settingsScreen();
}
