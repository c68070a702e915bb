/** Renders a page from dist/<name>.html with template variables and shows it as a modal dialog. */
export function showDialog(page: string, title: string, vars: Record<string, unknown>, size = { width: 480, height: 560 }): void {
  const template = HtmlService.createTemplateFromFile(page);
  Object.assign(template, vars);
  const output = template.evaluate().setTitle(title).setWidth(size.width).setHeight(size.height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
