import { CODE_MARK } from '../core/complaints';
import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';
import { errorText, link, publish, share } from './roundForm';
import { FormQuestion } from './rounds';

/**
 * The community's complaint form (issue 18): one Google Form, made once, in the community's language,
 * linked to this spreadsheet so the form-submit trigger that records orders also receives complaints —
 * told apart by their response sheet (intake.ts). Not a round's form: a round's answers are orders, and its
 * response sheet is read as orders.
 *
 * Questions: the round (its title, prefilled, for the resident to see), the code (prefilled: who and which
 * round, signed — see core/complaints.ts complaintCode), the item (a list), how many, what is wrong.
 */
export interface StoredComplaintForm {
  formId: string;
  sheetId: number;
  lang: Lang;
  questions: { round: FormQuestion; code: FormQuestion; item: FormQuestion; quantity: FormQuestion; note: FormQuestion };
}

/** A round's prefilled link, with CODE_MARK where each person's code goes, and the choices its items need. */
export interface ComplaintLink {
  url: string;
  choices: string[];
}

/**
 * Builds the form, publishes it, shares it with `editors` and links it. The caller stores the answer only
 * when it is linked (KEYS.complaintForm): an execution killed half-way leaves a stray form in the
 * creator's Drive, never a half-made one in use, and the next bill makes a whole one.
 */
export function buildComplaintForm(lang: Lang, editors: string[]): StoredComplaintForm | { notLinked: string } {
  const title = t(lang, 'complaintForm.title');
  const form = FormApp.create(title)
    .setTitle(title)
    .setDescription(t(lang, 'complaintForm.description'))
    .setConfirmationMessage(t(lang, 'complaintForm.confirmation'))
    .setAllowResponseEdits(false);
  const text = (key: 'complaintForm.round' | 'complaintForm.code', required: boolean): FormQuestion => {
    const qTitle = t(lang, key);
    return { id: form.addTextItem().setTitle(qTitle).setRequired(required).getId(), title: qTitle };
  };
  const round = text('complaintForm.round', false);
  const code = text('complaintForm.code', true);
  const itemTitle = t(lang, 'complaintForm.item');
  const item = { id: form.addListItem().setTitle(itemTitle).setChoiceValues(['—']).setRequired(true).getId(), title: itemTitle };
  const quantityTitle = t(lang, 'complaintForm.quantity');
  // A number as people type it ("2", "1,5"); the trigger reads it against what the person got.
  const rule = FormApp.createTextValidation()
    .requireTextMatchesPattern('^\\s*\\d{1,5}([.,]\\d{1,3})?\\s*$')
    .setHelpText(t(lang, 'complaintForm.quantityHelp'))
    .build();
  const quantity = {
    id: form
      .addTextItem()
      .setTitle(quantityTitle)
      .setHelpText(t(lang, 'complaintForm.quantityHelp'))
      .setValidation(rule)
      .setRequired(true)
      .getId(),
    title: quantityTitle,
  };
  const noteTitle = t(lang, 'complaintForm.note');
  const note = { id: form.addParagraphTextItem().setTitle(noteTitle).getId(), title: noteTitle };
  publish(form);
  share(form, editors);
  const linked = link(form, t(lang, 'complaintForm.responseSheet'), 'complaints');
  if (linked.responseSheetId === null) return { notLinked: linked.notLinked || 'no response sheet' };
  return { formId: form.getId(), sheetId: linked.responseSheetId, lang, questions: { round, code, item, quantity, note } };
}

/**
 * A round's prefilled link: the complaint list gets the round's items (and keeps every earlier choice:
 * a link already emailed must stay answerable; names repeat from round to round, so the list stays about
 * the Catalog's size), then a response with the round's title and CODE_MARK as the code gives the URL
 * through FormResponse.toPrefilledUrl — the only way to a prefilled link, as a link names questions by
 * numbers of its own, not by item ids
 * (https://developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl()).
 * One link per round, not per person: each person's link is this one with their code put in (an
 * alphanumeric code reads the same URL-encoded), so a bill run costs four Forms calls, not four per bill.
 */
export function prefilledComplaintLink(
  stored: StoredComplaintForm,
  roundTitle: string,
  choices: string[],
): ComplaintLink | { error: string } {
  try {
    const form = FormApp.openById(stored.formId);
    const list = form.getItemById(stored.questions.item.id)!.asListItem();
    const had = list.getChoices().map((c) => c.getValue());
    const all = [...new Set([...had.filter((c) => c !== '—'), ...choices])];
    if (all.length !== had.length || all.some((c, i) => c !== had[i])) list.setChoiceValues(all);
    const response = form
      .createResponse()
      .withItemResponse(form.getItemById(stored.questions.round.id)!.asTextItem().createResponse(roundTitle))
      .withItemResponse(form.getItemById(stored.questions.code.id)!.asTextItem().createResponse(CODE_MARK));
    return { url: response.toPrefilledUrl(), choices };
  } catch (err) {
    return { error: errorText(err) };
  }
}

/** The secret codes are signed with: made once, kept in document properties only. */
function complaintKey(store: DocumentStore): string {
  let key = store.get(KEYS.complaintKey);
  if (!key) store.set(KEYS.complaintKey, (key = `${Utilities.getUuid()}${Utilities.getUuid()}`));
  return key;
}

/**
 * HMAC-SHA256 of `text` with the community's secret, web-safe base64, first 16 characters (96 bits):
 * https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String).
 */
export function signer(store: DocumentStore): (text: string) => string {
  const key = complaintKey(store);
  return (text) => Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(text, key)).replace(/=+$/, '').slice(0, 16);
}
