import { ChangeReason, ItemChangeReason } from './corrections';
import { formatMoney } from './i18n/format';
import { Lang } from './i18n/lang';
import { t } from './i18n/translate';
import { ReadAmount, currency } from './money';
import { CURRENCY_WORDS, codeOf, wordOf } from './i18n/words';
import { PayeeProblem } from './payment/gost';
import { StatementMatch } from './payment/statement';

/**
 * The money problems and reasons of this core as sentences in the reader's language — for the screens,
 * emails and sheets that show them (errors are values with a message key until they reach a person).
 */

/** Why a typed amount was refused: "«$5» — валюта: доллары США ($). Валюта закупки: рубли (₽)." — never a code. */
export function describeAmountProblem(r: Extract<ReadAmount, { ok: false }>, lang: Lang, currencyCode: string): string {
  return t(lang, r.key, { value: r.value, currency: currencyWord(currencyCode, lang), named: currencyWord(r.named ?? '', lang) });
}

/** A currency by its name and sign ("рубли (₽)"); a sign we have no name for stays a sign. */
function currencyWord(codeOrSign: string, lang: Lang): string {
  const code = codeOf(CURRENCY_WORDS, codeOrSign) ?? currency(codeOrSign)?.code;
  return code ? wordOf(CURRENCY_WORDS, code, lang) : codeOrSign;
}

/** A Settings problem with the payee's bank details: "БИК должен состоять из 9 цифр («0445»)." */
export function describePayeeProblem(p: PayeeProblem, lang: Lang): string {
  return t(lang, p.key, { value: p.value });
}

/**
 * Why a statement line was (or was not) matched, with the amount warning when a reference matched a
 * different sum. `references` maps order key → reference, `dueOf` order key → what they owe.
 */
export function describeMatch(
  m: StatementMatch,
  lang: Lang,
  currencyCode: string,
  references: ReadonlyMap<string, string>,
  dueOf: ReadonlyMap<string, number>,
): string {
  // A reference with the wrong amount is left to choose (ambiguous): its one candidate is the bill it names.
  const bill = m.orderKey ?? (m.why === 'reference' ? m.candidates[0] : undefined);
  const why = t(lang, `statement.why.${m.why}`, { reference: (bill && references.get(bill)) || '' });
  if (!m.amountDiffers || !bill || m.entry.amountMinor === null) return why;
  const amounts = {
    amount: formatMoney(m.entry.amountMinor, currencyCode, lang),
    due: formatMoney(dueOf.get(bill) ?? 0, currencyCode, lang),
  };
  // Chinese sentences follow one another without a space.
  return `${why}${lang === 'zh-CN' ? '' : ' '}${t(lang, 'statement.amountDiffers', amounts)}`;
}

/** Why a person's bill changed after receiving, for the correction email. */
export function describeChange(reason: ChangeReason | ItemChangeReason, lang: Lang): string {
  return reason === 'items' ? '' : t(lang, `correction.why.${reason}`);
}
