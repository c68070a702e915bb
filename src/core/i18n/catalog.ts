/** A message is a template with {placeholders}; a counted one has CLDR plural forms chosen by {count}. */
export type Message = string | { one?: string; few?: string; many?: string; other: string };
export type Catalog<K extends string> = Record<K, Message>;
