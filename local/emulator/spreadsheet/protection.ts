import { guarded } from '../guard';
import type { GridBox } from './a1';

/**
 * Sheets' refusal when someone without edit rights on a protected range writes into it, by hand or from a
 * script running as them (the wording Sheets and its API report).
 */
export const PROTECTED_CELL_ERROR =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

type Members =
  | 'setDescription'
  | 'getDescription'
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'removeEditor'
  | 'removeEditors'
  | 'addEditor'
  | 'addEditors'
  | 'getEditors'
  | 'setDomainEdit'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getProtectionType'
  | 'getRange'
  | 'remove';

/** Who is asking and what a protection's range is, from the spreadsheet the protection belongs to. */
export interface ProtectionHost {
  /** The spreadsheet owner: always an editor of every protection. */
  owner: string;
  currentUser(): string;
  /** The protected range as a Range (the whole sheet for a sheet protection). */
  rangeOf(protection: EmuProtection): GoogleAppsScript.Spreadsheet.Range;
}

const emailOf = (u: unknown): string =>
  typeof u === 'string' ? u : String((u as { getEmail?: () => string })?.getEmail?.() ?? u);
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * A protected sheet or range (Data > Protect sheets and ranges), after
 * https://developers.google.com/apps-script/reference/spreadsheet/protection: its editors, whether it only
 * warns, and whether everyone in the owner's domain may edit it. The owner of the spreadsheet can always edit.
 */
export class EmuProtection implements Pick<GoogleAppsScript.Spreadsheet.Protection, Members> {
  readonly proxy: GoogleAppsScript.Spreadsheet.Protection;
  description = '';
  warningOnly = false;
  domainEdit = false;
  editors: string[] = [];
  removed = false;

  constructor(
    private host: ProtectionHost,
    readonly type: 'SHEET' | 'RANGE',
    /** The protected cells of a RANGE protection; null for a whole sheet. */
    readonly box: GridBox | null = null,
  ) {
    // The person protecting a range is an editor of it, and so is the owner.
    this.editors = [...new Set([host.owner, host.currentUser()])];
    this.proxy = guarded(this, 'Protection');
  }

  setDescription(description: string) {
    this.description = description;
    return this.proxy;
  }

  getDescription() {
    return this.description;
  }

  /** "Warning-based protection means that every user can edit data in the area, except editing prompts a warning." */
  setWarningOnly(warningOnly: boolean) {
    this.warningOnly = warningOnly;
    return this.proxy;
  }

  isWarningOnly() {
    return this.warningOnly;
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed." (Protection.removeEditors) */
  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]) {
    const keep = new Set([this.host.owner, this.host.currentUser()]);
    const drop = new Set((emailAddresses as unknown[]).map(emailOf));
    this.editors = this.editors.filter((e) => keep.has(e) || !drop.has(e));
    return this.proxy;
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User) {
    return this.removeEditors([emailOf(emailAddress)]);
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User) {
    const email = emailOf(emailAddress);
    if (!this.editors.includes(email)) this.editors.push(email);
    return this.proxy;
  }

  addEditors(emailAddresses: string[]) {
    for (const e of emailAddresses) this.addEditor(e);
    return this.proxy;
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.editors.map((email) => userObject(email));
  }

  /** Everyone in the owner's Google Workspace domain may edit (setDomainEdit). */
  setDomainEdit(editable: boolean) {
    this.domainEdit = editable;
    return this.proxy;
  }

  canDomainEdit() {
    return this.domainEdit;
  }

  canEdit() {
    return this.allows(this.host.currentUser());
  }

  getProtectionType() {
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange() {
    return this.host.rangeOf(this);
  }

  remove() {
    this.removed = true;
  }

  /** Whether this user may change the protected cells without being refused (a warning still lets them through). */
  allows(user: string): boolean {
    if (this.removed || this.warningOnly) return true;
    if (user === this.host.owner || this.editors.includes(user)) return true;
    return this.domainEdit && domainOf(user) === domainOf(this.host.owner);
  }

  covers(box: GridBox): boolean {
    if (this.removed) return false;
    const p = this.box;
    if (!p) return true;
    return (
      box.row <= p.row + p.numRows - 1 &&
      p.row <= box.row + box.numRows - 1 &&
      box.column <= p.column + p.numColumns - 1 &&
      p.column <= box.column + box.numColumns - 1
    );
  }
}

/** A Base.User as Apps Script hands it out: getEmail(), and its email when printed. */
export function userObject(email: string): GoogleAppsScript.Base.User {
  return guarded<GoogleAppsScript.Base.User>(
    { getEmail: () => email, getUserLoginId: () => email, toString: () => email, toJSON: () => email },
    'User',
  );
}
