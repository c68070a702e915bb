import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';
import { Book } from './sheets/book';
import { cellText } from './sheets/cells';
import { columnSpecs, get } from './sheets/schema';
import { textCell } from './sheets/text';

/** The community's secret for sealing identities (core/ledger.ts sealedIdentity), made once. */
export function identityKey(store: DocumentStore): string {
  let key = store.get(KEYS.identityKey);
  if (!key) store.set(KEYS.identityKey, (key = Utilities.getUuid()));
  return key;
}

/** The sheets whose rows belong to a round and may hold personal data (the schema marks which columns). */
const ROUND_ROWS = ['orders', 'journal', 'outbox', 'complaints', 'archive'] as const;

/**
 * Removes a round's personal data from every sheet that holds it, one read and one write per sheet:
 * columns marked `personal` are blanked, or replaced by a pseudonym ("Participant 3") so the lists still
 * tell people apart. Quantities and money stay, so the ledger still reconciles. Returns how many Orders
 * rows were purged.
 */
export function purgeRoundRows(
  book: Book,
  roundId: string,
  pseudonym: (orderKey: string) => string,
  sealed: (identity: string) => string,
): number {
  let ordersRows = 0;
  for (const key of ROUND_ROWS) {
    const personal = columnSpecs(key).filter((c) => c.column.personal);
    // The whole block is written back: text read from a General cell comes without its apostrophe, so
    // every text cell is written again the way text.ts writes it (a flat "007" stays text).
    const texts = columnSpecs(key).filter((c) => c.column.kind === 'text' && !c.column.personal);
    // A community set up before the Archive sheet existed has none until its first round is archived.
    const sheet = book.find(key);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    let changed = false;
    values.forEach((v, r) => {
      if (r === 0 || cellText(get(key, v, 'round')) !== roundId) return;
      const orderKey = cellText(get(key, v, 'orderKey'));
      for (const { position, column } of texts) v[position - 1] = textCell(cellText(v[position - 1]), column);
      for (const { position, column } of personal) {
        const was = cellText(v[position - 1]);
        v[position - 1] =
          column.personal === 'pseudonym'
            ? textCell(pseudonym(orderKey), column)
            : column.personal === 'sealed' && was
              ? textCell(sealed(was), column)
              : '';
      }
      changed = true;
      if (key === 'orders') ordersRows++;
    });
    if (changed) sheet.getRange(1, 1, values.length, values[0].length).setValues(values);
  }
  return ordersRows;
}
