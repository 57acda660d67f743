import { describe, expect, it } from 'vitest';
import { CURRENT_GUIDE_SCHEMA_VERSION, guideJsonSchema, parseGuide, parseGuideText, serializeGuide } from '@/lib/guide';
import { minimalGuide, readFixture } from './helpers';

function errorsOf(json: unknown): string[] {
  const r = parseGuide(json);
  if (r.ok) throw new Error(`expected errors, got a valid guide with warnings ${JSON.stringify(r.warnings)}`);
  return r.errors;
}

function warningsOf(json: unknown): string[] {
  const r = parseGuide(json);
  if (!r.ok) throw new Error(`expected a valid guide, got ${r.errors.join('; ')}`);
  return r.warnings;
}

describe('parseGuide: valid guides', () => {
  it('accepts the sample team guide without warnings', () => {
    const r = parseGuide(readFixture('sample-team-guide.json'));
    expect(r).toMatchObject({ ok: true, warnings: [] });
    if (!r.ok) return;
    expect(r.guide.schemaVersion).toBe(CURRENT_GUIDE_SCHEMA_VERSION);
    expect(r.guide.escalations?.map((e) => e.id)).toEqual(['repeat-contact', 'missed-promise-angry', 'leaving-customer']);
    expect(r.guide.generic?.[0]?.urlPattern).toBe('https://care.northwind-mobile.example/*');
  });

  it('accepts a minimal guide and keeps only declared fields', () => {
    const r = parseGuide(minimalGuide());
    expect(r).toEqual({
      ok: true,
      warnings: [],
      guide: minimalGuide(),
    });
  });

  it('trims surrounding whitespace from texts', () => {
    const r = parseGuide(minimalGuide({ name: '  Billing  ' }));
    expect(r.ok && r.guide.name).toBe('Billing');
  });

  it('allows a top-level signature field', () => {
    const r = parseGuide(minimalGuide({ signature: 'abc=' }));
    expect(r.ok && r.guide.signature).toBe('abc=');
  });
});

describe('parseGuide: error messages name the field path', () => {
  it('reports a wrong type in the documented form', () => {
    expect(errorsOf(minimalGuide({ avoid: [{ phrase: 42, why: 'x' }] }))).toEqual(['avoid[0].phrase: expected string']);
  });

  it('marks missing required fields', () => {
    const { name: _n, ...noName } = minimalGuide();
    expect(errorsOf(noName)).toEqual(['name: expected string (missing)']);
  });

  it('lists every problem, not just the first', () => {
    const errors = errorsOf(
      minimalGuide({
        avoid: [{ why: 'no phrase' }, { phrase: 'a', pattern: 'b', why: 'both' }],
        prefer: [{ kind: 'greeting', text: '' }],
        thresholds: { canned: 120, hold: -1 },
      }),
    );
    expect(errors).toEqual([
      'avoid[0]: needs a phrase or a pattern',
      'avoid[1]: set either phrase or pattern, not both',
      'prefer[0].kind: expected one of apology|acknowledge|thanks|next-step',
      'prefer[0].text: must not be empty',
      'thresholds.canned: must be at most 100',
      'thresholds.hold: must be at least 0',
    ]);
  });

  it('validates category and mood enums in prefer, ban and escalations', () => {
    const errors = errorsOf(
      minimalGuide({
        prefer: [{ kind: 'thanks', text: 'Thanks!', category: 'refunds', mood: 'happy' }],
        ban: [{ phrase: 'x', mood: 'sad' }],
        escalations: [{ id: 'e', when: { categories: ['weather'] }, message: 'm' }],
      }),
    );
    expect(errors).toContain('prefer[0].category: expected one of billing|outage|delivery|cancellation|technical|account|praise|complaint|how-to');
    expect(errors).toContain('prefer[0].mood: expected one of angry|frustrated|worried|neutral|grateful|leaving');
    expect(errors).toContain('ban[0].mood: expected one of angry|frustrated|worried|neutral|grateful|leaving');
    expect(errors).toContain('escalations[0].when.categories[0]: expected one of billing|outage|delivery|cancellation|technical|account|praise|complaint|how-to');
  });

  it('rejects an escalation without conditions and duplicate ids', () => {
    const errors = errorsOf(
      minimalGuide({
        escalations: [
          { id: 'angry', when: {}, message: 'a' },
          { id: 'angry', when: { moods: ['angry'] }, message: 'b' },
        ],
      }),
    );
    // Both problems at once, so the lead fixes the file in one go.
    expect(errors).toEqual([
      'escalations[0].when: needs at least one condition',
      'escalations[1].id: duplicate id "angry" (also escalations[0])',
    ]);
    expect(
      errorsOf(
        minimalGuide({
          escalations: [
            { id: 'angry', when: { moods: ['angry'] }, message: 'a' },
            { id: 'angry', when: { contactsAtLeast: 2 }, message: 'b' },
          ],
        }),
      ),
    ).toEqual(['escalations[1].id: duplicate id "angry" (also escalations[0])']);
  });

  it('checks ids, site keys, match patterns and selectors of generic adapters', () => {
    const generic = {
      id: 'In House',
      label: 'CRM',
      urlPattern: 'care.example.com',
      customer: { name: '[data-x="1"' },
      editor: '#reply',
      send: 'button.send',
    };
    const errors = errorsOf(minimalGuide({ generic: [generic], sites: { 'My Tool': { enabled: 'yes' } } }));
    expect(errors).toEqual([
      'sites["My Tool"]: expected a kebab-case id (a-z, 0-9 and "-")',
      'generic[0].id: expected a kebab-case id (a-z, 0-9 and "-")',
      'generic[0].urlPattern: expected a Chrome match pattern such as https://support.example.com/*',
      'generic[0].customer.name: missing "]" in CSS selector',
    ]);
  });

  it('checks the values of site switches', () => {
    expect(errorsOf(minimalGuide({ sites: { gmail: { enabled: 'yes' }, zendesk: true } }))).toEqual([
      'sites.gmail.enabled: expected boolean',
      'sites.zendesk: expected object',
    ]);
  });

  it('refuses a generic adapter that reuses a built-in site id', () => {
    const generic = { id: 'gmail', label: 'x', urlPattern: 'https://x.example/*', customer: {}, editor: '#e', send: '#s' };
    expect(errorsOf(minimalGuide({ generic: [generic] }))).toEqual(['generic[0].id: "gmail" is a built-in site id; choose another']);
  });

  it('rejects dates that are not ISO 8601 or not real days', () => {
    expect(errorsOf(minimalGuide({ updatedAt: '02/11/2026' }))).toEqual([
      'updatedAt: expected an ISO 8601 date (YYYY-MM-DD) or date-time with offset',
    ]);
    expect(errorsOf(minimalGuide({ updatedAt: '2026-02-30' }))).toHaveLength(1);
    expect(warningsOf(minimalGuide({ updatedAt: '2026-02-28T10:00:00+01:00' }))).toEqual([]);
  });

  it('rejects non-objects and bad schema versions before anything else', () => {
    expect(errorsOf([])).toEqual(['(root): expected a JSON object']);
    expect(errorsOf('guide')).toEqual(['(root): expected a JSON object']);
    expect(errorsOf(minimalGuide({ schemaVersion: undefined }))).toEqual(['schemaVersion: expected number (missing)']);
    expect(errorsOf(minimalGuide({ schemaVersion: '2' }))).toEqual(['schemaVersion: expected number']);
    expect(errorsOf(minimalGuide({ schemaVersion: 0 }))).toEqual(['schemaVersion: expected a whole number of at least 1']);
    expect(errorsOf(minimalGuide({ schemaVersion: 3 }))[0]).toMatch(/^schemaVersion: version 3 is newer than this Rapport understands \(up to 2\)/);
  });
});

describe('parseGuide: avoid patterns are gatekept', () => {
  it('names the path and reason of an invalid pattern', () => {
    expect(errorsOf(minimalGuide({ avoid: [{ pattern: '(sorry', why: 'x' }] }))).toEqual([
      'avoid[0].pattern: invalid regular expression: Unterminated group',
    ]);
  });

  it.each(['(a+)+', '(a|a)*', '(\\w+\\s?)+$'])('rejects the catastrophic pattern %s', (pattern) => {
    const [error, ...rest] = errorsOf(minimalGuide({ avoid: [{ pattern, why: 'x' }] }));
    expect(rest).toEqual([]);
    expect(error).toMatch(/^avoid\[0\]\.pattern: .*exponential time/);
  });

  it('puts flag problems on the flags field', () => {
    expect(errorsOf(minimalGuide({ avoid: [{ pattern: 'sorry', flags: 'g', why: 'x' }] }))).toEqual([
      'avoid[0].flags: unsupported flag "g" (allowed: i, m, s, u, v)',
    ]);
  });

  it('rejects a pattern that matches empty text', () => {
    expect(errorsOf(minimalGuide({ avoid: [{ pattern: '(sorry)?', why: 'x' }] }))).toEqual([
      'avoid[0].pattern: matches empty text, so it would flag every reply',
    ]);
  });
});

describe('parseGuide: warnings', () => {
  it('reports unknown fields at any depth and strips them', () => {
    const input = minimalGuide({
      avoids: [],
      avoid: [{ phrase: 'calm down', why: 'x', severity: 'high' }],
      thresholds: { canned: 50, verdict: 10 },
      sites: { gmail: { enabled: true, colour: 'red' } },
    });
    const r = parseGuide(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([
      'avoid[0].severity: unknown field, ignored',
      'avoids: unknown field, ignored',
      'thresholds.verdict: unknown field, ignored',
      'sites.gmail.colour: unknown field, ignored',
    ]);
    expect(r.guide).not.toHaveProperty('avoids');
    expect(r.guide.avoid[0]).toEqual({ phrase: 'calm down', why: 'x' });
    expect(r.guide.thresholds).toEqual({ canned: 50 });
    expect(r.guide.sites).toEqual({ gmail: { enabled: true } });
  });

  it('drops flags given with a phrase, with a warning', () => {
    const r = parseGuide(minimalGuide({ avoid: [{ phrase: 'calm down', flags: 'i', why: 'x' }] }));
    expect(r).toMatchObject({ ok: true, warnings: ['avoid[0].flags: only applies to a pattern, ignored'] });
    expect(r.ok && r.guide.avoid[0]).toEqual({ phrase: 'calm down', why: 'x' });
  });

  it('warns about repeats and about site switches that match nothing', () => {
    const warnings = warningsOf(
      minimalGuide({
        avoid: [
          { phrase: 'Calm down', why: 'x' },
          { phrase: 'calm down', why: 'y' },
        ],
        required: ['customer-name', 'customer-name'],
        sites: { 'zoho-desk': { enabled: true }, zendesk: { enabled: false } },
      }),
    );
    expect(warnings).toEqual([
      'avoid[1]: repeats avoid[0]',
      'required[1]: repeats required[0]',
      expect.stringMatching(/^sites\.zoho-desk: no built-in site or generic adapter has this id/),
    ]);
  });

  it('accepts a site switch for a generic adapter id, and warns about catch-all patterns', () => {
    const generic = { id: 'nw-care', label: 'CRM', urlPattern: '<all_urls>', customer: {}, editor: '#e', send: '#s' };
    expect(warningsOf(minimalGuide({ generic: [generic], sites: { 'nw-care': { enabled: true } } }))).toEqual([
      "generic[0].urlPattern: matches every site; narrow it to the in-house tool's address",
    ]);
  });
});

describe('parseGuideText', () => {
  it('parses text and reports JSON syntax errors with line and column', () => {
    expect(parseGuideText(serializeGuide(minimalGuide() as never)).ok).toBe(true);
    expect(parseGuideText('{\n  "name": "x",\n  "avoid": [1,],\n}')).toEqual({
      ok: false,
      errors: ['(root): invalid JSON at line 3, column 15: trailing comma before "]"'],
    });
    expect(parseGuideText('{"name": "x"')).toEqual({
      ok: false,
      errors: ['(root): invalid JSON at line 1, column 13: unexpected end of file; expected "," or "}"'],
    });
  });

  it('rejects empty text and text over the size limit', () => {
    expect(parseGuideText('  \n')).toEqual({ ok: false, errors: ['(root): file is empty; expected a JSON object'] });
    const big = JSON.stringify(minimalGuide({ description: 'x'.repeat(1024 * 1024) }));
    expect(parseGuideText(big)).toEqual({
      ok: false,
      errors: ['(root): file is too large (1.0 MB); a guide may be at most 1.0 MB'],
    });
    expect(parseGuideText(JSON.stringify(minimalGuide()), { maxBytes: 20 })).toMatchObject({ ok: false });
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    const text = JSON.stringify(minimalGuide({ description: 'é'.repeat(600) }));
    expect(text.length).toBeLessThan(1000);
    expect(parseGuideText(text, { maxBytes: 1000 }).ok).toBe(false);
    expect(parseGuideText(text, { maxBytes: 2000 }).ok).toBe(true);
  });

  it('ignores a byte-order mark', () => {
    expect(parseGuideText(`\uFEFF${JSON.stringify(minimalGuide())}`).ok).toBe(true);
  });
});

describe('guideJsonSchema', () => {
  it('describes the current format and allows unknown fields like the parser', () => {
    const schema = guideJsonSchema() as {
      properties: Record<string, { const?: unknown; items?: { properties?: Record<string, unknown> } }>;
      required: string[];
      additionalProperties?: unknown;
    };
    expect(schema.properties.schemaVersion?.const).toBe(CURRENT_GUIDE_SCHEMA_VERSION);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'avoid', 'prefer']));
    expect(Object.keys(schema.properties.avoid?.items?.properties ?? {})).toEqual(['phrase', 'pattern', 'flags', 'why', 'instead']);
    expect(schema.additionalProperties).toBeUndefined();
  });
});
