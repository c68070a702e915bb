/**
 * Quantities are kept as whole counts of an item's step (1 piece, 0.5 kg, 0.1 l), so adding and
 * comparing them never drifts the way 0.1 + 0.2 does. A step is held in thousandths of the unit.
 */
export type Steps = number;

export const MILLI = 1000;

/** The step in thousandths (0.5 kg → 500), or undefined when it is not a positive multiple of 0.001. */
export function stepMilli(step: number): number | undefined {
  if (!Number.isFinite(step) || step <= 0) return undefined;
  const milli = Math.round(step * MILLI);
  return Math.abs(milli - step * MILLI) < 1e-6 && milli > 0 ? milli : undefined;
}

export type ParsedQuantity =
  { ok: true; steps: Steps } | { ok: false; reason: 'notANumber' | 'negative' | 'notStep' | 'tooLarge' };

/** Anything above this many units is a typo or an attack, never a real order for a neighbourhood. */
export const ABSURD_UNITS = 100_000;

/**
 * Reads a quantity as a person typed it: 2, "2", "2,5" (Russian decimal comma), " 3 ". Blank is 0.
 * Refuses words ("two"), exponents ("1e9"), NaN, negatives, and values off the item's step.
 */
export function parseQuantity(input: unknown, milliPerStep: number): ParsedQuantity {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'notANumber' };
    if (input < 0) return { ok: false, reason: 'negative' };
    if (input > ABSURD_UNITS) return { ok: false, reason: 'tooLarge' };
    // Sheets hands back binary floats (0.30000000000000004): six decimals is far below any real step.
    text = input.toFixed(6);
  } else {
    text = String(input ?? '')
      .trim()
      .replace(/\s/g, '')
      .replace(',', '.');
  }
  if (text === '') return { ok: true, steps: 0 };
  if (/^[+-]?\d*\.?\d+e[+-]?\d+$/i.test(text)) return { ok: false, reason: 'tooLarge' };
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, reason: 'notANumber' };
  if (m[1] === '-' && /[1-9]/.test(text)) return { ok: false, reason: 'negative' };
  const whole = Number(m[2]);
  if (whole > ABSURD_UNITS) return { ok: false, reason: 'tooLarge' };
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 3) return { ok: false, reason: 'notStep' };
  const milli = whole * MILLI + Number(fraction.padEnd(3, '0') || 0);
  if (milli % milliPerStep !== 0) return { ok: false, reason: 'notStep' };
  return { ok: true, steps: milli / milliPerStep };
}

/** Steps back to the unit amount as a number for display (3 steps of 0.5 kg → 1.5). */
export function unitsOf(steps: Steps, milliPerStep: number): number {
  return (steps * milliPerStep) / MILLI;
}

/**
 * A quantity as a coordinator types it in their language, as the add-on shows it: "1,250" or "1,250.5"
 * in English and Chinese group thousands with commas (read as 1250), "1 250,5" in Russian groups with
 * spaces; otherwise the same rules as parseQuantity (a lone comma is a decimal mark in Russian).
 */
export function parseTypedQuantity(input: unknown, lang: string, milliPerStep: number): ParsedQuantity {
  if (typeof input !== 'string' || lang === 'ru') return parseQuantity(input, milliPerStep);
  const text = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  const grouped = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text);
  return parseQuantity(grouped ? text.replace(/,/g, '') : input, milliPerStep);
}
