/**
 * Arbitraries for the hostile-input fuzz tests: plain random text plus text assembled from the
 * pieces that historically break text processors (control characters, bidi marks, astral
 * emoji, CRLF, runaway punctuation, nested-quantifier regex source, very long "words").
 */
import fc from 'fast-check';

/** Fragments chosen because each one has broken a tokenizer, regex or parser somewhere. */
export const ADVERSARIAL_PIECES: readonly string[] = [
  '\u0000',
  '\r\n',
  '\r',
  '\n\n\n',
  '\t',
  '\u200f', // RIGHT-TO-LEFT MARK
  '\u202e', // RIGHT-TO-LEFT OVERRIDE
  '\u200b', // ZERO WIDTH SPACE
  '\ufeff', // BOM in the middle of text
  '\ud83d\ude00', // 😀 (surrogate pair)
  '\ud83d', // lone high surrogate
  '\ude00', // lone low surrogate
  '👨‍👩‍👧‍👦', // ZWJ sequence
  'e\u0301', // combining accent
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '..............................',
  '??????',
  '((((a+)+)+)+',
  '(a|a)*$',
  '\\',
  '"',
  "'",
  '""',
  ',',
  ';',
  '|',
  '{',
  '}',
  '[',
  ']',
  '{"a":',
  '<script>alert(1)</script>',
  '{{name}}',
  '[NAME]',
  '%s',
  '$1',
  'a'.repeat(5000),
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
  'sorry ',
  'we apologise for any inconvenience ',
  'Dear Customer, ',
  'by tomorrow ',
  'within 24 hours ',
  '12/31/2024 ',
  '2024-02-30T25:61:61Z',
  'Priya ',
  'priya@example.com ',
  '+44 20 7946 0958 ',
  'مرحبا ',
  'שלום ',
  '日本語のテキスト',
  ' ',
];

/** Text made by concatenating adversarial pieces and random runs of text. */
export const adversarialText = (maxPieces = 60): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...ADVERSARIAL_PIECES), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 })), {
      maxLength: maxPieces,
    })
    .map((parts) => parts.join(''));

/** Up to 20,000 characters: one repeated piece or a repeated random chunk (worst cases for backtracking). */
export const largeText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.constantFrom(...ADVERSARIAL_PIECES), fc.string({ minLength: 1, maxLength: 40 }), adversarialText(8)), fc.integer({ min: 1, max: 20_000 }))
  .filter(([unit]) => unit.length > 0)
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Every kind of string this suite throws at a parser. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 1 },
  { arbitrary: adversarialText(), weight: 3 },
  { arbitrary: largeText, weight: 1 },
);

/**
 * A generous per-call ceiling. This is NOT a benchmark (speed is measured by `npm run bench`):
 * it only catches catastrophic, input-dependent blow-ups (exponential regex backtracking,
 * quadratic loops over 20k characters), which take seconds to minutes, not milliseconds. The
 * margin over normal cost (a few ms) is wide so a busy 2-core CI machine cannot make it flaky.
 */
export const PER_INPUT_BOUND_MS = 1000;

/** Runs `fn` and returns its result and how long it took. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/**
 * Runs `fn` over the samples a few times before anything is timed. V8 compiles a regular
 * expression lazily and again when it gets hot (chrono-node's are large): on a loaded machine
 * that one-time cost alone can pass a second. The bound is about input-dependent blow-ups, so
 * it is measured on warm code.
 */
export function warmUp(fn: (sample: string) => unknown, samples: readonly string[] = ADVERSARIAL_PIECES, rounds = 3): void {
  for (let i = 0; i < rounds; i++) for (const s of samples) fn(s);
}
