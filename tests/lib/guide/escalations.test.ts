import { describe, expect, it } from 'vitest';
import { diffGuides, escalationApplies, guideJsonSchema, matchedWords, matchEscalations, parseGuide, type EscalationRule, type Guide } from '@/lib/guide';
import { minimalGuide, readFixture } from './helpers';

const r = parseGuide(readFixture('sample-team-guide.json'));
if (!r.ok) throw new Error(r.errors.join('\n'));
const guide: Guide = r.guide;
const ids = (facts: Parameters<typeof matchEscalations>[1]) => matchEscalations(guide, facts).map((e) => e.id);

describe('matchEscalations', () => {
  it('applies a contact-count rule from the threshold up', () => {
    expect(ids({ contacts: 2, promiseMissed: false })).toEqual([]);
    expect(ids({ contacts: 3, promiseMissed: false })).toEqual(['repeat-contact']);
    expect(ids({ contacts: 9, promiseMissed: false })).toEqual(['repeat-contact']);
  });

  it('needs every condition of a rule (AND), any listed mood or category (OR)', () => {
    expect(ids({ contacts: 1, promiseMissed: true, mood: 'frustrated' })).toEqual(['missed-promise-angry']);
    expect(ids({ contacts: 1, promiseMissed: true, mood: 'worried' })).toEqual([]);
    expect(ids({ contacts: 1, promiseMissed: false, mood: 'angry' })).toEqual([]);
    expect(ids({ contacts: 1, promiseMissed: false, mood: 'leaving', category: 'billing' })).toEqual(['leaving-customer']);
    expect(ids({ contacts: 1, promiseMissed: false, mood: 'leaving', category: 'outage' })).toEqual([]);
  });

  it('does not match mood or category conditions when those are unknown', () => {
    expect(ids({ contacts: 1, promiseMissed: true })).toEqual([]);
    expect(ids({ contacts: 1, promiseMissed: false, mood: 'leaving' })).toEqual([]);
  });

  it('returns all applicable rules in guide order', () => {
    expect(ids({ contacts: 4, promiseMissed: true, mood: 'angry', category: 'billing' })).toEqual(['repeat-contact', 'missed-promise-angry']);
  });

  it('treats promiseMissed: false as a condition of its own', () => {
    const g: Guide = { ...guide, escalations: [{ id: 'calm-first', when: { promiseMissed: false, contactsAtLeast: 1 }, message: 'm' }] };
    expect(matchEscalations(g, { contacts: 1, promiseMissed: false }).map((e) => e.id)).toEqual(['calm-first']);
    expect(matchEscalations(g, { contacts: 1, promiseMissed: true })).toEqual([]);
  });

  it('returns nothing for a guide without escalations', () => {
    const { escalations: _e, ...rest } = guide;
    expect(matchEscalations(rest, { contacts: 99, promiseMissed: true, mood: 'angry' })).toEqual([]);
  });
});

describe('escalation words', () => {
  const parsed = (when: Record<string, unknown>) => {
    const res = parseGuide(minimalGuide({ escalations: [{ id: 'legal', when, message: 'Pass to the complaints team.' }] }));
    return res;
  };
  const rule = (when: Record<string, unknown>): EscalationRule => {
    const res = parsed(when);
    if (!res.ok) throw new Error(res.errors.join('\n'));
    return res.guide.escalations![0]!;
  };
  const facts = (customerText?: string) => ({ contacts: 1, promiseMissed: false, customerText });

  it('matches words case-insensitively on word boundaries only', () => {
    const r = rule({ words: ['cancel', 'Ombudsman', 'chargeback'] });
    expect(escalationApplies(r, facts('I will take this to the OMBUDSMAN.'))).toBe(true);
    expect(escalationApplies(r, facts('Cancel it now'))).toBe(true);
    expect(escalationApplies(r, facts('I asked for a cancellation quote'))).toBe(false);
    expect(escalationApplies(r, facts('my chargebacks'))).toBe(false);
    expect(escalationApplies(r, facts('the uncancel button'))).toBe(false);
    expect(escalationApplies(r, facts('the order_cancel flag'))).toBe(false);
  });

  it('matches phrases across any whitespace and curly apostrophes', () => {
    const r = rule({ words: ['small claims court', "won't pay"] });
    expect(matchedWords(r, 'see you at the small\n claims   court')).toEqual(['small claims court']);
    expect(matchedWords(r, 'I won’t pay this')).toEqual(["won't pay"]);
    expect(matchedWords(r, 'small claims are fine')).toEqual([]);
  });

  it('treats regex characters in words as literal text', () => {
    const r = rule({ words: ['a.b', 'c++', '(legal)'] });
    expect(matchedWords(r, 'axb')).toEqual([]);
    expect(matchedWords(r, 'a.b and c++ and (legal)')).toEqual(['a.b', 'c++', '(legal)']);
  });

  it('uses Unicode letters as word characters', () => {
    const r = rule({ words: ['café', 'avocat'] });
    expect(matchedWords(r, 'Le CAFÉ est fermé')).toEqual(['café']);
    expect(matchedWords(r, 'les avocats')).toEqual([]);
    expect(matchedWords(r, 'mon avocat!')).toEqual(['avocat']);
  });

  it('reports which words triggered, in guide order, each once', () => {
    const r = rule({ words: ['lawyer', 'cancel', 'chargeback'] });
    expect(matchedWords(r, 'chargeback! cancel, CANCEL, my lawyer says')).toEqual(['lawyer', 'cancel', 'chargeback']);
    expect(matchedWords(r, '')).toEqual([]);
    expect(matchedWords(r, undefined)).toEqual([]);
    expect(matchedWords(rule({ contactsAtLeast: 2 }), 'lawyer')).toEqual([]);
  });

  it('never matches words when there is no customer text', () => {
    const r = rule({ words: ['lawyer'] });
    expect(escalationApplies(r, facts())).toBe(false);
    expect(escalationApplies(r, facts('   '))).toBe(false);
  });

  it('ANDs words with the other conditions', () => {
    const r = rule({ words: ['cancel'], moods: ['angry'] });
    expect(escalationApplies(r, { ...facts('cancel my account'), mood: 'angry' })).toBe(true);
    expect(escalationApplies(r, { ...facts('cancel my account'), mood: 'neutral' })).toBe(false);
    expect(escalationApplies(r, { ...facts('hello'), mood: 'angry' })).toBe(false);
  });

  it('counts contacts in the rule window when contact times are given', () => {
    const now = Date.UTC(2026, 2, 31, 12);
    const day = 86_400_000;
    const contactTimes = [now, now - 3 * day, now - 10 * day, now - 40 * day];
    const week = rule({ contactsAtLeast: 3, withinDays: 7 });
    const month = rule({ contactsAtLeast: 3 });
    const quarter = rule({ contactsAtLeast: 4, withinDays: 90 });
    const f = { contacts: 0, promiseMissed: false, contactTimes, now };
    expect(escalationApplies(week, f)).toBe(false);
    expect(escalationApplies(month, f)).toBe(true);
    expect(escalationApplies(quarter, f)).toBe(true);
    expect(escalationApplies(rule({ contactsAtLeast: 4 }), f)).toBe(false);
    // Without times the caller's 30-day count is all there is.
    expect(escalationApplies(week, { contacts: 3, promiseMissed: false })).toBe(true);
  });

  it('validates words and withinDays in the guide', () => {
    const errors = (when: Record<string, unknown>) => {
      const res = parsed(when);
      return res.ok ? [] : res.errors;
    };
    expect(errors({ words: [] })).toEqual(['escalations[0].when.words: must have at least 1 item']);
    expect(errors({ words: ['x'.repeat(61)] }).join()).toMatch(/escalations\[0\]\.when\.words\[0\]/);
    expect(errors({ words: Array.from({ length: 51 }, (_, i) => `w${i}`) }).join()).toMatch(/escalations\[0\]\.when\.words/);
    expect(errors({ words: ['  '] }).join()).toMatch(/escalations\[0\]\.when\.words\[0\]/);
    expect(errors({ withinDays: 7 })).toEqual(['escalations[0].when: needs at least one condition']);
    expect(errors({ withinDays: 7, moods: ['angry'] })).toEqual([
      'escalations[0].when.withinDays: withinDays needs contactsAtLeast (it is the window contacts are counted in)',
    ]);
    expect(errors({ withinDays: 0, contactsAtLeast: 2 }).join()).toMatch(/withinDays/);
    expect(errors({ words: ['ombudsman'] })).toEqual([]);
    expect(rule({ words: ['  lawyer '] }).when.words).toEqual(['lawyer']);
  });

  it('documents words and withinDays in the JSON Schema', () => {
    const schema = JSON.stringify(guideJsonSchema());
    expect(schema).toContain('"words"');
    expect(schema).toContain('"withinDays"');
    expect(schema).toContain('Look-back window in days for contactsAtLeast');
  });
});

describe('escalation words in guide diffs', () => {
  it('names words and the window when conditions change', () => {
    const before = { ...guide, escalations: [{ id: 'legal', when: { words: ['lawyer'] }, message: 'm' }] } as Guide;
    const after = { ...guide, escalations: [{ id: 'legal', when: { words: ['lawyer', 'ombudsman'], contactsAtLeast: 2, withinDays: 7 }, message: 'm' }] } as Guide;
    const summaries = diffGuides(before, after).map((c) => c.summary);
    expect(summaries).toContain('Escalation "legal": conditions changed (now when 2+ contacts in 7 days, words "lawyer"/"ombudsman")');
  });
});
