import { describe, expect, it } from 'vitest';
import { parseGuide, toAnalyzerGuide, toSuggestGuide, type Guide } from '@/lib/guide';
import { minimalGuide, readFixture } from './helpers';

function guide(json: unknown): Guide {
  const r = parseGuide(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.guide;
}

describe('toAnalyzerGuide', () => {
  it('carries avoid rules, boilerplate, thresholds and requirements, nothing else', () => {
    const g = guide(readFixture('sample-team-guide.json'));
    const a = toAnalyzerGuide(g);
    expect(Object.keys(a).sort()).toEqual(['avoid', 'boilerplate', 'required', 'thresholds']);
    expect(a.avoid).toEqual(g.avoid);
    expect(a.avoid?.[4]).toEqual({
      pattern: "\\bthere(?:'s| is) nothing (?:(?:I|we) can|to) do\\b",
      flags: 'i',
      why: 'There is always a next step, even if it is an escalation or a call-back.',
      instead: 'Here is what I can do next: …',
    });
    expect(a.thresholds).toEqual({ canned: 60, hold: 85 });
    expect(a.required).toEqual(['next-step-time', 'customer-name']);
  });

  it('omits what the guide does not set and returns copies', () => {
    const g = guide(minimalGuide());
    const a = toAnalyzerGuide(g);
    expect(a).toEqual({ avoid: [{ phrase: 'calm down', why: 'Dismissive.' }] });
    expect('thresholds' in a).toBe(false);
    a.avoid![0]!.why = 'changed';
    expect(g.avoid[0]!.why).toBe('Dismissive.');
  });
});

describe('toSuggestGuide', () => {
  it('carries prefer and ban entries', () => {
    const g = guide(readFixture('sample-team-guide.json'));
    const s = toSuggestGuide(g);
    expect(Object.keys(s).sort()).toEqual(['ban', 'prefer']);
    expect(s.prefer).toEqual(g.prefer);
    expect(s.ban).toEqual([
      { phrase: 'I completely understand your frustration' },
      { phrase: 'Thanks for your patience', category: 'outage', mood: 'angry' },
    ]);
  });

  it('omits ban when the guide has none', () => {
    expect(toSuggestGuide(guide(minimalGuide()))).toEqual({ prefer: [{ kind: 'apology', text: "I'm sorry about the wait." }] });
  });
});
