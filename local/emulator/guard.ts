/**
 * Wraps an emulated object so that any member it does not implement fails loudly with
 * "not emulated: Range.foo" instead of quietly returning undefined and a wrong answer.
 */
const PASS_THROUGH = new Set<string | symbol>([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  'toString',
  'valueOf',
  'hasOwnProperty',
]);

/**
 * The emulator's own CPU time, when a bench asks for it: time spent inside emulated service methods
 * (copying cells in and out, keeping the clock), which Google's servers pay in Apps Script, not the
 * script. Measured from the outermost emulated call only, so a method calling another is counted once.
 */
export const emulatorMeter = { enabled: false, ms: 0, depth: 0 };

/** CPU milliseconds of this process (Node); the playground in a browser has only the wall clock. */
function cpuNow(): number {
  const p = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process;
  if (!p) return performance.now();
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
}

function metered(fn: (...a: unknown[]) => unknown): (...a: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]) {
    if (!emulatorMeter.enabled) return fn.apply(this, args);
    const outer = emulatorMeter.depth++ === 0;
    const start = outer ? cpuNow() : 0;
    try {
      return fn.apply(this, args);
    } finally {
      emulatorMeter.depth--;
      if (outer) emulatorMeter.ms += cpuNow() - start;
    }
  };
}

export function guarded<T>(target: object, className: string): T {
  // Methods run bound to the real object, so their own `this.x` reads skip this trap (it is hot).
  const bound = new Map<string | symbol, unknown>();
  return new Proxy(target, {
    get(obj, prop) {
      if (typeof prop === 'symbol' || prop in obj || PASS_THROUGH.has(prop)) {
        const value = Reflect.get(obj, prop, obj);
        if (typeof value !== 'function' || prop === 'constructor') return value;
        let fn = bound.get(prop);
        if (!fn) bound.set(prop, (fn = metered((value as (...a: unknown[]) => unknown).bind(obj))));
        return fn;
      }
      throw new Error(`not emulated: ${className}.${String(prop)}`);
    },
  }) as T;
}

/** Dates may come from another realm (the script's vm context), where `instanceof Date` is false. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
