import { pickupTimeIn } from '../core/i18n/pickupTime';
import { unitIn } from '../core/units';
import { CatalogItem, itemName } from '../core/catalog';
import { maxStepsPerPerson, quantityHelp, quantityPattern, takesExtra } from '../core/formRules';
import { formatDateTime, formatMoney, formatNumber, listOf } from '../core/i18n/format';
import { LANGS, LANG_NAMES, Lang } from '../core/i18n/lang';
import { LocalizedText, inEach, textIn } from '../core/i18n/texts';
import { MessageKey, Params, t } from '../core/i18n/translate';
import { unitsOf } from '../core/quantity';
import { Round } from '../core/round';
import { RawOrderInput } from '../core/validation';
import { FormQuestion, FormQuestions } from './rounds';
import { Book } from './sheets/book';

const LANGUAGE_CHOICES = LANG_NAMES;

export interface BuiltForm {
  formId: string;
  formUrl: string;
  formEditUrl: string;
  responseSheetId: number | null;
  questions: FormQuestions;
  /** Whether the form takes responses now (published and accepting), checked after publishing it. */
  accepting: boolean;
  /** The Forms error when the form could not be linked to this spreadsheet; '' when linked. */
  notLinked: string;
  /** Addresses the form could not be shared with, each with Google's reason. */
  notShared: { email: string; error: string }[];
}

interface FormInput {
  round: Round;
  items: CatalogItem[];
  buildings: string[];
  pickupPoints: string[];
  /** The community's default language: the response sheet is named in it. */
  lang: Lang;
  /**
   * The community's languages, the default first (Settings, core/settings.ts communityLanguages): one form
   * for everyone, every question labelled in each (README "The form and the community's languages").
   */
  langs: readonly Lang[];
  /** The community's rules (Settings), per language; shown under the form's description when set. */
  rules: string | LocalizedText;
  timeZone: string;
}

/** A message in each of the form's languages: "Ваше имя · 您的姓名". */
function say(langs: readonly Lang[], key: MessageKey, params: (lang: Lang) => Params = () => ({}), separator = ' · '): string {
  return inEach(langs, (lang) => t(lang, key, params(lang)), separator);
}

/** The description: a paragraph per language (deadline, pickup, how to edit, the rules), each rules text once. */
function describe(input: FormInput): string {
  const { round, timeZone } = input;
  const rulesSaid = new Set<string>();
  const paragraphs = input.langs.map((lang) => {
    const lines = [t(lang, 'form.deadline', { deadline: formatDateTime(round.deadline, timeZone, lang) })];
    if (round.pickupTime || round.pickupPoints.length) {
      lines.push(
        t(lang, 'form.pickup', { time: pickupTimeIn(round.pickupTime, lang), places: listOf(round.pickupPoints, lang) }).trim(),
      );
    }
    lines.push(t(lang, 'form.editHint'));
    const rules = textIn(input.rules, lang).trim();
    if (rules && !rulesSaid.has(rules)) lines.push(t(lang, 'form.rules', { rules }));
    rulesSaid.add(rules);
    return lines.join('\n');
  });
  return [...new Set(paragraphs)].join('\n\n');
}

/** "Рис — 95,50 ₽ за кг · 大米（每公斤₽95.50）": the item's name, price and unit in each language. */
function itemTitle(item: CatalogItem, input: FormInput, taken: Set<string>): string {
  const { round } = input;
  let title = say(input.langs, 'form.itemTitle', (lang) => ({
    item: itemName(item, lang),
    price: formatMoney(item.priceMinor, round.currency, lang),
    unit: unitIn(item, lang),
  }));
  if (taken.has(title)) title = `${title} [${item.id}]`;
  taken.add(title);
  return title;
}

/** The calls of Forms' newer API that an older runtime may lack: detected before use, never assumed. */
interface NewerForm {
  setPublished?: (enabled: boolean) => unknown;
  isPublished?: () => boolean;
  setEmailCollectionType?: (type: unknown) => unknown;
}

/**
 * Forms created after 30 June 2026 start unpublished and take no responses until published: "You must
 * publish the forms before they can accept responses"
 * (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms). Form.setPublished
 * arrived with that change, so it is called where it exists; either way the form is then checked, and the
 * answer is what the coordinator is told, not what was asked for.
 */
export function publish(form: GoogleAppsScript.Forms.Form): boolean {
  const newer = form as unknown as NewerForm;
  if (typeof newer.setPublished === 'function') newer.setPublished(true);
  else form.setAcceptingResponses(true);
  const published = typeof newer.isPublished === 'function' ? newer.isPublished() : true;
  return published && form.isAcceptingResponses();
}

/**
 * Residents type their address (RESPONDER_INPUT) instead of signing in to Google (VERIFIED): many have no
 * Google account. Which one the deprecated setCollectEmail(true) turns on is not documented, so it is the
 * fallback only where setEmailCollectionType is missing.
 */
function collectTypedEmail(form: GoogleAppsScript.Forms.Form): void {
  const newer = form as unknown as NewerForm;
  const types = (FormApp as unknown as { EmailCollectionType?: Record<string, unknown> }).EmailCollectionType;
  if (typeof newer.setEmailCollectionType === 'function' && types?.RESPONDER_INPUT)
    newer.setEmailCollectionType(types.RESPONDER_INPUT);
  else form.setCollectEmail(true);
}

/**
 * A form belongs to the account that created it, and FormApp.openById throws for anyone else ("No item
 * with the given ID could be found…"). The round's form is shared with everyone who may have to open it —
 * the community's coordinators, the spreadsheet's owner, the account the triggers run as — so that any of
 * them can close it, reopen it, or read its responses. One by one, so one bad address stops no other.
 */
export function share(form: GoogleAppsScript.Forms.Form, emails: string[]): BuiltForm['notShared'] {
  const failed: BuiltForm['notShared'] = [];
  for (const email of emails) {
    try {
      form.addEditor(email);
    } catch (err) {
      failed.push({ email, error: errorText(err) });
    }
  }
  return failed;
}

export function errorText(err: unknown): string {
  return typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err);
}

/**
 * Sheet names are unique, whatever their case ("A sheet with the name … already exists"): two rounds
 * with the same title need two names for their response sheets.
 */
function uniqueSheetName(wanted: string, taken: string[], roundId: string): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const base = wanted.slice(0, 90);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 0; ; n++) {
    const name = `${base.slice(0, 80)} (${n ? `${roundId}-${n}` : roundId})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Whether the form already writes to this spreadsheet (a form rebuilt, or linked on an earlier try). */
export function linkedHere(form: GoogleAppsScript.Forms.Form): boolean {
  try {
    return form.getDestinationId() === SpreadsheetApp.getActiveSpreadsheet().getId();
  } catch {
    // "getDestinationId" of a form with no destination: not linked.
    return false;
  }
}

/**
 * Links the form to this spreadsheet and names its new response sheet. The reference lists only the forms
 * scope for setDestination; if Google still refuses (see README "The first real deployment"), the form
 * stays unlinked and the coordinator is told how to link it by hand.
 */
export function link(
  form: GoogleAppsScript.Forms.Form,
  name: string,
  roundId: string,
): { responseSheetId: number | null; notLinked: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = ss.getSheets();
  const before = new Set(sheets.map((s) => s.getSheetId()));
  try {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  } catch (err) {
    return { responseSheetId: null, notLinked: errorText(err) };
  }
  SpreadsheetApp.flush();
  const after = ss.getSheets();
  const added = after.find((s) => !before.has(s.getSheetId()));
  if (!added) return { responseSheetId: null, notLinked: '' };
  const taken = after.filter((s) => s !== added).map((s) => s.getName());
  added.setName(uniqueSheetName(name, taken, roundId));
  return { responseSheetId: added.getSheetId(), notLinked: '' };
}

/**
 * Creates the round's Google Form (or rebuilds the questions of the existing one), linked to this
 * spreadsheet so each response lands in the round's own response sheet; publishes it and shares it with
 * `editors`. The questions are kept by item id: a rebuilt form's questions are new items with new ids
 * (and new response columns, even under the same titles), and a coordinator may rename a question.
 */
export function buildRoundForm(input: FormInput, existingFormId: string, editors: string[]): BuiltForm {
  const { lang, langs, round } = input;
  let form: GoogleAppsScript.Forms.Form;
  if (existingFormId) {
    form = FormApp.openById(existingFormId);
    for (let i = form.getItems().length - 1; i >= 0; i--) form.deleteItem(i);
  } else {
    form = FormApp.create(round.title);
  }
  form
    .setTitle(round.title)
    .setDescription(describe(input))
    .setAllowResponseEdits(true)
    .setConfirmationMessage(say(langs, 'form.confirmation', undefined, '\n'))
    .setCustomClosedFormMessage(say(langs, 'form.closed', undefined, '\n'));
  collectTypedEmail(form);

  const taken = new Set<string>();
  const added = (item: { getId(): number }, title: string): FormQuestion => {
    taken.add(title);
    return { id: item.getId(), title };
  };
  const text = (title: string, required = false) => added(form.addTextItem().setTitle(title).setRequired(required), title);
  const choice = (title: string, values: string[], required: boolean) =>
    added(form.addListItem().setTitle(title).setChoiceValues(values).setRequired(required), title);

  const name = text(say(langs, 'form.name'), true);
  const phone = text(say(langs, 'form.phone'));
  const building = input.buildings.length ? choice(say(langs, 'form.building'), input.buildings, true) : null;
  const flat = text(say(langs, 'form.flat'));
  const pickupPoint = input.pickupPoints.length > 1 ? choice(say(langs, 'form.pickupPoint'), input.pickupPoints, true) : null;
  const langTitle = say(langs, 'form.lang');
  // The community's own languages first: a resident finds theirs at the top.
  const spoken = [...langs, ...LANGS.filter((l) => !langs.includes(l))].map((l) => LANGUAGE_CHOICES[l]);
  const langQuestion = added(
    form.addMultipleChoiceItem().setTitle(langTitle).setChoiceValues(spoken).setRequired(false),
    langTitle,
  );
  const items: FormQuestions['items'] = {};
  for (const item of input.items) items[item.id] = itemQuestions(form, item, input, taken);
  const commentTitle = say(langs, 'form.comment');
  const comment = added(form.addParagraphTextItem().setTitle(commentTitle), commentTitle);
  const questions: FormQuestions = { name, phone, building, flat, pickupPoint, lang: langQuestion, comment, items };

  const accepting = publish(form);
  const notShared = share(form, editors);
  const linked = linkedHere(form)
    ? { responseSheetId: null, notLinked: '' }
    : link(form, t(lang, 'form.responseSheet', { round: round.title }), round.id);
  return {
    formId: form.getId(),
    formUrl: form.getPublishedUrl(),
    formEditUrl: form.getEditUrl(),
    questions,
    accepting,
    notShared,
    ...linked,
  };
}

/** An item's quantity question (validated: whole steps, up to the limit) and, for boxed items and minimums, its "extra". */
function itemQuestions(
  form: GoogleAppsScript.Forms.Form,
  item: CatalogItem,
  input: FormInput,
  taken: Set<string>,
): { quantity: FormQuestion; extra: FormQuestion | null } {
  const { langs } = input;
  const title = itemTitle(item, input, taken);
  const max = maxStepsPerPerson(item);
  const invalid = inEach(langs, (lang) => {
    const step = formatNumber(unitsOf(1, item.stepMilli), lang);
    const unit = unitIn(item, lang);
    return max === null
      ? t(lang, 'form.quantityInvalid', { step, unit })
      : t(lang, 'form.quantityInvalidMax', { step, unit, max: formatNumber(unitsOf(max, item.stepMilli), lang) });
  });
  const rule = FormApp.createTextValidation().requireTextMatchesPattern(quantityPattern(item, max)).setHelpText(invalid).build();
  const help = inEach(langs, (lang) => quantityHelp(item, lang), '\n');
  const quantity = form.addTextItem().setTitle(title).setHelpText(help).setValidation(rule);
  if (!takesExtra(item)) return { quantity: { id: quantity.getId(), title }, extra: null };
  const boxed = item.boxSteps > 1;
  let extraTitle = say(langs, boxed ? 'form.extraTitle' : 'form.extraTitleMinimum', (lang) => ({ item: itemName(item, lang) }));
  if (taken.has(extraTitle)) extraTitle = `${extraTitle} [${item.id}]`;
  taken.add(extraTitle);
  // More than a box less one (or than the minimum less one) never helps anyone.
  const most = boxed ? item.boxSteps - 1 : Math.max(1, item.minimumSteps - 1);
  const extra = form
    .addTextItem()
    .setTitle(extraTitle)
    .setHelpText(say(langs, boxed ? 'form.extraHelp' : 'form.extraHelpMinimum', undefined, '\n'))
    .setValidation(
      FormApp.createTextValidation()
        .requireTextMatchesPattern(quantityPattern(item, most))
        .setHelpText(say(langs, boxed ? 'form.extraInvalid' : 'form.extraInvalidMinimum'))
        .build(),
    );
  return { quantity: { id: quantity.getId(), title }, extra: { id: extra.getId(), title: extraTitle } };
}

function langFromChoice(choice: string, fallback: Lang): Lang {
  const found = (Object.entries(LANGUAGE_CHOICES) as [Lang, string][]).find(([, label]) => label === choice);
  return found ? found[0] : fallback;
}

/** One answer of a response, looked up by its question (null: the form did not ask it). */
export type AnswerOf = (question: FormQuestion | null) => string;

/**
 * A response's answers as the order input the core checks. A single pickup point needs no question; the
 * language defaults to the community's.
 */
export function orderAnswers(
  answer: AnswerOf,
  q: FormQuestions,
  round: { pickupPoints: string[]; defaultLang: Lang },
): Omit<RawOrderInput, 'email' | 'submittedAt'> {
  return {
    name: answer(q.name),
    phone: answer(q.phone),
    building: answer(q.building),
    flat: answer(q.flat),
    pickupPoint: answer(q.pickupPoint) || (round.pickupPoints.length === 1 ? round.pickupPoints[0] : ''),
    lang: langFromChoice(answer(q.lang), round.defaultLang),
    comment: answer(q.comment),
    quantities: Object.fromEntries(Object.entries(q.items).map(([id, qs]) => [id, answer(qs.quantity)])),
    extras: Object.fromEntries(
      Object.entries(q.items)
        .filter(([, qs]) => qs.extra)
        .map(([id, qs]) => [id, answer(qs.extra)]),
    ),
  };
}

/** Answers by item id, from a FormResponse. */
export function answersById(byItem: Record<number, string>): AnswerOf {
  return (q) => (q ? String(byItem[q.id] ?? '').trim() : '');
}

/**
 * Answers from a response sheet's row, when the form itself cannot be read: by the question's title, and
 * of several columns with that title (a rebuilt form keeps the old ones) the rightmost, which is the newest.
 * The row is the whole response, also for an edit, whose event may carry blanks for unchanged answers.
 */
export function answersByColumn(header: readonly string[], row: readonly unknown[]): AnswerOf {
  return (q) => {
    if (!q) return '';
    const at = header.lastIndexOf(q.title);
    const v = at < 0 ? '' : row[at];
    return v === null || v === undefined ? '' : String(v).trim();
  };
}

/** How taking responses went: done, or the Forms error (the form could not be opened). */
export type FormOutcome = { ok: true } | { ok: false; error: string };

/**
 * Stops (or restarts) taking responses; a closed form shows residents a message in their community's
 * languages. A form the caller may not open (it belongs to another coordinator who has not shared it) is
 * reported, not thrown: closing a round must not depend on it.
 */
export function setFormAccepting(formId: string, accepting: boolean, langs: Lang | readonly Lang[]): FormOutcome {
  if (!formId) return { ok: true };
  try {
    const closed = say(typeof langs === 'string' ? [langs] : langs, 'form.closed', undefined, '\n');
    const form = FormApp.openById(formId).setCustomClosedFormMessage(closed);
    if (accepting) publish(form);
    else form.setAcceptingResponses(false);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

/** A response as the form keeps it: every answer by item id, its exact time and the resident's edit link. */
export interface StoredFormResponse {
  byItem: Record<number, string>;
  timestamp: Date;
  editUrl: string;
}

/**
 * The response behind a response-sheet row, read from the form itself: the one submitted (or last edited)
 * at the row's timestamp by the row's address. Costs Forms calls rather than sheet reads; null when the
 * form cannot be opened or holds no such response (then the row itself is read).
 */
export function findResponse(formId: string, at: Date, email: string): StoredFormResponse | null {
  try {
    const wanted = email.trim().toLowerCase();
    const near = FormApp.openById(formId)
      .getResponses(new Date(at.getTime() - 60_000))
      .filter((r) => !wanted || r.getRespondentEmail().trim().toLowerCase() === wanted)
      .map((r) => ({ r, off: Math.abs(r.getTimestamp().getTime() - at.getTime()) }))
      .filter((x) => x.off < 2000)
      .sort((a, b) => a.off - b.off);
    const best = near[0]?.r;
    if (!best) return null;
    const byItem: Record<number, string> = {};
    for (const ir of best.getItemResponses()) byItem[ir.getItem().getId()] = String(ir.getResponse());
    return { byItem, timestamp: new Date(best.getTimestamp().getTime()), editUrl: best.getEditResponseUrl() };
  } catch {
    return null;
  }
}

/** A round's form as Check set-up sees it, from the account running the check. */
export type FormState = { open: true; published: boolean; accepting: boolean; linked: boolean } | { open: false; error: string };

/** Opens the form (which may belong to another coordinator) and says whether residents can reach it. */
export function formState(formId: string): FormState {
  try {
    const form = FormApp.openById(formId);
    const newer = form as unknown as NewerForm;
    const published = typeof newer.isPublished === 'function' ? newer.isPublished() : true;
    return { open: true, published, accepting: form.isAcceptingResponses(), linked: linkedHere(form) };
  } catch (err) {
    return { open: false, error: errorText(err) };
  }
}

/**
 * Lets go of an archived round's response sheet. The form is unlinked first (Form.removeDestination,
 * https://developers.google.com/apps-script/reference/forms/form#removeDestination()): deleting a sheet a
 * form still writes to is not something the reference describes, and the form is closed for good anyway —
 * it keeps every response itself, so nothing a resident sent is lost. A form this account cannot open
 * (another coordinator's, not shared) cannot be unlinked: its sheet stays, and the caller says so.
 */
export function unlinkResponseSheet(book: Book, formId: string, sheetId: number | null): boolean {
  if (sheetId === null) return true;
  const sheet = book.sheets().find((s) => s.getSheetId() === sheetId);
  if (!sheet) return true;
  try {
    FormApp.openById(formId).removeDestination();
  } catch (err) {
    console.warn(`archive: form ${formId} could not be unlinked: ${(err as Error)?.message ?? err}`);
    return false;
  }
  book.ss.deleteSheet(sheet);
  return true;
}
