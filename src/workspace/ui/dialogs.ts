/** Renders a page from dist/<name>.html with template variables and shows it as a modal dialog. */
export function showDialog(page: string, title: string, vars: Record<string, unknown>, size = { width: 480, height: 560 }): void {
  const template = HtmlService.createTemplateFromFile(page);
  Object.assign(template, vars);
  const output = template.evaluate().setTitle(title).setWidth(size.width).setHeight(size.height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}

/** Shows a page from dist/<name>.html in the sidebar. */
export function showSidebarPage(page: string, title: string, vars: Record<string, unknown>): void {
  const template = HtmlService.createTemplateFromFile(page);
  Object.assign(template, vars);
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(title));
}

export function alert(message: string): void {
  SpreadsheetApp.getUi().alert(message);
}

export function toast(message: string, title: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title);
}

export interface MenuEntry {
  caption: string;
  fn: string;
}

/** The add-on menu under Extensions; null entries are separators. */
export function addOnMenu(entries: (MenuEntry | null)[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const e of entries) {
    if (e) menu.addItem(e.caption, e.fn);
    else menu.addSeparator();
  }
  menu.addToUi();
}
