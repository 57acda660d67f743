/**
 * Name words for prefix search. The same function tokenises stored names and search queries,
 * so whatever it does to one it does to the other.
 */

// Letters that Unicode decomposition leaves alone but that people type without the mark.
const FOLD: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const APOSTROPHES = /['’ʼ`´]/g;

export function foldText(s: string): string {
  // Lower-case on both sides of decomposition: "İ" lower-cases to i + a combining dot, and
  // compatibility forms such as "ℌ" decompose to capitals.
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

export function nameTokens(name: string): string[] {
  const out = new Set<string>();
  for (const word of foldText(name).split(/[^\p{L}\p{N}'’ʼ`´]+/u)) {
    // "O'Brien" is searched as "obrien" and as "brien"; a lone "o" or "d" finds nothing useful.
    const joined = word.replace(APOSTROPHES, '');
    if (joined) out.add(joined);
    const parts = word.split(APOSTROPHES).filter(Boolean);
    if (parts.length > 1) for (const p of parts) if (p.length > 1) out.add(p);
  }
  return [...out];
}
