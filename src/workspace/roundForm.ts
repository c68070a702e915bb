import { CatalogItem, itemName } from '../core/catalog';
import { maxStepsPerPerson, quantityPattern } from '../core/formRules';
import { formatDateTime, formatMoney, formatNumber } from '../core/i18n/format';
import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { unitsOf } from '../core/quantity';
import { Round } from '../core/round';
import { RawOrderInput } from '../core/validation';
import { FormQuestions } from './rounds';

const LANGUAGE_CHOICES: Record<Lang, string> = { ru: 'Русский', 'zh-CN': '中文', en: 'English' };

export interface BuiltForm {
  formId: string;
  formUrl: string;
  formEditUrl: string;
  responseSheetId: number | null;
  questions: FormQuestions;
}

interface FormInput {
  round: Round;
  items: CatalogItem[];
  buildings: string[];
  pickupPoints: string[];
  lang: Lang;
  timeZone: string;
}

function describe(input: FormInput): string {
  const { round, lang, timeZone } = input;
  const lines = [t(lang, 'form.deadline', { deadline: formatDateTime(round.deadline, timeZone, lang) })];
  if (round.pickupTime || round.pickupPoints.length) {
    lines.push(t(lang, 'form.pickup', { time: round.pickupTime, places: round.pickupPoints.join(', ') }));
  }
  lines.push(t(lang, 'form.editHint'));
  return lines.join('\n');
}

function itemTitle(item: CatalogItem, input: FormInput, taken: Set<string>): string {
  const { lang, round } = input;
  let title = t(lang, 'form.itemTitle', {
    item: itemName(item, lang),
    price: formatMoney(item.priceMinor, round.currency, lang),
    unit: item.unit,
  });
  if (taken.has(title)) title = `${title} [${item.id}]`;
  taken.add(title);
  return title;
}

function itemHelp(item: CatalogItem, lang: Lang): string {
  const units = (steps: number) => `${formatNumber(unitsOf(steps, item.stepMilli), lang)}\u00a0${item.unit}`;
  const parts: string[] = [];
  if (item.stepMilli !== 1000) parts.push(t(lang, 'form.help.step', { step: units(1) }));
  if (item.boxSteps > 1) parts.push(t(lang, 'form.help.box', { box: units(item.boxSteps) }));
  if (item.minimumSteps > 0) parts.push(t(lang, 'form.help.minimum', { minimum: units(item.minimumSteps) }));
  // With an "I'd take more" question the limit counts both answers together (validation keeps what fits).
  if (item.limitSteps !== null)
    parts.push(t(lang, takesExtra(item) ? 'form.help.limitWithExtra' : 'form.help.limit', { limit: units(item.limitSteps) }));
  return parts.join(' · ');
}

/** Boxed items, and loose items with a minimum total, ask "how much more would you take" (extras fill them). */
function takesExtra(item: CatalogItem): boolean {
  return item.boxSteps > 1 || item.minimumSteps > 0;
}

/**
 * Creates the round's Google Form (or rebuilds the questions of the existing one), linked to this
 * spreadsheet so each response lands in the round's own response sheet.
 */
export function buildRoundForm(input: FormInput, existingFormId: string): BuiltForm {
  const { lang, round } = input;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let form: GoogleAppsScript.Forms.Form;
  let responseSheetId: number | null = null;
  if (existingFormId) {
    form = FormApp.openById(existingFormId);
    for (let i = form.getItems().length - 1; i >= 0; i--) form.deleteItem(i);
  } else {
    form = FormApp.create(round.title);
  }
  form
    .setTitle(round.title)
    .setDescription(describe(input))
    .setCollectEmail(true)
    .setAllowResponseEdits(true)
    .setConfirmationMessage(t(lang, 'form.confirmation'))
    .setCustomClosedFormMessage(t(lang, 'form.closed'));

  const taken = new Set<string>();
  const text = (title: string, required = false) => {
    form.addTextItem().setTitle(title).setRequired(required);
    taken.add(title);
    return title;
  };
  const choice = (title: string, values: string[], required: boolean) => {
    form.addListItem().setTitle(title).setChoiceValues(values).setRequired(required);
    taken.add(title);
    return title;
  };

  const questions: FormQuestions = {
    name: text(t(lang, 'form.name'), true),
    phone: text(t(lang, 'form.phone')),
    building: input.buildings.length ? choice(t(lang, 'form.building'), input.buildings, true) : null,
    flat: text(t(lang, 'form.flat')),
    pickupPoint: input.pickupPoints.length > 1 ? choice(t(lang, 'form.pickupPoint'), input.pickupPoints, true) : null,
    lang: '',
    comment: '',
    items: {},
  };
  questions.lang = t(lang, 'form.lang');
  form.addMultipleChoiceItem().setTitle(questions.lang).setChoiceValues(Object.values(LANGUAGE_CHOICES)).setRequired(false);
  taken.add(questions.lang);

  for (const item of input.items) {
    const title = itemTitle(item, input, taken);
    const max = maxStepsPerPerson(item);
    const rule = FormApp.createTextValidation()
      .requireTextMatchesPattern(quantityPattern(item, max))
      .setHelpText(
        max === null
          ? t(lang, 'form.quantityInvalid', { step: formatNumber(unitsOf(1, item.stepMilli), lang), unit: item.unit })
          : t(lang, 'form.quantityInvalidMax', {
              step: formatNumber(unitsOf(1, item.stepMilli), lang),
              unit: item.unit,
              max: formatNumber(unitsOf(max, item.stepMilli), lang),
            }),
      )
      .build();
    form.addTextItem().setTitle(title).setHelpText(itemHelp(item, lang)).setValidation(rule);
    let extra: string | null = null;
    if (takesExtra(item)) {
      const boxed = item.boxSteps > 1;
      extra = t(lang, boxed ? 'form.extraTitle' : 'form.extraTitleMinimum', { item: itemName(item, lang) });
      if (taken.has(extra)) extra = `${extra} [${item.id}]`;
      taken.add(extra);
      // More than a box less one (or than the minimum less one) never helps anyone.
      const most = boxed ? item.boxSteps - 1 : Math.max(1, item.minimumSteps - 1);
      form
        .addTextItem()
        .setTitle(extra)
        .setHelpText(t(lang, boxed ? 'form.extraHelp' : 'form.extraHelpMinimum'))
        .setValidation(
          FormApp.createTextValidation()
            .requireTextMatchesPattern(quantityPattern(item, most))
            .setHelpText(t(lang, boxed ? 'form.extraInvalid' : 'form.extraInvalidMinimum'))
            .build(),
        );
    }
    questions.items[item.id] = { quantity: title, extra };
  }
  questions.comment = t(lang, 'form.comment');
  form.addParagraphTextItem().setTitle(questions.comment);

  if (!existingFormId) {
    const before = new Set(ss.getSheets().map((s) => s.getSheetId()));
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    SpreadsheetApp.flush();
    const added = ss.getSheets().find((s) => !before.has(s.getSheetId()));
    if (added) {
      responseSheetId = added.getSheetId();
      added.setName(t(lang, 'form.responseSheet', { round: round.title }).slice(0, 90));
    }
  }
  return { formId: form.getId(), formUrl: form.getPublishedUrl(), formEditUrl: form.getEditUrl(), responseSheetId, questions };
}

function answer(named: Record<string, string[]>, title: string | null): string {
  if (!title) return '';
  return String(named[title]?.[0] ?? '').trim();
}

function langFromChoice(choice: string, fallback: Lang): Lang {
  const found = (Object.entries(LANGUAGE_CHOICES) as [Lang, string][]).find(([, label]) => label === choice);
  return found ? found[0] : fallback;
}

/**
 * A response's answers (by question title, as a form-submit event names them) as the order input the
 * core checks. A single pickup point needs no question; the language defaults to the community's.
 */
export function orderAnswers(
  named: Record<string, string[]>,
  q: FormQuestions,
  round: { pickupPoints: string[]; defaultLang: Lang },
): Omit<RawOrderInput, 'email' | 'submittedAt'> {
  return {
    name: answer(named, q.name),
    phone: answer(named, q.phone),
    building: answer(named, q.building),
    flat: answer(named, q.flat),
    pickupPoint: answer(named, q.pickupPoint) || (round.pickupPoints.length === 1 ? round.pickupPoints[0] : ''),
    lang: langFromChoice(answer(named, q.lang), round.defaultLang),
    comment: answer(named, q.comment),
    quantities: Object.fromEntries(Object.entries(q.items).map(([id, titles]) => [id, answer(named, titles.quantity)])),
    extras: Object.fromEntries(
      Object.entries(q.items)
        .filter(([, titles]) => titles.extra)
        .map(([id, titles]) => [id, answer(named, titles.extra)]),
    ),
  };
}

/** Stops (or restarts) taking responses; a closed form shows residents a message in their community's language. */
export function setFormAccepting(formId: string, accepting: boolean, lang: Lang): void {
  if (!formId) return;
  FormApp.openById(formId).setCustomClosedFormMessage(t(lang, 'form.closed')).setAcceptingResponses(accepting);
}

/**
 * The response behind an event, from the form itself: its exact timestamp (to tell an edit from a
 * repeated event) and the resident's edit link. Costs Forms calls rather than sheet reads.
 */
export function findResponse(
  formId: string,
  email: string,
  named: Record<string, string[]>,
): { timestamp: Date; editUrl: string } | null {
  try {
    const since = new Date(Date.now() - 15 * 60 * 1000);
    const candidates = FormApp.openById(formId)
      .getResponses(since)
      .filter((r) => !email || r.getRespondentEmail() === email);
    let best: GoogleAppsScript.Forms.FormResponse | null = null;
    let bestScore = -1;
    for (const r of candidates) {
      const score = r
        .getItemResponses()
        .filter((ir) => String(ir.getResponse()) === String(named[ir.getItem().getTitle()]?.[0] ?? '')).length;
      if (score > bestScore || (score === bestScore && best && r.getTimestamp().getTime() > best.getTimestamp().getTime())) {
        best = r;
        bestScore = score;
      }
    }
    return best ? { timestamp: new Date(best.getTimestamp().getTime()), editUrl: best.getEditResponseUrl() } : null;
  } catch {
    return null;
  }
}
