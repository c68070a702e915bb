import { Fidelity, STRICT } from './fidelity';
import { guarded, isDate } from './guard';
import { Runtime } from './runtime';
import { userObject } from './spreadsheet/protection';
import { EmuRange } from './spreadsheet/range';
import { EmuSpreadsheet } from './spreadsheet/spreadsheet';

/**
 * FormApp.openById for a form the user may not open: Apps Script's wording, as users report it
 * (e.g. github.com/boilermaker-ben/Google-Sheets-NFL-Pick-Ems-and-Survivor-Pool/issues/30).
 */
export const FORM_NO_ACCESS_ERROR =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
/**
 * What a resident is told on an unpublished form's link. Google has not published the page's wording; the
 * fact is documented: unpublished forms "won't receive responses"
 * (developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms).
 */
export const UNPUBLISHED_FORM_MESSAGE = 'This form is not published yet, so it cannot take responses.';
/** A VERIFIED form needs a Google account; a resident without one cannot get past the sign-in page. */
export const SIGN_IN_REQUIRED_MESSAGE = 'Sign in to Google to continue to this form.';

export type EmailCollectionType = 'DO_NOT_COLLECT' | 'VERIFIED' | 'RESPONDER_INPUT';

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
  | 'asSectionHeaderItem'
  | 'getType';

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
    // Forms renames the question's column in the linked sheet.
    this.form.syncHeader();
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
    return this.kind as unknown as GoogleAppsScript.Forms.ItemType;
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

  /**
   * The number a prefilled link names this question by (`entry.N`). Google does not document it and it is
   * not the item's id (Item.getId()): a script cannot build a prefilled link from item ids, only through
   * FormResponse.toPrefilledUrl(). The emulator keeps the two different so a script that confuses them fails.
   */
  get entryId(): number {
    return 1_000_000_007 + this.id * 7_919;
  }

  /**
   * TextItem/ParagraphTextItem/ListItem/MultipleChoiceItem.createResponse(response): "Creates a new
   * ItemResponse for this … item". For a list or multiple-choice item the reference adds: "Throws an exception
   * if the response argument does not match a valid choice for this item"
   * (https://developers.google.com/apps-script/reference/forms/list-item#createResponse(String)). A text
   * item's validation is not checked here: it is the Forms page that checks it, when the resident submits.
   */
  createResponse(response: string) {
    const kind =
      this.kind === 'PARAGRAPH_TEXT'
        ? 'ParagraphTextItem'
        : this.kind === 'LIST'
          ? 'ListItem'
          : this.kind === 'MULTIPLE_CHOICE'
            ? 'MultipleChoiceItem'
            : 'TextItem';
    if (this.kind === 'SECTION_HEADER') throw new Error('not emulated: SectionHeaderItem.createResponse');
    this.form.charge(`${kind}.createResponse`);
    if (typeof response !== 'string')
      throw new Error(`The parameters (${typeof response}) don't match the method signature for ${kind}.createResponse.`);
    if ((this.kind === 'LIST' || this.kind === 'MULTIPLE_CHOICE') && !this.choices.includes(response))
      throw new Error(`Invalid response submitted to item: "${response}" is not a choice of this item.`);
    return this.form.itemResponse(this, response);
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
  /** Answers by question title, as submitted (the playground's edit page fills the form from these). */
  answers: Record<string, string>;
  /** Answers by item id: what FormResponse.getItemResponses() reads; survives a question's renaming. */
  byItem?: Record<string, string>;
  row: number;
}

/** What a column of the response sheet holds: the timestamp, the email, or one question (by item id). */
export type ColumnKey = 'timestamp' | 'email' | `item:${number}` | `gone:${number}`;

const TIMESTAMP_HEADER = 'Timestamp';
const EMAIL_HEADER = 'Email Address';
const itemKey = (id: number): ColumnKey => `item:${id}`;

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
  | 'getItemById'
  | 'deleteItem'
  | 'setDestination'
  | 'removeDestination'
  | 'getDestinationId'
  | 'setAcceptingResponses'
  | 'isAcceptingResponses'
  | 'setCustomClosedFormMessage'
  | 'getCustomClosedFormMessage'
  | 'setConfirmationMessage'
  | 'getConfirmationMessage'
  | 'setCollectEmail'
  | 'collectsEmail'
  | 'setAllowResponseEdits'
  | 'canEditResponse'
  | 'setShowLinkToRespondAgain'
  | 'getPublishedUrl'
  | 'getEditUrl'
  | 'getResponses'
  | 'getResponse'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'getEditors';

/**
 * One Google Form, after https://developers.google.com/apps-script/reference/forms/form: its questions (with
 * stable item ids), its owner and editors, whether it is published and accepting responses, how it collects
 * email addresses, and the response sheet it writes to, column by column.
 */
export class EmuForm implements Partial<Pick<GoogleAppsScript.Forms.Form, FormMembers>> {
  readonly proxy: GoogleAppsScript.Forms.Form;
  title = '';
  description = '';
  items: EmuItem[] = [];
  /** setAcceptingResponses' own flag; an unpublished form accepts nothing whatever it says. */
  accepting = true;
  /** "Whether the form is published and visible to others" (PublishState.isPublished). */
  published = true;
  closedMessage = '';
  confirmation = '';
  emailCollection: EmailCollectionType = 'DO_NOT_COLLECT';
  allowEdits = false;
  /** The creator: a form belongs to the user who created it (FormApp.create). */
  owner = '';
  editors: string[] = [];
  /** The response sheet, by id: a coordinator may rename it and Forms keeps writing to it. */
  destinationSheetId: number | null = null;
  /** What each column of the response sheet holds, left to right. */
  columnKeys: ColumnKey[] = [];
  responses: StoredResponse[] = [];
  nextItemId = 1000;

  constructor(
    private app: EmuFormApp,
    readonly id: string,
  ) {
    this.proxy = guarded(this, 'Form');
  }

  /** The deprecated boolean view of emailCollection (kept for the playground's form page). */
  get collectEmail(): boolean {
    return this.emailCollection !== 'DO_NOT_COLLECT';
  }

  private call(method: string) {
    this.app.runtime.call('form', `Form.${method}`);
  }
  /** A Forms call made through one of this form's items or responses (counted like any other). */
  charge(method: string) {
    this.app.runtime.call('form', method);
  }
  private add(kind: ItemKind) {
    this.call(`add${kind}`);
    const item = new EmuItem(this, this.nextItemId++, kind);
    this.items.push(item);
    // Its column in a linked response sheet appears once it has a title (EmuItem.setTitle) or at the next response.
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
  getItems(itemType?: GoogleAppsScript.Forms.ItemType) {
    this.call('getItems');
    return this.items.filter((i) => itemType === undefined || i.kind === String(itemType)).map((i) => i.proxy);
  }
  /** "Gets the item with a given ID", or null: ids stay the same for the life of a question. */
  getItemById(id: number) {
    this.call('getItemById');
    return this.items.find((i) => i.id === Number(id))?.proxy ?? null;
  }
  deleteItem(item: any) {
    this.call('deleteItem');
    const index = typeof item === 'number' ? item : this.items.findIndex((i) => i.proxy === item || i.id === item?.getId?.());
    if (index < 0 || index >= this.items.length) throw new Error('Invalid argument: item');
    const [gone] = this.items.splice(index, 1);
    // Its column stays in the response sheet, holding the old answers, under its old title.
    this.columnKeys = this.columnKeys.map((k) => (k === itemKey(gone.id) ? (`gone:${gone.id}` as ColumnKey) : k));
  }

  /** Like Forms: linking a spreadsheet adds a response sheet ("Form Responses N") with a header row. */
  setDestination(_type: GoogleAppsScript.Forms.DestinationType, id: string) {
    this.call('setDestination');
    const ss = this.app.spreadsheet;
    if (id !== ss.id) throw new Error("not emulated: a destination other than the add-on's spreadsheet");
    if (this.destinationSheetId === null) {
      let n = 1;
      while (ss.nameTaken(`Form Responses ${n}`)) n++;
      this.destinationSheetId = ss.addSheetWithinLimit(`Form Responses ${n}`, 0).id;
      this.columnKeys = [];
    }
    this.syncHeader();
    return this.proxy;
  }

  /** Unlinks the response sheet: it stays, with its rows, and gets no more (reference/forms/form#removeDestination()). */
  removeDestination() {
    this.call('removeDestination');
    this.destinationSheetId = null;
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
  /** "If is_published is set to false, this field is forced to false" (Forms API PublishState). */
  isAcceptingResponses() {
    return this.published && this.accepting;
  }
  /**
   * https://developers.google.com/workspace/forms/api/guides/publish-form (Apps Script sample):
   * "Publish the form. This also enables accepting responses."
   */
  setPublished(enabled: boolean) {
    this.call('setPublished');
    this.published = enabled;
    this.accepting = enabled;
    return this.proxy;
  }
  isPublished() {
    return this.published;
  }
  /** Every form the emulator makes is a new-style form that supports publishing. */
  supportsAdvancedResponderPermissions() {
    return true;
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
  getConfirmationMessage() {
    return this.confirmation;
  }
  /** Deprecated in favour of setEmailCollectionType; which type `true` means is Fidelity.collectEmailMeans. */
  setCollectEmail(collect: boolean) {
    return this.setEmailCollectionType((collect ? this.app.fidelity.collectEmailMeans : 'DO_NOT_COLLECT') as never);
  }
  collectsEmail() {
    return this.collectEmail;
  }
  setEmailCollectionType(type: unknown) {
    this.call('setEmailCollectionType');
    const value = String(type) as EmailCollectionType;
    if (!['DO_NOT_COLLECT', 'VERIFIED', 'RESPONDER_INPUT'].includes(value))
      throw new Error(`Invalid argument: type (${value}). Use FormApp.EmailCollectionType.`);
    this.emailCollection = value;
    this.syncHeader();
    return this.proxy;
  }
  getEmailCollectionType() {
    return this.emailCollection;
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

  // ---- who may open it ----
  /** "Adds the given user to the list of editors for the Form." */
  addEditor(emailAddress: string | GoogleAppsScript.Base.User) {
    this.call('addEditor');
    const email = String((emailAddress as GoogleAppsScript.Base.User)?.getEmail?.() ?? emailAddress);
    if (email !== this.owner && !this.editors.includes(email)) this.editors.push(email);
    return this.proxy;
  }
  addEditors(emailAddresses: string[]) {
    for (const e of emailAddresses) this.addEditor(e);
    return this.proxy;
  }
  /** The owner stays: Drive does not let anyone remove a file's owner from its editors. */
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User) {
    this.call('removeEditor');
    const email = String((emailAddress as GoogleAppsScript.Base.User)?.getEmail?.() ?? emailAddress);
    this.editors = this.editors.filter((e) => e !== email);
    return this.proxy;
  }
  /** The owner first, then the editors added. */
  getEditors() {
    this.call('getEditors');
    return [this.owner, ...this.editors].filter(Boolean).map((e) => userObject(e));
  }
  canOpen(user: string): boolean {
    return this.app.fidelity.formAccess === 'anyone' || user === this.owner || this.editors.includes(user);
  }

  // ---- responses ----
  /**
   * "Creates a new response to the form. To answer a question item, create an ItemResponse from the item,
   * then attach it to this form response by calling FormResponse.withItemResponse(response)"
   * (https://developers.google.com/apps-script/reference/forms/form#createResponse()). The emulator's draft
   * answers withItemResponse, toPrefilledUrl and reads; submit() is not emulated (it fails loudly).
   */
  createResponse() {
    this.call('createResponse');
    return new EmuDraftResponse(this).proxy;
  }

  /**
   * The link a prefilled response opens: the form's viewform page with `usp=pp_url` and one `entry.N=value`
   * per answered question, in the form's order (the shape Forms' own "Get pre-filled link" gives). Values
   * are URL-encoded with spaces as '+', as Forms writes them.
   */
  prefilledUrl(answers: ReadonlyMap<EmuItem, string>): string {
    const params = this.items
      .filter((i) => answers.has(i))
      .map((i) => `entry.${i.entryId}=${encodeURIComponent(answers.get(i)!).replace(/%20/g, '+')}`);
    return `${this.getPublishedUrl()}?${['usp=pp_url', ...params].join('&')}`;
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

  /** A response's answers by item id (responses saved before ids were kept are matched by title). */
  answersOf(r: StoredResponse): Record<string, string> {
    if (r.byItem) return r.byItem;
    const out: Record<string, string> = {};
    for (const i of this.items) if (r.answers[i.title] !== undefined) out[String(i.id)] = r.answers[i.title];
    return out;
  }

  itemResponse(item: EmuItem, answer: string) {
    return guarded<GoogleAppsScript.Forms.ItemResponse>(
      { getItem: () => item.proxy, getResponse: () => answer, getScore: () => null, getFeedback: () => null },
      'ItemResponse',
    );
  }

  /**
   * FormResponse (https://developers.google.com/apps-script/reference/forms/form-response): one
   * ItemResponse per answered question that still exists, in the form's order; each knows its Item, so a
   * script can read answers by item id rather than by a title a coordinator may change.
   */
  private responseView(r: StoredResponse): GoogleAppsScript.Forms.FormResponse {
    const rt = this.app.runtime;
    const answered = () => {
      const byItem = this.answersOf(r);
      return this.items.filter((i) => i.kind !== 'SECTION_HEADER' && (byItem[String(i.id)] ?? '') !== '');
    };
    return guarded(
      {
        getId: () => r.id,
        getTimestamp: () => rt.newDate(r.timestamp),
        getRespondentEmail: () => (this.collectEmail ? r.email : ''),
        getEditResponseUrl: () => this.editUrlOf(r),
        getItemResponses: () => answered().map((i) => this.itemResponse(i, this.answersOf(r)[String(i.id)])),
        getResponseForItem: (item: GoogleAppsScript.Forms.Item) => {
          const found = answered().find((i) => i.id === item.getId());
          return found ? this.itemResponse(found, this.answersOf(r)[String(found.id)]) : null;
        },
      },
      'FormResponse',
    );
  }

  // ---- the response sheet ----
  /** The response sheet's header row, as it stands. */
  columns(): string[] {
    const sheet = this.destination();
    if (!sheet) return [];
    const header: string[] = [];
    for (let c = 1; c <= sheet.maxColumns; c++) {
      const v = sheet.read(1, c);
      if (v === '' && c > this.columnKeys.length) break;
      header.push(String(v));
    }
    return header;
  }

  /** Keys for a sheet linked before the emulator kept them (old saved states): matched by header text. */
  private deriveKeys(header: string[]): ColumnKey[] {
    return header.map((h, i) => {
      if (h === TIMESTAMP_HEADER) return 'timestamp';
      if (h === EMAIL_HEADER) return 'email';
      const item = this.items.find((x) => x.title === h);
      return item ? itemKey(item.id) : (`gone:${-1 - i}` as ColumnKey);
    });
  }

  private titleOf(key: ColumnKey, current: string): string {
    if (key === 'timestamp') return TIMESTAMP_HEADER;
    if (key === 'email') return EMAIL_HEADER;
    const item = key.startsWith('item:') ? this.items.find((i) => itemKey(i.id) === key) : undefined;
    return item ? item.title : current;
  }

  /**
   * Forms' columns: Timestamp, Email Address (while emails are collected), then one column per question
   * in the order they were added. A deleted question's column stays; a question added again is a new
   * question with a new column, even under the same title (see Fidelity.rebuiltItemColumns).
   */
  syncHeader(): void {
    const sheet = this.destination();
    if (!sheet) return;
    const header = this.columns();
    if (this.columnKeys.length < header.length) this.columnKeys = this.deriveKeys(header);
    const wanted: ColumnKey[] = [
      'timestamp',
      ...(this.collectEmail ? (['email'] as ColumnKey[]) : []),
      ...this.items.filter((i) => i.kind !== 'SECTION_HEADER').map((i) => itemKey(i.id)),
    ];
    for (const key of wanted) {
      if (this.columnKeys.includes(key)) continue;
      const title = this.titleOf(key, '');
      const reuse =
        this.app.fidelity.rebuiltItemColumns === 'reuse' &&
        this.columnKeys.findIndex((k, i) => k.startsWith('gone:') && header[i] === title);
      if (typeof reuse === 'number' && reuse >= 0) this.columnKeys[reuse] = key;
      else this.columnKeys.push(key);
    }
    if (this.columnKeys.length > sheet.maxColumns) sheet.maxColumns = this.columnKeys.length;
    this.columnKeys.forEach((k, i) => {
      const title = this.titleOf(k, header[i] ?? '');
      if (header[i] !== title) sheet.put(1, i + 1, `'${title}`);
    });
  }
}

/**
 * A FormResponse made by Form.createResponse() and not submitted
 * (https://developers.google.com/apps-script/reference/forms/form-response): "to generate a URL for the form
 * which pre-fills fields using the provided answers". withItemResponse "adds the given item response to a
 * form response"; a second answer to the same question replaces the first.
 */
class EmuDraftResponse {
  readonly proxy: GoogleAppsScript.Forms.FormResponse;
  private answers = new Map<EmuItem, string>();

  constructor(private form: EmuForm) {
    this.proxy = guarded(this, 'FormResponse');
  }

  withItemResponse(response: GoogleAppsScript.Forms.ItemResponse) {
    this.form.charge('FormResponse.withItemResponse');
    const asked = response?.getItem?.();
    const item = this.form.items.find((i) => i.proxy === asked);
    if (!item) throw new Error('Invalid argument: response (an ItemResponse of another form).');
    this.answers.set(item, String(response.getResponse()));
    return this.proxy;
  }
  /** Not submitted yet: no id ("getId() String|null" in the reference's table). */
  getId() {
    return null;
  }
  getItemResponses() {
    this.form.charge('FormResponse.getItemResponses');
    return this.form.items.filter((i) => this.answers.has(i)).map((i) => this.form.itemResponse(i, this.answers.get(i)!));
  }
  getResponseForItem(item: GoogleAppsScript.Forms.Item) {
    const found = this.form.items.find((i) => i.id === item.getId() && this.answers.has(i));
    return found ? this.form.itemResponse(found, this.answers.get(found)!) : null;
  }
  /** "Generates a URL for the form in which the answers are pre-filled based on the answers in this form response." */
  toPrefilledUrl() {
    this.form.charge('FormResponse.toPrefilledUrl');
    return this.form.prefilledUrl(this.answers);
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
  /** FormApp.EmailCollectionType: DO_NOT_COLLECT, VERIFIED (Google sign-in), RESPONDER_INPUT (typed). */
  readonly EmailCollectionType = { DO_NOT_COLLECT: 'DO_NOT_COLLECT', VERIFIED: 'VERIFIED', RESPONDER_INPUT: 'RESPONDER_INPUT' };
  readonly forms: EmuForm[] = [];

  constructor(
    readonly runtime: Runtime,
    readonly spreadsheet: EmuSpreadsheet,
    readonly fidelity: Fidelity = STRICT,
  ) {
    this.proxy = guarded(this, 'FormApp');
  }

  /**
   * A new form owned by the user running the script. Forms created after the date in
   * Fidelity.unpublishedFormsFrom start unpublished: "You must publish the forms before they can accept
   * responses" (developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms).
   */
  create(title: string) {
    this.runtime.call('form', 'FormApp.create');
    this.runtime.requireAuth('FormApp.create');
    const form = new EmuForm(this, `form-${this.runtime.random.id(24)}`);
    form.title = title;
    form.owner = this.runtime.user;
    form.published = this.runtime.clock.now() < this.fidelity.unpublishedFormsFrom;
    this.forms.push(form);
    return form.proxy;
  }

  /** Only the form's owner and editors may open it; anyone else gets Apps Script's "No item…" refusal. */
  openById(id: string) {
    this.runtime.call('form', 'FormApp.openById');
    this.runtime.requireAuth('FormApp.openById');
    const form = this.byId(id);
    if (!form || !form.canOpen(this.runtime.user)) throw new Error(FORM_NO_ACCESS_ERROR);
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
  /** Answers by item id; they win over `answers` for the same question. */
  answersByItem?: Record<number, string>;
  /** The resident's Google account (VERIFIED forms) or what they type in the email field (RESPONDER_INPUT). */
  email?: string;
  /** Whether the resident is signed in to a Google account (default true); a VERIFIED form requires one. */
  googleAccount?: boolean;
  /** Edit the response with this id instead of creating a new one. */
  editResponseId?: string;
  /** As if a coordinator had removed the form's validation in the Forms editor: answers go through as typed. */
  bypassValidation?: boolean;
}

export type SubmitResult =
  | { ok: true; responseId: string; row: number; editUrl: string; event: FormSubmitEvent }
  | { ok: false; closed?: string; reason?: 'unpublished' | 'closed' | 'signIn'; errors: Record<string, string> };

export interface FormSubmitEvent {
  range: GoogleAppsScript.Spreadsheet.Range;
  values: string[];
  namedValues: Record<string, string[]>;
}

/**
 * What a resident sees on opening a prefilled link (FormResponse.toPrefilledUrl): the form it names, and
 * each `entry.N` answer put in its question. A value that is not one of a list's choices selects nothing,
 * as on the Forms page. A link to no form of this emulator, or one that is not a viewform link, throws.
 */
export function openPrefilled(app: EmuFormApp, url: string): { form: EmuForm; answersByItem: Record<number, string> } {
  const match = /^https:\/\/docs\.google\.com\/forms\/d\/e\/([^/?#]+)\/viewform(?:\?([^#]*))?$/.exec(url);
  const form = match ? app.byId(match[1]) : undefined;
  if (!match || !form) throw new Error(`emulator: not a link to a form here: ${url}`);
  const answersByItem: Record<number, string> = {};
  for (const pair of (match[2] ?? '').split('&')) {
    const [name, raw = ''] = pair.split('=');
    const item = form.items.find((i) => name === `entry.${i.entryId}`);
    if (!item) continue;
    const value = decodeURIComponent(raw.replace(/\+/g, ' '));
    if ((item.kind === 'LIST' || item.kind === 'MULTIPLE_CHOICE') && !item.choices.includes(value)) continue;
    answersByItem[item.id] = value;
  }
  return { form, answersByItem };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function answersFor(form: EmuForm, s: Submission): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of form.items) {
    if (item.kind === 'SECTION_HEADER') continue;
    out[String(item.id)] = String(s.answersByItem?.[item.id] ?? s.answers[item.title] ?? '');
  }
  return out;
}

/** Why a resident cannot respond at all, before any answer is looked at. */
function refusal(form: EmuForm, s: Submission): SubmitResult | null {
  if (!form.published) return { ok: false, reason: 'unpublished', closed: UNPUBLISHED_FORM_MESSAGE, errors: {} };
  if (!form.accepting)
    return {
      ok: false,
      reason: 'closed',
      closed: form.closedMessage || 'This form is no longer accepting responses',
      errors: {},
    };
  if (form.emailCollection === 'VERIFIED' && s.googleAccount === false)
    return { ok: false, reason: 'signIn', closed: SIGN_IN_REQUIRED_MESSAGE, errors: {} };
  return null;
}

/**
 * What happens when a resident presses Submit: the form checks each answer as its UI does, then the
 * response is written to its sheet (an edit rewrites the same row with a new timestamp) and a
 * form-submit event is built the way Apps Script builds it
 * (https://developers.google.com/apps-script/guides/triggers/events#form-submit): `values` holds every
 * column of the row, `namedValues` maps each column title to the values of all columns with that title.
 */
export function submitResponse(app: EmuFormApp, form: EmuForm, s: Submission): SubmitResult {
  const refused = refusal(form, s);
  if (refused) return refused;
  const answers = answersFor(form, s);
  const errors: Record<string, string> = {};
  for (const item of form.items) {
    if (item.kind === 'SECTION_HEADER' || s.bypassValidation) continue;
    const why = item.reject(answers[String(item.id)] ?? '');
    if (why) errors[item.title] = why;
  }
  if (form.collectEmail && !EMAIL.test(s.email ?? '')) errors[EMAIL_HEADER] = 'Must be a valid email address';
  if (Object.keys(errors).length) return { ok: false, errors };

  const now = app.runtime.clock.now();
  let response = s.editResponseId ? form.responses.find((r) => r.id === s.editResponseId) : undefined;
  if (s.editResponseId && (!response || !form.allowEdits)) return { ok: false, errors: { '': 'This response cannot be edited' } };
  const before = response ? { ...form.answersOf(response) } : null;
  const byTitle = Object.fromEntries(form.items.map((i) => [i.title, answers[String(i.id)] ?? '']));
  if (response) {
    Object.assign(response, { timestamp: now, answers: byTitle, byItem: { ...answers } });
  } else {
    const email = form.collectEmail ? (s.email ?? '') : '';
    response = {
      id: `resp-${app.runtime.random.id(20)}`,
      timestamp: now,
      email,
      answers: byTitle,
      byItem: { ...answers },
      row: 0,
    };
    form.responses.push(response);
  }
  const editUrl = form.editUrlOf(response);
  const sheet = form.destination();
  if (!sheet)
    return { ok: true, responseId: response.id, row: 0, editUrl, event: { range: null as never, values: [], namedValues: {} } };

  form.syncHeader();
  if (!response.row) {
    response.row = sheet.dataExtent().rows + 1;
    if (response.row > sheet.maxRows) sheet.maxRows = response.row;
  }
  const row = response.row;
  const cellOf = (key: ColumnKey): unknown => {
    if (key === 'timestamp') return app.runtime.newDate(now);
    if (key === 'email') return response!.email;
    return key.startsWith('item:') ? (answers[key.slice(5)] ?? '') : undefined;
  };
  // Forms writes answers as typed text, and Sheets still parses numbers and dates in them; a column of a
  // deleted question keeps what it had.
  form.columnKeys.forEach((key, i) => {
    const v = cellOf(key);
    if (v !== undefined) sheet.put(row, i + 1, typeof v === 'string' && v.startsWith('=') ? `'${v}` : v);
  });
  const header = form.columns();
  const blankUnchanged = before !== null && app.fidelity.editedResponseEvent === 'blanks';
  const values = form.columnKeys.map((key) => {
    if (key === 'timestamp') return formatTimestamp(now, app.spreadsheet.zone);
    if (key === 'email') return response!.email;
    if (!key.startsWith('item:')) return '';
    const id = key.slice(5);
    const answer = answers[id] ?? '';
    return blankUnchanged && (before[id] ?? '') === answer ? '' : answer;
  });
  const namedValues: Record<string, string[]> = {};
  header.forEach((title, i) => (namedValues[title] ??= []).push(values[i] ?? ''));
  const range = new EmuRange(sheet, row, 1, 1, form.columnKeys.length).proxy;
  return { ok: true, responseId: response.id, row, editUrl, event: { range, values, namedValues } };
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
