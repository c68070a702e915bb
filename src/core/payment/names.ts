/**
 * Do two people's names look like the same person? Bank statements write the payer their own way
 * ("Анна Петровна И.", "ANNA IVANOVA", "*三"), residents type theirs in the form ("Иванова Анна",
 * "Anna Ivanova", "张三"). Names are compared word by word after spelling Cyrillic in Latin, so
 * Cyrillic and Latin spellings of one name meet; single letters are initials.
 */

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

/** One word in a spelling both alphabets reduce to: "Юлия" and "Yuliya"/"Julia" → "yulia". */
function fold(word: string): string {
  const latin = [...word.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
  return latin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/kh/g, 'h')
    .replace(/x/g, 'ks')
    .replace(/j/g, 'y')
    .replace(/(iy|yy|ii)/g, 'y')
    .replace(/ya/g, 'ia')
    .replace(/yu/g, 'iu')
    .replace(/ye/g, 'e')
    .replace(/w/g, 'v')
    .replace(/[^a-z0-9]/g, '');
}

function words(name: string): string[] {
  return String(name)
    .split(/[\s,.;]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

const HAN = /[\u3400-\u9fff]/;

/** Edit distance, for words of a few letters. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** Two folded words are one name if at most one letter in five differs ("Ivanova"/"Iwanowa"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  return longest >= 4 && distance(a, b) <= Math.floor(longest / 5);
}

/** Chinese names: the visible characters of a masked payer ("*三", "张*") in the resident's name. */
function sameHanName(payer: string, name: string): boolean {
  const visible = payer.replace(/[^\u3400-\u9fff*]/g, '');
  const target = name.replace(/[^\u3400-\u9fff]/g, '');
  if (!visible.replace(/\*/g, '') || !target) return false;
  if (!visible.includes('*')) return visible === target;
  const pattern = new RegExp(`^${visible.replace(/\*+/g, '.+')}$`);
  return pattern.test(target);
}

/**
 * Whether the payer's name on a statement and a participant's name look like one person: at least one
 * whole word alike, and every initial on the statement the first letter of some word of the name.
 * Patronymics and extra words on either side are allowed ("Анна Петровна И." is "Иванова Анна").
 */
export function namesMatch(payer: string, name: string): boolean {
  if (HAN.test(payer) || HAN.test(name)) return sameHanName(payer, name);
  const theirs = words(name).map(fold).filter(Boolean);
  const mine = words(payer).map(fold).filter(Boolean);
  const full = mine.filter((w) => w.length > 1);
  const initials = mine.filter((w) => w.length === 1);
  if (!full.some((w) => theirs.some((t) => sameWord(w, t)))) return false;
  return initials.every((i) => theirs.some((t) => t.startsWith(i)));
}
