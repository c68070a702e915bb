import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import MailComposer from 'nodemailer/lib/mail-composer';
import { Workspace } from '../emulator';
import { isDate } from '../emulator/guard';

/** The workbook as plain JSON: sheet name → rows of values (dates as ISO strings, formulas as "=…"). */
export function workbookJson(ws: Workspace): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of ws.spreadsheet.sheets) {
    const { rows, columns } = sheet.dataExtent();
    out[sheet.name] = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const cell = sheet.cell(r + 1, c + 1);
        if (!cell) return '';
        if (cell.formula) return cell.formula;
        return isDate(cell.value) ? cell.value.toISOString() : cell.value;
      }),
    );
  }
  return out;
}

/** A real .xlsx of the emulated workbook (exceljs), with values, formats, frozen headers and formulas kept as formulas. */
export async function writeXlsx(ws: Workspace, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'group-purchase-addon playground';
  for (const sheet of ws.spreadsheet.sheets) {
    const out = book.addWorksheet(sheet.name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'), {
      views: sheet.frozenRows ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [],
    });
    const { rows, columns } = sheet.dataExtent();
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) {
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        const target = out.getCell(r, c);
        if (cell.formula) target.value = { formula: cell.formula.slice(1) };
        else target.value = isDate(cell.value) ? new Date(cell.value.getTime()) : (cell.value as string | number | boolean);
        const format = sheet.formats.get(sheet.key(r, c));
        if (format && format !== '@' && format !== 'General') target.numFmt = format;
      }
    }
  }
  await book.xlsx.writeFile(file);
}

/** Each sent email as an RFC 5322 message (UTF-8, text and HTML parts), built by nodemailer's MailComposer. */
export async function emlOf(m: Workspace['mail']['sent'][number]): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.name ? { name: m.name, address: m.from } : m.from,
    to: m.to,
    cc: m.cc || undefined,
    bcc: m.bcc || undefined,
    replyTo: m.replyTo || undefined,
    subject: m.subject,
    text: m.body,
    html: m.htmlBody,
    date: new Date(m.sentAt),
    textEncoding: 'base64',
    // Inline images as a mail client receives them: related parts named by Content-ID (cid:key).
    attachments: Object.entries(m.inlineImages ?? {}).map(([cid, image]) => ({
      cid,
      filename: image.name ?? cid,
      contentType: image.contentType ?? 'application/octet-stream',
      content: Buffer.from(image.bytes),
    })),
  });
  return composer.compile().build();
}

export async function writeOutputs(ws: Workspace, dir: string, log: string[]): Promise<void> {
  mkdirSync(join(dir, 'emails'), { recursive: true });
  await writeXlsx(ws, join(dir, 'workbook.xlsx'));
  writeFileSync(join(dir, 'workbook.json'), JSON.stringify(workbookJson(ws), null, 1));
  const sent = ws.mail.sent.map((m, i) => ({
    n: i + 1,
    to: m.to,
    subject: m.subject,
    sentAt: new Date(m.sentAt).toISOString(),
    file: `emails/${String(i + 1).padStart(4, '0')}.eml`,
    text: m.body,
    html: m.htmlBody,
  }));
  writeFileSync(join(dir, 'outbox.json'), JSON.stringify(sent, null, 1));
  for (const [i, m] of ws.mail.sent.entries()) writeFileSync(join(dir, sent[i].file), await emlOf(m));
  writeFileSync(join(dir, 'calls.json'), JSON.stringify(ws.calls.snapshot(), null, 1));
  const runs = ws.executions.map(
    (e) =>
      `${new Date(e.startedAt).toISOString()} ${e.functionName} (${e.cause}, ${e.user}) ${e.endedAt !== undefined ? `${((e.endedAt - e.startedAt) / 1000).toFixed(1)} s` : ''}${e.error ? ` ERROR ${e.error}` : ''}${e.logs.length ? `\n    ${e.logs.join('\n    ')}` : ''}`,
  );
  writeFileSync(join(dir, 'log.txt'), [...log, '', 'Executions:', ...runs, ''].join('\n'));
}
