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

export function guarded<T>(target: object, className: string): T {
  // Methods run bound to the real object, so their own `this.x` reads skip this trap (it is hot).
  const bound = new Map<string | symbol, unknown>();
  return new Proxy(target, {
    get(obj, prop) {
      if (typeof prop === 'symbol' || prop in obj || PASS_THROUGH.has(prop)) {
        const value = Reflect.get(obj, prop, obj);
        if (typeof value !== 'function' || prop === 'constructor') return value;
        let fn = bound.get(prop);
        if (!fn) bound.set(prop, (fn = (value as (...a: unknown[]) => unknown).bind(obj)));
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
