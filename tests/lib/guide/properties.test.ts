/** Property: whatever parses, serialises and parses back to the same guide. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorySchema, moodSchema, parseGuide, parseGuideText, phraseKindSchema, requiredElementSchema, serializeGuide } from '@/lib/guide';

const text = (max = 40) =>
  fc
    .string({ minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const category = fc.constantFrom(...categorySchema.options);
const mood = fc.constantFrom(...moodSchema.options);
const SAFE_PATTERNS = ['\\bsorry\\b', 'calm\\s+down', '(?:very|really) sorry', '\\d{2,3} hours', '(?:\\s*,\\s*\\w+)+!'];

const avoidRule = fc.oneof(
  fc.record({ phrase: text(), why: text(), instead: text() }, { requiredKeys: ['phrase', 'why'] }),
  fc.record(
    { pattern: fc.constantFrom(...SAFE_PATTERNS), flags: fc.constantFrom('i', 'iu', 'm', ''), why: text(), instead: text() },
    { requiredKeys: ['pattern', 'why'] },
  ),
);

const escalation = fc.record(
  {
    id,
    when: fc
      .record(
        {
          contactsAtLeast: fc.integer({ min: 1, max: 20 }),
          promiseMissed: fc.boolean(),
          moods: fc.uniqueArray(mood, { minLength: 1, maxLength: 3 }),
          categories: fc.uniqueArray(category, { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: [] },
      )
      .filter((w) => Object.keys(w).length > 0),
    message: text(),
    handoffTo: text(),
  },
  { requiredKeys: ['id', 'when', 'message'] },
);

const generic = fc.record(
  {
    id: id.filter((i) => i !== 'gmail' && i !== 'zendesk'),
    label: text(),
    urlPattern: fc.constantFrom('https://crm.example.com/*', 'https://*.tools.example/tickets/*', 'http://localhost:8080/*'),
    customer: fc.record({ name: fc.constantFrom('#name', "[data-field='name']"), email: fc.constant('.email') }, { requiredKeys: [] }),
    editor: fc.constantFrom('#reply', 'div[contenteditable]'),
    send: fc.constant('button.send'),
    message: fc.constant('.message:last-child'),
  },
  { requiredKeys: ['id', 'label', 'urlPattern', 'customer', 'editor', 'send'] },
);

const guideArb = fc.record(
  {
    schemaVersion: fc.constant(2),
    name: text(),
    description: text(200),
    updatedAt: fc.constantFrom('2026-01-31', '2026-11-02T09:30:00Z', '2025-06-01T12:00:00.5+02:00'),
    avoid: fc.array(avoidRule, { maxLength: 5 }),
    boilerplate: fc.array(text(), { maxLength: 3 }),
    prefer: fc.array(
      fc.record({ category, mood, kind: fc.constantFrom(...phraseKindSchema.options), text: text(), mode: fc.constantFrom('add', 'replace') }, { requiredKeys: ['kind', 'text'] }),
      { maxLength: 5 },
    ),
    ban: fc.array(fc.record({ phrase: text(), category, mood }, { requiredKeys: ['phrase'] }), { maxLength: 3 }),
    required: fc.uniqueArray(fc.constantFrom(...requiredElementSchema.options)),
    thresholds: fc.record({ canned: fc.integer({ min: 0, max: 100 }), hold: fc.double({ min: 0, max: 100, noNaN: true }) }, { requiredKeys: [] }),
    escalations: fc.uniqueArray(escalation, { selector: (e) => e.id, maxLength: 3 }),
    sites: fc.dictionary(fc.constantFrom('gmail', 'zendesk'), fc.record({ enabled: fc.boolean() })),
    generic: fc.uniqueArray(generic, { selector: (g) => g.id, maxLength: 2 }),
    signature: fc.base64String({ minLength: 4, maxLength: 12 }),
  },
  { requiredKeys: ['schemaVersion', 'name', 'avoid', 'prefer'] },
);

// Generous timeout: generating whole guides is the slow part, not the code under test.
describe('property: parse(serialize(g)) round-trips', { timeout: 60_000 }, () => {
  it('gives back the same guide', () => {
    fc.assert(
      fc.property(guideArb, (input) => {
        const first = parseGuide(input);
        if (!first.ok) throw new Error(first.errors.join('\n'));
        const again = parseGuideText(serializeGuide(first.guide));
        expect(again.ok).toBe(true);
        if (again.ok) expect(again.guide).toStrictEqual(first.guide);
      }),
      { numRuns: 200 },
    );
  });

  it('is not disturbed by unknown fields, which only add warnings', () => {
    fc.assert(
      fc.property(guideArb, fc.dictionary(fc.constantFrom('owner', 'x-note', 'theme'), fc.jsonValue(), { minKeys: 1 }), (input, extra) => {
        const plain = parseGuide(input);
        const noisy = parseGuide({ ...extra, ...input });
        expect(plain.ok && noisy.ok).toBe(true);
        if (!plain.ok || !noisy.ok) return;
        expect(noisy.guide).toStrictEqual(plain.guide);
        expect(noisy.warnings.length - plain.warnings.length).toBe(Object.keys(extra).length);
      }),
      { numRuns: 100 },
    );
  });
});
