import { describe, expect, it } from 'vitest';
import { matchEscalations, parseGuide, type Guide } from '@/lib/guide';
import { readFixture } from './helpers';

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
