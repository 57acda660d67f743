import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatsOnIssue } from '@/lib/told-us';

const DAY = 86_400_000;
const now = Date.UTC(2026, 2, 26, 15);

describe('repeatsOnIssue', () => {
  const history = [
    { at: now - 3 * DAY, subject: 'Router dropping connection' },
    { at: now - 10 * DAY, summary: 'Broadband keeps cutting out, talked through a hub restart' },
    { at: now - 12 * DAY, subject: 'Charged twice on my bill' },
    { at: now - 40 * DAY, subject: 'Router dropping connection' },
  ];

  it('counts earlier contacts in the window about the same issue, and since when', () => {
    const r = repeatsOnIssue(history, { text: 'My internet keeps dropping again, the router lights are red.' }, { now });
    expect(r).toEqual({ count: 2, since: now - 10 * DAY });
  });

  it('does not count a different issue', () => {
    expect(repeatsOnIssue(history, { text: 'I was charged twice this month, please refund the extra payment.' }, { now })).toEqual({ count: 1, since: now - 12 * DAY });
    expect(repeatsOnIssue(history, { text: 'Where is my parcel? It was due yesterday.' }, { now })).toEqual({ count: 0 });
  });

  it('honours the window and ignores the current contact and later ones', () => {
    const text = 'Router dropping connection again';
    expect(repeatsOnIssue(history, { text }, { now, windowDays: 60 })).toEqual({ count: 3, since: now - 40 * DAY });
    expect(repeatsOnIssue(history, { text }, { now, windowDays: 5 })).toEqual({ count: 1, since: now - 3 * DAY });
    expect(repeatsOnIssue([{ at: now, subject: 'Router dropping connection' }, { at: now + DAY, subject: 'Router dropping connection' }], { text }, { now })).toEqual({ count: 0 });
  });

  it('uses a category the record carries over a guess', () => {
    const contacts = [
      { at: now - DAY, subject: 'Call back', category: 'billing' },
      { at: now - 2 * DAY, subject: 'Call back', category: 'delivery' },
    ];
    expect(repeatsOnIssue(contacts, { text: 'Why is my bill £40 higher than last month?' }, { now }).count).toBe(1);
  });

  it('ties vague categories only by shared words', () => {
    const contacts = [
      { at: now - DAY, subject: 'How do I change my wifi password', category: 'how-to' },
      { at: now - 2 * DAY, subject: 'How do I add a user to my plan', category: 'how-to' },
    ];
    expect(repeatsOnIssue(contacts, { text: 'How can I change the wifi password?', subject: 'wifi password change' }, { now })).toEqual({ count: 1, since: now - DAY });
  });

  it('returns zero rather than throwing on bad input', () => {
    expect(repeatsOnIssue(null as never, { text: 'x' }, { now })).toEqual({ count: 0 });
    expect(repeatsOnIssue(history, { text: 'router' }, { now: Number.NaN })).toEqual({ count: 0 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: now - 60 * DAY, max: now }), subject: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), summary: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }) }), { maxLength: 6 }),
        fc.string({ maxLength: 120 }),
        (contacts, text) => {
          const r = repeatsOnIssue(contacts, { text }, { now });
          expect(r.count).toBeGreaterThanOrEqual(0);
          expect(r.count).toBeLessThanOrEqual(contacts.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
