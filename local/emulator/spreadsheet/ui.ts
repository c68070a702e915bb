import { guarded } from '../guard';
import { Runtime } from '../runtime';
import type { EmuHtmlOutput } from '../html';

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: RecordedMenu;
}

export interface RecordedMenu {
  title: string;
  addOn: boolean;
  items: MenuItem[];
}

export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
}

export interface ShownPage {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: EmuHtmlOutput;
}

type MenuMembers = 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi';

export class EmuMenu implements Pick<GoogleAppsScript.Base.Menu, MenuMembers> {
  readonly proxy: GoogleAppsScript.Base.Menu;
  readonly menu: RecordedMenu;

  constructor(
    private ui: EmuUi,
    title: string,
    addOn: boolean,
  ) {
    this.menu = { title, addOn, items: [] };
    this.proxy = guarded(this, 'Menu');
  }

  addItem(caption: string, functionName: string) {
    this.menu.items.push({ caption, functionName });
    return this.proxy;
  }

  addSeparator() {
    this.menu.items.push({ caption: '', separator: true });
    return this.proxy;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu) {
    const sub = (menu as unknown as EmuMenu).menu;
    this.menu.items.push({ caption: sub.title, submenu: sub });
    return this.proxy;
  }

  addToUi() {
    this.ui.menus = this.ui.menus.filter((m) => m.title !== this.menu.title);
    this.ui.menus.push(this.menu);
  }
}

type UiMembers =
  'createMenu' | 'createAddonMenu' | 'alert' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog' | 'Button' | 'ButtonSet';

/** SpreadsheetApp.getUi(): records menus, alerts and pages; alerts answer with `nextAlertAnswer` (OK by default). */
export class EmuUi implements Pick<GoogleAppsScript.Base.Ui, UiMembers> {
  readonly proxy: GoogleAppsScript.Base.Ui;
  menus: RecordedMenu[] = [];
  alerts: Alert[] = [];
  pages: ShownPage[] = [];
  nextAlertAnswer: string = 'OK';
  readonly Button = {
    OK: 'OK',
    CANCEL: 'CANCEL',
    YES: 'YES',
    NO: 'NO',
    CLOSE: 'CLOSE',
  } as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = {
    OK: 'OK',
    OK_CANCEL: 'OK_CANCEL',
    YES_NO: 'YES_NO',
    YES_NO_CANCEL: 'YES_NO_CANCEL',
  } as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(private runtime: Runtime) {
    this.proxy = guarded(this, 'Ui');
  }

  createMenu(caption: string) {
    this.runtime.call('spreadsheet', 'Ui.createMenu');
    return new EmuMenu(this, caption, false).proxy;
  }

  /** In Sheets the add-on menu lives under Extensions > <add-on name>. */
  createAddonMenu() {
    this.runtime.call('spreadsheet', 'Ui.createAddonMenu');
    return new EmuMenu(this, 'Add-on', true).proxy;
  }

  alert(...args: unknown[]): any {
    this.runtime.call('spreadsheet', 'Ui.alert');
    if (this.runtime.current?.cause.startsWith('trigger')) {
      // A trigger has no user looking at the sheet.
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    const [a, b, c] = args.map((x) => (x === undefined ? undefined : String(x)));
    const alert =
      c !== undefined || (b !== undefined && !(b in this.ButtonSet))
        ? { title: a ?? '', prompt: b ?? '', buttons: c ?? 'OK' }
        : { title: '', prompt: a ?? '', buttons: b ?? 'OK' };
    this.alerts.push(alert);
    return this.nextAlertAnswer;
  }

  private show(kind: ShownPage['kind'], html: unknown, title?: string) {
    const output = html as EmuHtmlOutput;
    this.pages.push({ kind, title: title ?? output.title, html: output });
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput) {
    this.runtime.call('spreadsheet', 'Ui.showSidebar');
    this.show('sidebar', userInterface);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string) {
    this.runtime.call('spreadsheet', 'Ui.showModalDialog');
    this.show('modal', userInterface, title);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string) {
    this.runtime.call('spreadsheet', 'Ui.showModelessDialog');
    this.show('modeless', userInterface, title);
  }
}
