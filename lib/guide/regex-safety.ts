/**
 * Regular-expression safety for the `avoid[].pattern` entries a team lead writes.
 *
 * A pattern in a guide runs on every keystroke-debounced draft of every agent on the team, in
 * the content script of the helpdesk tab. JavaScript cannot interrupt a running `RegExp.exec`,
 * so one catastrophic pattern (`(a+)+$`) would freeze the agent's tab. Two defences:
 *
 * 1. {@link checkPattern} (used by the guide parser, the gatekeeper) compiles the pattern and
 *    rejects the shapes that backtrack exponentially: an unbounded quantifier around something
 *    that itself repeats and can match the same text in more than one way (`(a+)+`,
 *    `(\w+\s?)+$`), and alternatives inside a repetition that can match the same text
 *    (`(a|a)*`, `(\d|\w)+`). The check is static and heuristic: it errs towards rejecting.
 *    Also rejected: open-ended repeats in a row over the same characters (`\w+\w+\w+!`), whose
 *    polynomial blow-up on one long token no chunking can bound.
 * 2. {@link runBounded} (for the analyzer) runs a pattern on bounded chunks of the text and
 *    checks a time budget between executions.
 */

// ---------------------------------------------------------------------------------------------
// Character sets, over-approximated: exact for ASCII, a single "may contain something outside
// ASCII" bit for the rest. Over-approximation is the safe direction: two sets that might share
// a character are treated as overlapping.

interface CharSet {
  readonly bits: Uint32Array; // 128 bits, one per ASCII code point
  readonly other: boolean;
}

function emptySet(): CharSet {
  return { bits: new Uint32Array(4), other: false };
}

function setOf(codes: Iterable<number>, other = false): CharSet {
  const s = { bits: new Uint32Array(4), other };
  for (const c of codes) addCode(s, c);
  return s;
}

function addCode(s: { bits: Uint32Array; other: boolean }, code: number): void {
  if (code < 128) s.bits[code >> 5] = (s.bits[code >> 5] ?? 0) | (1 << (code & 31));
  else s.other = true;
}

function hasCode(s: CharSet, code: number): boolean {
  return ((s.bits[code >> 5] ?? 0) & (1 << (code & 31))) !== 0;
}

function rangeSet(lo: number, hi: number): CharSet {
  const s = { bits: new Uint32Array(4), other: hi >= 128 };
  for (let c = lo; c <= Math.min(hi, 127); c++) addCode(s, c);
  return s;
}

function union(...sets: CharSet[]): CharSet {
  const out = { bits: new Uint32Array(4), other: false };
  for (const s of sets) {
    for (let i = 0; i < 4; i++) out.bits[i] = (out.bits[i] ?? 0) | (s.bits[i] ?? 0);
    out.other ||= s.other;
  }
  return out;
}

/** Complement within ASCII; anything outside ASCII may be included. */
function negate(s: CharSet): CharSet {
  const out = { bits: new Uint32Array(4), other: true };
  for (let i = 0; i < 4; i++) out.bits[i] = ~(s.bits[i] ?? 0) >>> 0;
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  if (a.other && b.other) return true;
  for (let i = 0; i < 4; i++) if (((a.bits[i] ?? 0) & (b.bits[i] ?? 0)) !== 0) return true;
  return false;
}

/** Under the `i` flag `A` and `a` are the same character for overlap purposes. */
function foldCase(s: CharSet): CharSet {
  const out = { bits: Uint32Array.from(s.bits), other: s.other };
  for (let c = 65; c <= 90; c++) {
    if (hasCode(s, c) || hasCode(s, c + 32)) {
      addCode(out, c);
      addCode(out, c + 32);
    }
  }
  return out;
}

const code = (ch: string) => ch.charCodeAt(0);
const DIGIT = rangeSet(48, 57);
const WORD = union(DIGIT, rangeSet(65, 90), rangeSet(97, 122), setOf([95]));
// Non-ASCII whitespace (NBSP, U+2028 …) exists, hence `other`.
const SPACE = setOf([9, 10, 11, 12, 13, 32], true);
const ANY = negate(emptySet());
const NEWLINES = setOf([10, 13]);

// ---------------------------------------------------------------------------------------------
// A parser for the JavaScript pattern syntax, producing just enough structure for the analysis.
// It runs only on patterns `new RegExp` already accepted, so it can be lenient.

type Node =
  | { type: 'char'; set: CharSet; lit: string | null }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'group'; body: Node; lookaround: boolean }
  | { type: 'repeat'; body: Node; min: number; max: number; start: number; end: number }
  | { type: 'assert' } // ^ $ \b \B: match no characters
  | { type: 'backref' }; // \1 \k<name>: unknown text

class Parser {
  private pos = 0;
  private readonly unicodeSets: boolean;
  private readonly unicode: boolean;
  private readonly ignoreCase: boolean;
  private readonly dotAll: boolean;

  constructor(
    private readonly src: string,
    flags: string,
  ) {
    this.unicodeSets = flags.includes('v');
    this.unicode = this.unicodeSets || flags.includes('u');
    this.ignoreCase = flags.includes('i');
    this.dotAll = flags.includes('s');
  }

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.src.length) throw new Error(`unexpected "${this.src[this.pos]}"`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.pos;
      const atom = this.atom();
      const q = this.quantifier();
      items.push(q ? { type: 'repeat', body: atom, min: q.min, max: q.max, start, end: this.pos } : atom);
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.peek();
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    if (q) this.pos++;
    else if (c === '{') {
      // Outside unicode mode a `{` that does not start a valid quantifier is a literal.
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      q = { min, max };
      this.pos += m[0].length;
    }
    if (q && this.peek() === '?') this.pos++; // lazy: same backtracking worst case
    return q;
  }

  private char(set: CharSet, lit: string | null): Node {
    return {
      type: 'char',
      set: this.ignoreCase ? foldCase(set) : set,
      lit: lit === null ? null : this.ignoreCase ? lit.toLowerCase() : lit,
    };
  }

  private atom(): Node {
    const c = this.peek()!;
    switch (c) {
      case '^':
      case '$':
        this.pos++;
        return { type: 'assert' };
      case '.':
        this.pos++;
        return this.char(this.dotAll ? ANY : union(negate(NEWLINES)), null);
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      default: {
        const cp = this.src.codePointAt(this.pos)!;
        const ch = String.fromCodePoint(cp);
        this.pos += this.unicode ? ch.length : 1;
        const literal = this.unicode ? ch : c;
        return this.char(setOf([literal.charCodeAt(0)]), literal);
      }
    }
  }

  private group(): Node {
    this.pos++; // (
    let lookaround = false;
    if (this.peek() === '?') {
      const rest = this.src.slice(this.pos + 1);
      if (rest.startsWith('=') || rest.startsWith('!')) {
        lookaround = true;
        this.pos += 2;
      } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
        lookaround = true;
        this.pos += 3;
      } else if (rest.startsWith('<')) {
        this.pos = this.src.indexOf('>', this.pos) + 1; // named group
      } else {
        // (?: and modifier groups such as (?i:…) / (?-m:…)
        this.pos = this.src.indexOf(':', this.pos) + 1;
      }
    }
    const body = this.alternation();
    if (this.peek() !== ')') throw new Error('unterminated group');
    this.pos++;
    return { type: 'group', body, lookaround };
  }

  private charClass(): Node {
    this.pos++; // [
    if (this.unicodeSets) {
      // `v`-mode classes nest and support set operations; analysing them precisely is not worth
      // it here, so treat the class as "any character" (over-approximation: safe direction).
      let depth = 1;
      while (depth > 0 && this.pos < this.src.length) {
        const ch = this.src[this.pos++];
        if (ch === '\\') this.pos++;
        else if (ch === '[') depth++;
        else if (ch === ']') depth--;
      }
      return this.char(ANY, null);
    }
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const parts: CharSet[] = [];
    let single: string | null = null;
    let count = 0;
    while (this.pos < this.src.length && this.peek() !== ']') {
      const from = this.classAtom();
      count++;
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined && from.code !== null) {
        this.pos++;
        const to = this.classAtom();
        if (to.code !== null) {
          parts.push(rangeSet(from.code, to.code));
          count++;
          continue;
        }
        parts.push(from.set, setOf([code('-')]), to.set);
        continue;
      }
      parts.push(from.set);
      single = from.code !== null ? String.fromCharCode(from.code) : null;
    }
    this.pos++; // ]
    const set = union(emptySet(), ...parts);
    // `[x]` is the literal x, which matters for the literal-alternatives check.
    const lit = !negated && count === 1 && single !== null && single.charCodeAt(0) < 128 ? single : null;
    return this.char(negated ? negate(set) : set, lit);
  }

  private classAtom(): { set: CharSet; code: number | null } {
    const ch = this.peek()!;
    if (ch !== '\\') {
      const cp = this.src.codePointAt(this.pos)!;
      this.pos += this.unicode && cp > 0xffff ? 2 : 1;
      return { set: setOf([cp]), code: cp };
    }
    const esc = this.src[this.pos + 1] ?? '';
    if (esc === 'b') {
      this.pos += 2;
      return { set: setOf([8]), code: 8 }; // backspace inside a class
    }
    const node = this.escape();
    if (node.type === 'char') {
      const c = node.lit !== null ? node.lit.charCodeAt(0) : null;
      return { set: node.set, code: c };
    }
    return { set: ANY, code: null };
  }

  private escape(): Node {
    this.pos++; // backslash
    const c = this.src[this.pos++] ?? '';
    switch (c) {
      case 'd':
        return this.char(DIGIT, null);
      case 'D':
        return this.char(negate(DIGIT), null);
      case 'w':
        return this.char(WORD, null);
      case 'W':
        return this.char(negate(WORD), null);
      case 's':
        return this.char(SPACE, null);
      case 'S':
        return this.char(negate(SPACE), null);
      case 'b':
      case 'B':
        return { type: 'assert' };
      case 'n':
        return this.char(setOf([10]), '\n');
      case 'r':
        return this.char(setOf([13]), '\r');
      case 't':
        return this.char(setOf([9]), '\t');
      case 'v':
        return this.char(setOf([11]), '\v');
      case 'f':
        return this.char(setOf([12]), '\f');
      case '0':
        return this.char(setOf([0]), '\0');
      case 'c': {
        const letter = this.src[this.pos++] ?? '@';
        const ch = String.fromCharCode(letter.charCodeAt(0) % 32);
        return this.char(setOf([ch.charCodeAt(0)]), ch);
      }
      case 'x': {
        const hex = this.src.slice(this.pos, this.pos + 2);
        this.pos += 2;
        const ch = String.fromCharCode(parseInt(hex, 16));
        return this.char(setOf([ch.charCodeAt(0)]), ch);
      }
      case 'u': {
        let cp: number;
        if (this.peek() === '{') {
          const close = this.src.indexOf('}', this.pos);
          cp = parseInt(this.src.slice(this.pos + 1, close), 16);
          this.pos = close + 1;
        } else {
          cp = parseInt(this.src.slice(this.pos, this.pos + 4), 16);
          this.pos += 4;
        }
        const ch = String.fromCodePoint(cp);
        return this.char(setOf([cp]), ch);
      }
      case 'p':
      case 'P':
        if (this.unicode && this.peek() === '{') {
          this.pos = this.src.indexOf('}', this.pos) + 1;
          return this.char(ANY, null);
        }
        return this.char(setOf([code(c)]), c);
      case 'k':
        if (this.peek() === '<') {
          this.pos = this.src.indexOf('>', this.pos) + 1;
          return { type: 'backref' };
        }
        return this.char(setOf([code(c)]), c);
      default:
        if (/[1-9]/.test(c)) {
          while (/[0-9]/.test(this.peek() ?? '')) this.pos++;
          return { type: 'backref' };
        }
        return this.char(setOf([code(c)]), c);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis.

/** Repetitions this wide behave like unbounded ones for backtracking purposes. */
const LARGE_REPEAT = 16;
const isLarge = (n: Node): n is Extract<Node, { type: 'repeat' }> => n.type === 'repeat' && n.max > LARGE_REPEAT;

function nullable(n: Node): boolean {
  switch (n.type) {
    case 'char':
      return false;
    case 'seq':
      return n.items.every(nullable);
    case 'alt':
      return n.options.some(nullable);
    case 'group':
      return n.lookaround || nullable(n.body);
    case 'repeat':
      return n.min === 0 || nullable(n.body);
    case 'assert':
    case 'backref':
      return true;
  }
}

/** Characters a non-empty match of `n` can start with. */
function firstChars(n: Node): CharSet {
  switch (n.type) {
    case 'char':
      return n.set;
    case 'seq': {
      const sets: CharSet[] = [];
      for (const item of n.items) {
        sets.push(firstChars(item));
        if (!nullable(item)) break;
      }
      return union(emptySet(), ...sets);
    }
    case 'alt':
      return union(emptySet(), ...n.options.map(firstChars));
    case 'group':
      return n.lookaround ? emptySet() : firstChars(n.body);
    case 'repeat':
      return firstChars(n.body);
    case 'assert':
      return emptySet();
    case 'backref':
      return ANY;
  }
}

/** Every character a match of `n` can consume. */
function allChars(n: Node): CharSet {
  switch (n.type) {
    case 'char':
      return n.set;
    case 'seq':
      return union(emptySet(), ...n.items.map(allChars));
    case 'alt':
      return union(emptySet(), ...n.options.map(allChars));
    case 'group':
      return n.lookaround ? emptySet() : allChars(n.body);
    case 'repeat':
      return allChars(n.body);
    case 'assert':
      return emptySet();
    case 'backref':
      return ANY;
  }
}

/** The fixed string `n` matches, or null when it can match more than one string. */
function literalOf(n: Node): string | null {
  switch (n.type) {
    case 'char':
      return n.lit;
    case 'seq': {
      let out = '';
      for (const item of n.items) {
        const l = literalOf(item);
        if (l === null) return null;
        out += l;
      }
      return out;
    }
    case 'group':
      return n.lookaround ? null : literalOf(n.body);
    case 'repeat': {
      if (n.min !== n.max) return null;
      const l = literalOf(n.body);
      return l === null ? null : l.repeat(n.min);
    }
    case 'assert':
      return '';
    default:
      return null;
  }
}

function children(n: Node): Node[] {
  switch (n.type) {
    case 'seq':
      return n.items;
    case 'alt':
      return n.options;
    case 'group':
    case 'repeat':
      return [n.body];
    default:
      return [];
  }
}

function descendants(n: Node): Node[] {
  const out: Node[] = [];
  const walk = (x: Node) => {
    for (const c of children(x)) {
      out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}

/** The items a single pass through `n` is a sequence of, looking through plain groups. */
function topItems(n: Node): Node[] {
  if (n.type === 'group' && !n.lookaround) return topItems(n.body);
  if (n.type === 'seq') return n.items.flatMap((i) => (i.type === 'group' && !i.lookaround && i.body.type === 'seq' ? topItems(i) : [i]));
  return [n];
}

function topAlternation(n: Node): Extract<Node, { type: 'alt' }> | null {
  if (n.type === 'group' && !n.lookaround) return topAlternation(n.body);
  if (n.type === 'seq' && n.items.length === 1) return topAlternation(n.items[0]!);
  return n.type === 'alt' ? n : null;
}

/**
 * Whether a set of strings is a code (every concatenation splits one way only), by the
 * Sardinas–Patterson test. `(cat|car)+` is fine; `(a|ab|b)+` is not: "ab" = a·b = ab.
 */
export function isUniquelyDecodable(words: readonly string[]): boolean {
  const code = new Set(words.filter((w) => w !== ''));
  if (code.size !== words.filter((w) => w !== '').length) return false; // duplicates
  const danglingSuffixes = (a: Iterable<string>, b: Iterable<string>) => {
    const out = new Set<string>();
    for (const x of a) for (const y of b) if (x !== y && y.startsWith(x)) out.add(y.slice(x.length));
    return out;
  };
  let current = danglingSuffixes(code, code);
  const seen = new Set<string>();
  while (current.size > 0) {
    for (const s of current) if (s === '' || code.has(s)) return false;
    const next = new Set<string>([...danglingSuffixes(code, current), ...danglingSuffixes(current, code)]);
    const fresh = [...next].filter((s) => !seen.has(s));
    for (const s of fresh) seen.add(s);
    current = new Set(fresh);
  }
  return true;
}

/** Whether two alternatives of an alternation can match the same text. */
function alternativesOverlap(alt: Extract<Node, { type: 'alt' }>, iteratedDirectly: boolean): boolean {
  const literals: string[] = [];
  const others: Node[] = [];
  for (const o of alt.options) {
    const l = literalOf(o);
    if (l === null) others.push(o);
    else literals.push(l);
  }
  // Directly iterated, alternatives must also not combine into the same text ("a|ab|b");
  // elsewhere only identical alternatives are a problem the static check can prove.
  if (iteratedDirectly ? !isUniquelyDecodable(literals) : new Set(literals).size !== literals.length) return true;
  const nonEmpty = alt.options.filter((o) => literalOf(o) !== '');
  for (let i = 0; i < nonEmpty.length; i++) {
    for (let j = i + 1; j < nonEmpty.length; j++) {
      const a = nonEmpty[i]!;
      const b = nonEmpty[j]!;
      if (literalOf(a) !== null && literalOf(b) !== null) continue; // decided above
      if (intersects(firstChars(a), firstChars(b))) return true;
    }
  }
  return false;
}

/**
 * Two open-ended repeats in a row that can match the same characters (`\w+\w+`, `.*\s*.*`) split
 * one run of text in n ways, and a search that fails tries that at every start: cubic time on a
 * long token (a pasted URL or log line). Only nullable items (`\s*`, `^`) between them count as
 * "in a row"; a required separator with other characters (`\w+\s\w+`) breaks the chain.
 */
function adjacentOverlap(root: Node, src: string): string | null {
  for (const n of [root, ...descendants(root)]) {
    if (n.type !== 'seq') continue;
    const items = topItems(n);
    let open: Array<Extract<Node, { type: 'repeat' }>> = [];
    for (const item of items) {
      if (isLarge(item)) {
        const chars = allChars(item);
        const clash = open.find((prev) => intersects(allChars(prev), chars));
        if (clash) {
          return `"${src.slice(clash.start, item.end)}" repeats the same characters twice in a row, which can take very long on long words; make one part specific (for example "\\w+\\s+\\w+")`;
        }
        // A required repeat (`\s+`) is itself a separator for what comes after it.
        if (nullable(item)) open.push(item);
        else open = [item];
      } else if (!nullable(item)) {
        open = [];
      }
    }
  }
  return null;
}

function findProblem(root: Node, src: string): string | null {
  const adjacent = adjacentOverlap(root, src);
  if (adjacent) return adjacent;
  for (const n of [root, ...descendants(root)]) {
    if (!isLarge(n)) continue;
    const text = src.slice(n.start, n.end);
    const inner = descendants(n.body).filter(isLarge);
    const items = topItems(n.body);
    for (const rep of inner) {
      // One iteration of the outer repetition is forced to consume a character the inner one
      // cannot (the "," in `(\d+,)+`); without such a separator the same text splits into
      // iterations in exponentially many ways.
      const repChars = allChars(rep);
      const separated = items.some((item) => item !== rep && !nullable(item) && !intersects(allChars(item), repChars));
      if (!separated) {
        return `nested quantifier in "${text}" can take exponential time; make the repeated part unambiguous (for example "(\\w+\\s)+" instead of "(\\w+\\s?)+")`;
      }
    }
    const top = topAlternation(n.body);
    const alts = [top, ...descendants(n.body).filter((d): d is Extract<Node, { type: 'alt' }> => d.type === 'alt' && d !== top)];
    for (const alt of alts) {
      if (alt && alternativesOverlap(alt, alt === top)) {
        return `alternatives inside the repetition "${text}" can match the same text, which can take exponential time`;
      }
    }
  }
  return null;
}

/** Flags a guide pattern may use. `g` and `y` are the consumer's business (it scans the whole draft). */
export const ALLOWED_PATTERN_FLAGS = 'imsuv';

export type PatternCheck = { ok: true; regex: RegExp } | { ok: false; field: 'pattern' | 'flags'; reason: string };

/**
 * Compile and vet a guide pattern. Rejects: unknown or duplicate flags, syntax errors,
 * catastrophic-backtracking shapes, and patterns that match empty text (they would flag every
 * reply). `regex` is compiled with the given flags exactly.
 */
export function checkPattern(pattern: string, flags = ''): PatternCheck {
  for (const f of flags) {
    if (!ALLOWED_PATTERN_FLAGS.includes(f)) {
      return { ok: false, field: 'flags', reason: `unsupported flag "${f}" (allowed: ${[...ALLOWED_PATTERN_FLAGS].join(', ')})` };
    }
  }
  if (new Set(flags).size !== flags.length) return { ok: false, field: 'flags', reason: 'repeated flag' };
  if (flags.includes('u') && flags.includes('v')) return { ok: false, field: 'flags', reason: 'flags u and v cannot be combined' };
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // V8: "Invalid regular expression: /(/: Unterminated group" — keep the reason only.
    const reason = message.split(': ').pop() ?? message;
    return { ok: false, field: 'pattern', reason: `invalid regular expression: ${reason}` };
  }
  let tree: Node;
  try {
    tree = new Parser(pattern, flags).parse();
  } catch {
    return { ok: false, field: 'pattern', reason: 'uses syntax the safety check cannot analyse; simplify the pattern' };
  }
  const problem = findProblem(tree, pattern);
  if (problem) return { ok: false, field: 'pattern', reason: problem };
  // `regex.test('')` alone misses `\b` or `(?=x)`: empty matches that need surrounding text.
  if (nullable(tree) || regex.test('')) {
    return { ok: false, field: 'pattern', reason: 'matches empty text, so it would flag every reply' };
  }
  return { ok: true, regex };
}

// ---------------------------------------------------------------------------------------------
// Runtime bound.

export interface BoundedMatch {
  /** Offset in the whole text. */
  index: number;
  text: string;
}

export interface BoundedRunOptions {
  /**
   * Characters given to a single `exec`. Bounds the worst case of one execution, which is the
   * only thing that can be bounded: an execution cannot be interrupted.
   * @default 1000
   */
  chunkSize?: number;
  /**
   * Characters consecutive chunks share, so a match straddling a boundary is still found whole.
   * Matches longer than this that straddle a boundary may be cut short.
   * @default 100
   */
  overlap?: number;
  /** Clock in milliseconds; injectable for tests. @default performance.now */
  now?: () => number;
}

export interface BoundedRunResult {
  /** `timeout`: the budget ran out; `matches` holds what was found before that. */
  status: 'complete' | 'timeout';
  matches: BoundedMatch[];
  /** Characters from the start of the text that were fully searched. */
  scanned: number;
}

/**
 * Find every non-overlapping match of `re` in `text`, giving up once `budgetMs` has elapsed.
 *
 * Trade-off: JavaScript cannot stop a running `exec`, so the budget is checked between
 * executions and each execution sees at most `chunkSize` characters. That caps the damage of a
 * polynomial pattern (quadratic on 1,000 characters is fine; on a 50,000-character pasted log it
 * is not) and turns a slow pattern into a reported timeout instead of a frozen tab. It cannot
 * make an exponential pattern fast (2^1000 is still forever), which is why {@link checkPattern}
 * rejects those before they reach here. Cost of chunking: `^`, `$`, `\b` and lookbehind see
 * chunk edges as text edges, and a match longer than `overlap` that straddles a chunk boundary
 * is truncated. Avoid-phrases are short, so both are acceptable.
 */
export function runBounded(re: RegExp, text: string, budgetMs: number, opts: BoundedRunOptions = {}): BoundedRunResult {
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 1000));
  const overlap = Math.min(Math.max(0, Math.floor(opts.overlap ?? 100)), chunkSize - 1);
  const step = chunkSize - overlap;
  const now = opts.now ?? (() => performance.now());
  const global = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
  const started = now();
  const matches: BoundedMatch[] = [];
  let lastEnd = 0;

  for (let start = 0; ; start += step) {
    const end = Math.min(text.length, start + chunkSize);
    const isLast = end === text.length;
    // Matches starting past this point are found again by the next chunk, with more context.
    const acceptBefore = isLast ? Infinity : start + step;
    const chunk = text.slice(start, end);
    // Resume where the previous match ended, exactly as one exec loop over the whole text would,
    // so matches never overlap and none is skipped.
    global.lastIndex = Math.max(0, lastEnd - start);
    for (;;) {
      if (now() - started > budgetMs) return { status: 'timeout', matches, scanned: Math.max(start, Math.min(lastEnd, text.length)) };
      const m = global.exec(chunk);
      if (!m) break;
      if (m[0] === '') {
        global.lastIndex++;
        continue;
      }
      const index = start + m.index;
      if (index >= acceptBefore) break;
      matches.push({ index, text: m[0] });
      lastEnd = index + m[0].length;
    }
    if (isLast) return { status: 'complete', matches, scanned: text.length };
  }
}
