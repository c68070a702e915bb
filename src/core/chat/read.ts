import { indexBuildings } from './address';
import { comparePeople, identityOf } from './identity';
import { buildLexicon } from './items';
import { Prepared } from './cursor';
import { LineState, readLine } from './line';
import { ChatContext, ChatLine, ChatReading, ProposedOrder } from './types';

export interface ReadOptions {
  /**
   * Tests only: let an unexpected error escape instead of reporting the line as not understood, so a
   * property test sees the bug rather than the safety net.
   */
  strict?: boolean;
}

/** Reads the catalog and the Buildings sheet once for many pastes. */
export function prepare(ctx: ChatContext): Prepared {
  return { ctx, lex: buildLexicon(ctx.items ?? []), index: indexBuildings(ctx.buildings ?? []) };
}

/**
 * Reads a paste from a chat, line by line. Every non-blank line comes back, in order, with what was read
 * from it and how sure the reading is; nothing is dropped and nothing is guessed without a reason.
 */
export function readChat(paste: string, ctx: ChatContext | Prepared, options: ReadOptions = {}): ChatReading {
  const p = 'lex' in ctx ? ctx : prepare(ctx);
  const text = typeof paste === 'string' ? paste : String(paste ?? '');
  const state: LineState = { sender: '', inHeading: false };
  const lines: ChatLine[] = [];
  const breaks = /\r\n|\r|\n|\u2028|\u2029|\u0085/g;
  let start = 0;
  let lineNo = 1;
  for (;;) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    const raw = text.slice(start, end);
    if (raw.trim()) lines.push(safely(raw, start, lineNo, p, state, options));
    if (!m) break;
    start = end + m[0].length;
    lineNo++;
  }
  markRepeats(lines);
  return { lines };
}

function safely(raw: string, start: number, lineNo: number, p: Prepared, state: LineState, options: ReadOptions): ChatLine {
  if (options.strict) return readLine(raw, start, lineNo, p, state);
  try {
    return readLine(raw, start, lineNo, p, state);
  } catch {
    // A bug must not lose a resident's line: it is handed to a person as it was pasted.
    return {
      lineNo,
      span: { start, end: start + raw.length },
      text: raw,
      kind: 'chatter',
      confidence: 'notUnderstood',
      reasons: [{ key: 'chat.reason.unreadText', value: raw.slice(0, 40) }],
      order: null,
      sender: state.sender,
      entry: null,
    };
  }
}

const itemsKey = (o: ProposedOrder) =>
  o.items
    .map((i) => `${i.itemId ?? '?'}:${i.steps ?? '?'}`)
    .sort()
    .join(',');

/** A line that says again what an earlier line of the same person said (a reposted 接龙) is marked so. */
function markRepeats(lines: ChatLine[]): void {
  const seen: { line: ChatLine; identity: ReturnType<typeof identityOf>; key: string }[] = [];
  for (const l of lines) {
    if (!l.order || l.kind !== 'order') continue;
    const identity = identityOf(l.order.person);
    const key = itemsKey(l.order);
    const earlier = seen.find((s) => s.key === key && comparePeople(s.identity, identity) === 'same');
    if (earlier) l.reasons.push({ key: 'chat.reason.repeated', line: earlier.line.lineNo });
    seen.push({ line: l, identity, key });
  }
}
