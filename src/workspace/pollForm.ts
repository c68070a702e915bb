import { Lang } from '../core/i18n/lang';
import { t } from '../core/i18n/translate';
import { PollItem } from '../core/poll';
import { FormQuestion } from './rounds';

/** A needs poll as the add-on keeps it in document properties: its items and its form's questions. */
export interface StoredPoll {
  id: string;
  title: string;
  createdAt: number;
  createdBy: string;
  lang: Lang;
  items: PollItem[];
  formId: string;
  formUrl: string;
  name: FormQuestion;
  /** Item id → its quantity question. */
  questions: Record<string, FormQuestion>;
  /** The click that created it: a double click makes one poll. */
  requestId?: string;
  /** The round made from it, once made, and its title (what the coordinator reads). */
  roundId?: string;
  roundTitle?: string;
}

/**
 * The poll's Google Form, in the community's language: a name, then "how much would you take?" per item.
 * It is NOT linked to this spreadsheet (no setDestination): its answers are no order and must never reach
 * the form-submit trigger that records orders; they are read from the form itself when the coordinator
 * looks (Form.getResponses, https://developers.google.com/apps-script/reference/forms/form#getResponses()).
 */
export function buildPollForm(
  title: string,
  items: readonly PollItem[],
  lang: Lang,
): Pick<StoredPoll, 'formId' | 'formUrl' | 'name' | 'questions'> {
  const form = FormApp.create(title)
    .setTitle(title)
    .setDescription(t(lang, 'poll.formDescription'))
    .setAllowResponseEdits(true)
    .setConfirmationMessage(t(lang, 'form.confirmation'));
  const nameTitle = t(lang, 'poll.formName');
  const name = { id: form.addTextItem().setTitle(nameTitle).setRequired(true).getId(), title: nameTitle };
  const questions: Record<string, FormQuestion> = {};
  const taken = new Set([nameTitle]);
  // A number, as people type it ("2", "1,5"); anything else is refused by the form with this help.
  const rule = FormApp.createTextValidation()
    .requireTextMatchesPattern('^\\s*\\d{1,5}([.,]\\d{1,3})?\\s*$')
    .setHelpText(t(lang, 'poll.quantityHelp'))
    .build();
  for (const item of items) {
    let itemTitle = t(lang, 'poll.itemTitle', { item: item.name, unit: item.unit });
    if (taken.has(itemTitle)) itemTitle = `${itemTitle} [${item.id}]`;
    taken.add(itemTitle);
    const q = form.addTextItem().setTitle(itemTitle).setHelpText(t(lang, 'poll.quantityHelp')).setValidation(rule);
    questions[item.id] = { id: q.getId(), title: itemTitle };
  }
  const newer = form as unknown as { setPublished?: (p: boolean) => void };
  if (typeof newer.setPublished === 'function') newer.setPublished(true);
  else form.setAcceptingResponses(true);
  return { formId: form.getId(), formUrl: form.getPublishedUrl(), name, questions };
}

/** Every answer so far, read from the form in one call: who, and the typed quantity per item. */
export function readPollAnswers(poll: StoredPoll): { who: string; quantities: Record<string, string> }[] {
  const byQuestion = new Map(Object.entries(poll.questions).map(([itemId, q]) => [q.id, itemId]));
  return FormApp.openById(poll.formId)
    .getResponses()
    .map((r) => {
      const quantities: Record<string, string> = {};
      let who = r.getRespondentEmail() || r.getId();
      for (const ir of r.getItemResponses()) {
        const id = ir.getItem().getId();
        if (id === poll.name.id) who = String(ir.getResponse()) || who;
        const itemId = byQuestion.get(id);
        if (itemId) quantities[itemId] = String(ir.getResponse());
      }
      return { who, quantities };
    });
}
