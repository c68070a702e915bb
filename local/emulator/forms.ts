import { guarded, isDate } from './guard';
import { Runtime } from './runtime';
import { EmuRange } from './spreadsheet/range';
import { EmuSpreadsheet } from './spreadsheet/spreadsheet';

export type ItemKind = 'TEXT' | 'PARAGRAPH_TEXT' | 'LIST' | 'MULTIPLE_CHOICE' | 'SECTION_HEADER';

export interface TextRule {
  kind: 'numberBetween' | 'pattern' | 'email' | 'wholeNumber';
  args: unknown[];
  helpText: string;
}

type ItemMembers =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getHelpText'
  | 'setHelpText'
  | 'getIndex'
  | 'asTextItem'
  | 'asParagraphTextItem'
  | 'asListItem'
  | 'asMultipleChoiceItem'
  | 'asSectionHeaderItem';

/** One question of a form; the same class answers for each item type, as Item.asTextItem() etc. return views. */
export class EmuItem implements Pick<GoogleAppsScript.Forms.Item, ItemMembers> {
  readonly proxy: any;
  title = '';
  helpText = '';
  required = false;
  choices: string[] = [];
  validation: TextRule | null = null;

  constructor(
    readonly form: EmuForm,
    readonly id: number,
    readonly kind: ItemKind,
  ) {
    this.proxy = guarded(this, 'Item');
  }

  getId() {
    return this.id;
  }
  getTitle() {
    return this.title;
  }
  setTitle(title: string) {
    this.title = title;
    return this.proxy;
  }
  getHelpText() {
    return this.helpText;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this.proxy;
  }
  isRequired() {
    return this.required;
  }
  setRequired(enabled: boolean) {
    this.required = enabled;
    return this.proxy;
  }
  getType() {
    return this.kind;
  }
  getIndex() {
    return this.form.items.indexOf(this);
  }
  setChoiceValues(values: string[]) {
    this.choices = values.map(String);
    return this.proxy;
  }
  getChoices() {
    return this.choices.map((v) => guarded({ getValue: () => v }, 'Choice'));
  }
  setValidation(validation: unknown) {
    this.validation = (validation as { rule: TextRule }).rule;
    return this.proxy;
  }
  clearValidation() {
    this.validation = null;
    return this.proxy;
  }
  asTextItem() {
    return this.proxy;
  }
  asParagraphTextItem() {
    return this.proxy;
  }
  asListItem() {
    return this.proxy;
  }
  asMultipleChoiceItem() {
    return this.proxy;
  }
  asSectionHeaderItem() {
    return this.proxy;
  }

  /** What the Forms UI would say before letting the answer through, or null when it is fine. */
  reject(answer: string): string | null {
    if (answer === '') return this.required ? 'This is a required question' : null;
    if ((this.kind === 'LIST' || this.kind === 'MULTIPLE_CHOICE') && !this.choices.includes(answer))
      return 'Choose one of the options';
    const rule = this.validation;
    if (!rule) return null;
    const text = answer.trim();
    const fail = rule.helpText || 'Invalid answer';
    switch (rule.kind) {
      case 'numberBetween': {
        const n = Number(text);
        return text !== '' && Number.isFinite(n) && n >= (rule.args[0] as number) && n <= (rule.args[1] as number) ? null : fail;
      }
      case 'wholeNumber':
        return /^-?\d+$/.test(text) ? null : fail;
      case 'email':
        return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? null : fail;
      case 'pattern':
        return new RegExp(`^(?:${rule.args[0] as string})$`).test(text) ? null : fail;
    }
  }
}

class EmuTextValidationBuilder {
  readonly proxy: GoogleAppsScript.Forms.TextValidationBuilder;
  private rule: TextRule = { kind: 'pattern', args: ['.*'], helpText: '' };
  constructor() {
    this.proxy = guarded(this, 'TextValidationBuilder');
  }
  requireNumberBetween(start: number, end: number) {
    this.rule = { ...this.rule, kind: 'numberBetween', args: [start, end] };
    return this.proxy;
  }
  requireWholeNumber() {
    this.rule = { ...this.rule, kind: 'wholeNumber', args: [] };
    return this.proxy;
  }
  requireTextIsEmail() {
    this.rule = { ...this.rule, kind: 'email', args: [] };
    return this.proxy;
  }
  /** Forms matches the whole answer against the pattern (RE2 syntax; ours stay within what both accept). */
  requireTextMatchesPattern(pattern: string) {
    this.rule = { ...this.rule, kind: 'pattern', args: [pattern] };
    return this.proxy;
  }
  setHelpText(text: string) {
    this.rule = { ...this.rule, helpText: text };
    return this.proxy;
  }
  build() {
    return { rule: { ...this.rule } } as unknown as GoogleAppsScript.Forms.TextValidation;
  }
}

export interface StoredResponse {
  id: string;
  timestamp: number;
  email: string;
  answers: Record<string, string>;
  row: number;
}

type FormMembers =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'addTextItem'
  | 'addParagraphTextItem'
  | 'addListItem'
  | 'addMultipleChoiceItem'
  | 'addSectionHeaderItem'
  | 'getItems'
  | 'deleteItem'
  | 'setDestination'
  | 'getDestinationId'
  | 'setAcceptingResponses'
  | 'isAcceptingResponses'
  | 'setCustomClosedFormMessage'
  | 'getCustomClosedFormMessage'
  | 'setConfirmationMessage'
  | 'setCollectEmail'
  | 'collectsEmail'
  | 'setAllowResponseEdits'
  | 'canEditResponse'
  | 'setShowLinkToRespondAgain'
  | 'getPublishedUrl'
  | 'getEditUrl'
  | 'getResponses'
  | 'getResponse';

export class EmuForm implements Partial<Pick<GoogleAppsScript.Forms.Form, FormMembers>> {
  readonly proxy: GoogleAppsScript.Forms.Form;
  title = '';
  description = '';
  items: EmuItem[] = [];
  accepting = true;
  closedMessage = '';
  confirmation = '';
  collectEmail = false;
  allowEdits = false;
  /** The response sheet, by id: a coordinator may rename it and Forms keeps writing to it. */
  destinationSheetId: number | null = null;
  responses: StoredResponse[] = [];
  private nextItemId = 1000;

  constructor(
    private app: EmuFormApp,
    readonly id: string,
  ) {
    this.proxy = guarded(this, 'Form');
  }

  private call(method: string) {
    this.app.runtime.call('form', `Form.${method}`);
  }
  private add(kind: ItemKind) {
    this.call(`add${kind}`);
    const item = new EmuItem(this, this.nextItemId++, kind);
    this.items.push(item);
    return item.proxy;
  }

  getId() {
    return this.id;
  }
  getTitle() {
    return this.title;
  }
  setTitle(title: string) {
    this.call('setTitle');
    this.title = title;
    return this.proxy;
  }
  getDescription() {
    return this.description;
  }
  setDescription(description: string) {
    this.call('setDescription');
    this.description = description;
    return this.proxy;
  }
  addTextItem() {
    return this.add('TEXT');
  }
  addParagraphTextItem() {
    return this.add('PARAGRAPH_TEXT');
  }
  addListItem() {
    return this.add('LIST');
  }
  addMultipleChoiceItem() {
    return this.add('MULTIPLE_CHOICE');
  }
  addSectionHeaderItem() {
    return this.add('SECTION_HEADER');
  }
  getItems() {
    this.call('getItems');
    return this.items.map((i) => i.proxy);
  }
  deleteItem(item: any) {
    this.call('deleteItem');
    const index = typeof item === 'number' ? item : this.items.findIndex((i) => i.proxy === item || i.id === item?.getId?.());
    if (index < 0 || index >= this.items.length) throw new Error('Invalid argument: item');
    this.items.splice(index, 1);
  }

  /** Like Forms: linking a spreadsheet adds a response sheet ("Form Responses N") with a header row. */
  setDestination(_type: GoogleAppsScript.Forms.DestinationType, id: string) {
    this.call('setDestination');
    const ss = this.app.spreadsheet;
    if (id !== ss.id) throw new Error("not emulated: a destination other than the add-on's spreadsheet");
    if (this.destinationSheetId === null) {
      let n = 1;
      while (ss.sheet(`Form Responses ${n}`)) n++;
      this.destinationSheetId = ss.addSheet(`Form Responses ${n}`, 0).id;
    }
    this.syncHeader();
    return this.proxy;
  }

  getDestinationId() {
    return this.destinationSheetId !== null ? this.app.spreadsheet.id : (null as unknown as string);
  }

  destination() {
    return this.destinationSheetId === null
      ? undefined
      : this.app.spreadsheet.sheets.find((s) => s.id === this.destinationSheetId);
  }
  setAcceptingResponses(enabled: boolean) {
    this.call('setAcceptingResponses');
    this.accepting = enabled;
    return this.proxy;
  }
  isAcceptingResponses() {
    return this.accepting;
  }
  setCustomClosedFormMessage(message: string) {
    this.closedMessage = message;
    return this.proxy;
  }
  getCustomClosedFormMessage() {
    return this.closedMessage;
  }
  setConfirmationMessage(message: string) {
    this.confirmation = message;
    return this.proxy;
  }
  setCollectEmail(collect: boolean) {
    this.collectEmail = collect;
    this.syncHeader();
    return this.proxy;
  }
  collectsEmail() {
    return this.collectEmail;
  }
  setAllowResponseEdits(enabled: boolean) {
    this.allowEdits = enabled;
    return this.proxy;
  }
  canEditResponse() {
    return this.allowEdits;
  }
  setShowLinkToRespondAgain(_enabled: boolean) {
    return this.proxy;
  }
  getPublishedUrl() {
    return `https://docs.google.com/forms/d/e/${this.id}/viewform`;
  }
  getEditUrl() {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }

  getResponses(timestamp?: GoogleAppsScript.Base.Date) {
    this.call('getResponses');
    const since = timestamp && isDate(timestamp) ? timestamp.getTime() : -Infinity;
    return this.responses
      .filter((r) => r.timestamp >= since)
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((r) => this.responseView(r));
  }

  getResponse(responseId: string) {
    this.call('getResponse');
    const r = this.responses.find((x) => x.id === responseId);
    if (!r) throw new Error('No response with ID ' + responseId + ' exists for this form.');
    return this.responseView(r);
  }

  editUrlOf(r: StoredResponse): string {
    return `https://docs.google.com/forms/d/e/${this.id}/viewform?edit2=${r.id}`;
  }

  private responseView(r: StoredResponse): GoogleAppsScript.Forms.FormResponse {
    const rt = this.app.runtime;
    return guarded(
      {
        getId: () => r.id,
        getTimestamp: () => rt.newDate(r.timestamp),
        getRespondentEmail: () => r.email,
        getEditResponseUrl: () => this.editUrlOf(r),
        getItemResponses: () =>
          this.items
            .filter((i) => r.answers[i.title] !== undefined && r.answers[i.title] !== '')
            .map((i) => guarded({ getItem: () => i.proxy, getResponse: () => r.answers[i.title] }, 'ItemResponse')),
      },
      'FormResponse',
    );
  }

  /** Header: Timestamp, [Email Address], then question titles; new questions get new columns at the end. */
  columns(): string[] {
    const sheet = this.destination();
    if (!sheet) return [];
    const header: string[] = [];
    for (let c = 1; c <= sheet.maxColumns; c++) {
      const v = sheet.read(1, c);
      if (v === '') break;
      header.push(String(v));
    }
    return header;
  }

  syncHeader(): void {
    const sheet = this.destination();
    if (!sheet) return;
    const header = this.columns();
    const wanted = [
      'Timestamp',
      ...(this.collectEmail ? ['Email Address'] : []),
      ...this.items.filter((i) => i.kind !== 'SECTION_HEADER').map((i) => i.title),
    ];
    for (const title of wanted) if (!header.includes(title)) header.push(title);
    if (header.length > sheet.maxColumns) sheet.maxColumns = header.length;
    header.forEach((h, i) => sheet.put(1, i + 1, `'${h}`));
  }
}

type AppMembers = 'create' | 'openById' | 'createTextValidation' | 'DestinationType' | 'ItemType';

/** FormApp plus the resident's side: submitting and editing responses, which fires the form-submit trigger. */
export class EmuFormApp implements Pick<GoogleAppsScript.Forms.FormApp, AppMembers> {
  readonly proxy: GoogleAppsScript.Forms.FormApp;
  readonly DestinationType = { SPREADSHEET: 'SPREADSHEET' } as unknown as typeof GoogleAppsScript.Forms.DestinationType;
  readonly ItemType = {
    TEXT: 'TEXT',
    PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
    LIST: 'LIST',
    MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
    SECTION_HEADER: 'SECTION_HEADER',
  } as unknown as typeof GoogleAppsScript.Forms.ItemType;
  readonly forms: EmuForm[] = [];

  constructor(
    readonly runtime: Runtime,
    readonly spreadsheet: EmuSpreadsheet,
  ) {
    this.proxy = guarded(this, 'FormApp');
  }

  create(title: string) {
    this.runtime.call('form', 'FormApp.create');
    this.runtime.requireAuth('FormApp.create');
    const form = new EmuForm(this, `form-${this.runtime.random.id(24)}`);
    form.title = title;
    this.forms.push(form);
    return form.proxy;
  }

  openById(id: string) {
    this.runtime.call('form', 'FormApp.openById');
    this.runtime.requireAuth('FormApp.openById');
    const form = this.byId(id);
    if (!form)
      throw new Error(
        `No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.`,
      );
    return form.proxy;
  }

  createTextValidation() {
    return new EmuTextValidationBuilder().proxy;
  }

  byId(id: string): EmuForm | undefined {
    return this.forms.find((f) => f.id === id);
  }

  /** Finds the form whose responses land on this sheet. */
  byDestination(sheetId: number): EmuForm | undefined {
    return this.forms.find((f) => f.destinationSheetId === sheetId);
  }
}

export interface Submission {
  /** Answers by question title, as the resident typed or picked them. */
  answers: Record<string, string>;
  email?: string;
  /** Edit the response with this id instead of creating a new one. */
  editResponseId?: string;
  /** As if a coordinator had removed the form's validation in the Forms editor: answers go through as typed. */
  bypassValidation?: boolean;
}

export type SubmitResult =
  | { ok: true; responseId: string; row: number; editUrl: string; event: FormSubmitEvent }
  | { ok: false; closed?: string; errors: Record<string, string> };

export interface FormSubmitEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  values: string[];
  namedValues: Record<string, string[]>;
}

/**
 * What happens when a resident presses Submit: the form checks each answer as its UI does, then the
 * response is written to its sheet (an edit rewrites the same row with a new timestamp) and a
 * form-submit event is built the way Apps Script builds it.
 */
export function submitResponse(app: EmuFormApp, form: EmuForm, s: Submission): SubmitResult {
  if (!form.accepting)
    return { ok: false, closed: form.closedMessage || 'This form is no longer accepting responses', errors: {} };
  const errors: Record<string, string> = {};
  for (const item of form.items) {
    if (item.kind === 'SECTION_HEADER' || s.bypassValidation) continue;
    const why = item.reject(String(s.answers[item.title] ?? ''));
    if (why) errors[item.title] = why;
  }
  if (form.collectEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email ?? ''))
    errors['Email Address'] = 'Must be a valid email address';
  if (Object.keys(errors).length) return { ok: false, errors };

  const ss = app.spreadsheet;
  const sheet = form.destination();
  const now = app.runtime.clock.now();
  let response = s.editResponseId ? form.responses.find((r) => r.id === s.editResponseId) : undefined;
  if (s.editResponseId && (!response || !form.allowEdits)) return { ok: false, errors: { '': 'This response cannot be edited' } };
  if (response) {
    response.timestamp = now;
    response.answers = { ...s.answers };
  } else {
    response = {
      id: `resp-${app.runtime.random.id(20)}`,
      timestamp: now,
      email: s.email ?? '',
      answers: { ...s.answers },
      row: 0,
    };
    form.responses.push(response);
  }
  if (!sheet)
    return {
      ok: true,
      responseId: response.id,
      row: 0,
      editUrl: form.editUrlOf(response),
      event: { range: null as never, values: [], namedValues: {} },
    };

  form.syncHeader();
  const header = form.columns();
  if (!response.row) {
    response.row = sheet.dataExtent().rows + 1;
    if (response.row > sheet.maxRows) sheet.maxRows = response.row;
  }
  const row = header.map((title) =>
    title === 'Timestamp' ? app.runtime.newDate(now) : title === 'Email Address' ? response!.email : (s.answers[title] ?? ''),
  );
  // Forms writes answers as typed text, but Sheets still parses numbers in them.
  row.forEach((v, i) => sheet.put(response!.row, i + 1, typeof v === 'string' && v.startsWith('=') ? `'${v}` : v));
  const display = new EmuRange(sheet, response.row, 1, 1, header.length).proxy;
  const values = header.map((title, i) => (title === 'Timestamp' ? formatTimestamp(now, ss.zone) : String(row[i])));
  const namedValues: Record<string, string[]> = {};
  header.forEach((title, i) => (namedValues[title] = [values[i]]));
  return {
    ok: true,
    responseId: response.id,
    row: response.row,
    editUrl: form.editUrlOf(response),
    event: { range: display, values, namedValues },
  };
}

function formatTimestamp(ms: number, zone: string): string {
  const d = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
  return d.replace(',', '');
}
