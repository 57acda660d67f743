import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPattern, runBounded } from '@/lib/guide';
import { isUniquelyDecodable } from '@/lib/guide/regex-safety';

describe('checkPattern: catastrophic backtracking', () => {
  it.each([
    ['(a+)+', 'nested quantifier'],
    ['(a*)*b', 'nested quantifier'],
    ['(\\w+\\s?)+$', 'nested quantifier'],
    ['^(\\d+)*$', 'nested quantifier'],
    ['(?:[a-z]+\\.?)+@', 'nested quantifier'],
    ['(.+,)+x', 'nested quantifier'],
    ['(a{1,50})+', 'nested quantifier'],
    ['(a|a)*', 'alternatives'],
    ['(a|ab|b)+c', 'alternatives'],
    ['(\\d|\\w)+!', 'alternatives'],
    ['(x(\\d|\\w))+!', 'alternatives'],
    ['(A|a)+!', 'alternatives'],
  ])('rejects %s (%s)', (pattern, kind) => {
    const flags = pattern === '(A|a)+!' ? 'i' : '';
    const r = checkPattern(pattern, flags);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe('pattern');
      expect(r.reason).toContain(kind);
      expect(r.reason).toContain('exponential time');
    }
  });

  it.each([
    '\\bcalm down\\b',
    'there(?:\'s| is) nothing (?:I|we) can do',
    '(\\d+,)+end',
    '(\\d+,+)+end',
    '(?:\\s*,\\s*\\w+)+!',
    '(\\w+\\s)+done',
    '(cat|car)+s',
    '(?:very|really|so)+ sorry',
    '\\b(?:24|48|72)\\s*(?:hours|hrs)\\b',
    '[a-z]+@[a-z]+\\.com',
    '(?<word>\\w+) \\k<word>',
  ])('accepts %s', (pattern) => {
    const r = checkPattern(pattern, pattern.includes('\\k<') ? 'u' : 'i');
    expect(r).toMatchObject({ ok: true });
  });

  it.each(['\\w+\\w+\\w+!', '\\d+\\w*z', '.*\\s*.*x', '[a-z]+(?:[a-z0-9])+!'])('rejects open-ended repeats in a row over the same characters: %s', (pattern) => {
    const r = checkPattern(pattern);
    expect(r).toMatchObject({ ok: false, field: 'pattern', reason: expect.stringContaining('twice in a row') });
  });

  it.each(['\\w+\\s+\\w+!', '\\w+\\s*!', '\\d+-\\d+', '.*x.*y'])('accepts repeats kept apart by a required separator: %s', (pattern) => {
    expect(checkPattern(pattern)).toMatchObject({ ok: true });
  });

  it('checks case-insensitive overlap only under the i flag', () => {
    expect(checkPattern('(A|a)+!', '').ok).toBe(true);
    expect(checkPattern('(A|a)+!', 'i').ok).toBe(false);
  });
});

describe('checkPattern: syntax, flags, empty matches', () => {
  it('reports syntax errors with the engine reason', () => {
    expect(checkPattern('(sorry')).toEqual({ ok: false, field: 'pattern', reason: 'invalid regular expression: Unterminated group' });
    expect(checkPattern('[a-')).toMatchObject({ ok: false, field: 'pattern', reason: expect.stringMatching(/^invalid regular expression: /) });
  });

  it('allows only flags that do not change how the consumer scans', () => {
    expect(checkPattern('sorry', 'g')).toMatchObject({ ok: false, field: 'flags', reason: expect.stringContaining('"g"') });
    expect(checkPattern('sorry', 'y')).toMatchObject({ ok: false, field: 'flags' });
    expect(checkPattern('sorry', 'ii')).toEqual({ ok: false, field: 'flags', reason: 'repeated flag' });
    expect(checkPattern('sorry', 'uv')).toMatchObject({ ok: false, field: 'flags' });
    expect(checkPattern('sorry', 'imsu')).toMatchObject({ ok: true });
  });

  it('rejects patterns that match empty text', () => {
    for (const p of ['a*', '(sorry)?', '\\b', '^', '(?=sorry)', 'x?\\b']) {
      expect(checkPattern(p)).toEqual({ ok: false, field: 'pattern', reason: 'matches empty text, so it would flag every reply' });
    }
  });

  it('returns the compiled regex with the given flags', () => {
    const r = checkPattern('calm\\s+down', 'i');
    expect(r.ok && r.regex.flags).toBe('i');
    expect(r.ok && r.regex.test('Please CALM  down')).toBe(true);
  });
});

describe('isUniquelyDecodable (Sardinas–Patterson)', () => {
  it('distinguishes codes from ambiguous sets', () => {
    expect(isUniquelyDecodable(['cat', 'car'])).toBe(true);
    expect(isUniquelyDecodable(['a', 'ab'])).toBe(true); // "ab…" always splits one way
    expect(isUniquelyDecodable(['0', '01', '11'])).toBe(true);
    expect(isUniquelyDecodable(['a', 'ab', 'b'])).toBe(false);
    expect(isUniquelyDecodable(['a', 'a'])).toBe(false);
  });

  it('agrees with brute force on small alphabets', () => {
    /** Two different factorisations of some string of length ≤ 8 into the words. */
    const ambiguousByBruteForce = (words: string[]) => {
      const parses = new Map<string, string>();
      const walk = (s: string, parts: string[]): boolean => {
        if (s.length > 8) return false;
        if (parts.length > 0) {
          const key = parts.join('|');
          const seen = parses.get(s);
          if (seen !== undefined && seen !== key) return true;
          parses.set(s, key);
        }
        return words.some((w) => walk(s + w, [...parts, w]));
      };
      return new Set(words).size !== words.length || walk('', []);
    };
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab]{1,3}$/), { minLength: 1, maxLength: 4 }), (words) => {
        // Brute force only sees strings up to length 8; with words of ≤ 3 letters and at most 4 of
        // them, any ambiguity has a witness that short.
        expect(isUniquelyDecodable(words)).toBe(!ambiguousByBruteForce(words));
      }),
      { numRuns: 300 },
    );
  });
});

/** A clock that advances `step` ms on every reading: deterministic budgets, no real time. */
function fakeClock(step: number) {
  let t = 0;
  return () => (t += step);
}

function allMatches(re: RegExp, text: string) {
  return [...text.matchAll(new RegExp(re.source, `${re.flags}g`))].map((m) => ({ index: m.index, text: m[0] }));
}

describe('runBounded', () => {
  it('finds every match in order across chunk boundaries', () => {
    const text = 'sorry, so sorry. '.repeat(20);
    const r = runBounded(/sorry/i, text, 1000, { chunkSize: 16, overlap: 6, now: fakeClock(0) });
    expect(r.status).toBe('complete');
    expect(r.scanned).toBe(text.length);
    expect(r.matches).toEqual(allMatches(/sorry/i, text));
    expect(r.matches).toHaveLength(40);
  });

  it('matches a plain exec loop for short matches (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[abc ]{0,80}$/),
        fc.constantFrom(/ab?c/, /a[bc]/, /abc|bc/, /c a/, /b{1,3}/),
        fc.integer({ min: 5, max: 30 }),
        (text, re, chunkSize) => {
          // Matches here are at most 3 characters, so an overlap of 3 keeps every one whole.
          const r = runBounded(re, text, 1000, { chunkSize, overlap: 3, now: fakeClock(0) });
          expect(r.status).toBe('complete');
          expect(r.matches).toEqual(allMatches(re, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops and reports a timeout when the budget runs out', () => {
    const text = 'sorry '.repeat(100);
    // Every clock reading advances 10 ms; the budget allows about three executions.
    const r = runBounded(/sorry/, text, 25, { chunkSize: 30, overlap: 5, now: fakeClock(10) });
    expect(r.status).toBe('timeout');
    expect(r.matches.length).toBeGreaterThan(0);
    expect(r.matches.length).toBeLessThan(100);
    expect(r.scanned).toBeLessThan(text.length);
    expect(r.matches).toEqual(allMatches(/sorry/, text).slice(0, r.matches.length));
  });

  it('never hands a single exec more than chunkSize characters', () => {
    const seen: number[] = [];
    // runBounded compiles its own copy of the regex, so observe RegExp.prototype.exec itself.
    const original = RegExp.prototype.exec;
    RegExp.prototype.exec = function (this: RegExp, s: string) {
      seen.push(s.length);
      return original.call(this, s);
    };
    try {
      runBounded(/x/, 'y'.repeat(5000), 1000, { chunkSize: 400, overlap: 20, now: fakeClock(0) });
    } finally {
      RegExp.prototype.exec = original;
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(Math.max(...seen)).toBeLessThanOrEqual(400);
  });

  it('ignores g and y on the given regex and keeps the other flags', () => {
    const r = runBounded(/SORRY/giy, 'oh sorry, Sorry', 1000, { now: fakeClock(0) });
    expect(r.matches.map((m) => m.index)).toEqual([3, 10]);
  });

  it('handles empty text and patterns that can match empty text', () => {
    expect(runBounded(/a/, '', 100, { now: fakeClock(0) })).toEqual({ status: 'complete', matches: [], scanned: 0 });
    expect(runBounded(/a*/, 'baab', 100, { now: fakeClock(0) }).matches).toEqual([{ index: 1, text: 'aa' }]);
  });
});
