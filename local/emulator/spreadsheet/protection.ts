import { guarded } from '../guard';

type Members =
  | 'setDescription'
  | 'getDescription'
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'removeEditors'
  | 'addEditor'
  | 'getEditors'
  | 'remove';

/** Recorded protection of a sheet: what the coordinator would see under Data > Protected sheets. */
export class EmuProtection implements Pick<GoogleAppsScript.Spreadsheet.Protection, Members> {
  readonly proxy: GoogleAppsScript.Spreadsheet.Protection;
  description = '';
  warningOnly = false;
  editors: string[] = [];
  removed = false;

  constructor(readonly owner: string) {
    this.editors = [owner];
    this.proxy = guarded(this, 'Protection');
  }

  setDescription(description: string) {
    this.description = description;
    return this.proxy;
  }

  getDescription() {
    return this.description;
  }

  setWarningOnly(warningOnly: boolean) {
    this.warningOnly = warningOnly;
    return this.proxy;
  }

  isWarningOnly() {
    return this.warningOnly;
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]) {
    const drop = new Set((emailAddresses as unknown[]).map(String));
    // The owner of the spreadsheet can never be removed, as in Sheets.
    this.editors = this.editors.filter((e) => e === this.owner || !drop.has(e));
    return this.proxy;
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User) {
    const email = String(emailAddress);
    if (!this.editors.includes(email)) this.editors.push(email);
    return this.proxy;
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.editors.map((email) => ({ getEmail: () => email }) as unknown as GoogleAppsScript.Base.User);
  }

  remove() {
    this.removed = true;
  }
}
