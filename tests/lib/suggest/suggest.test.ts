import { describe, expect, it } from 'vitest';
import { suggest, type SuggestGuide, type SuggestInput, type SuggestOutput, suggestionKinds } from '@/lib/suggest';
import { normaliseOpening } from '@/lib/suggest/render';

const NOW = new Date('2024-06-01T12:00:00Z');
const run = (input: Omit<SuggestInput, 'now'> & { now?: Date }): SuggestOutput => suggest({ now: NOW, ...input });
const all = (o: SuggestOutput) => o.suggestions.map((s) => s.text).join('\n');
const APOLOGY = /\b(?:sorry|apologi[sz]e\w*|apologies)\b/i;

/** Every output keeps the same invariants, whatever the input. */
function expectWellFormed(o: SuggestOutput) {
  expect(o.suggestions.length).toBeGreaterThanOrEqual(3);
  for (const s of o.suggestions) {
    expect(suggestionKinds).toContain(s.kind);
    expect(s.id).toMatch(/^[a-z-]+\/(?:\d+|short)$|^guide\/\d+$/);
    expect(s.text).not.toMatch(/any inconvenience|if you were upset|sorry you feel/i);
    expect(s.talkingPoint).not.toMatch(/[\u27e8\u27e9]/);
    expect(s.talkingPoint.length).toBeLessThanOrEqual(140);
    for (const b of s.blanks) expect(s.text.slice(b.start, b.end)).toBe(`\u27e8${b.label}\u27e9`);
    expect(s.blanks.length).toBe((s.text.match(/\u27e8/g) ?? []).length);
  }
  expect(new Set(o.suggestions.map((s) => s.text)).size).toBe(o.suggestions.length);
}

describe('apologies name the failure and own it', () => {
  it('uses the customer’s words, from our side', () => {
    const o = run({ message: 'My router keeps dropping the wifi every evening around 8pm.', record: { name: 'Sophie Clarke' } });
    expectWellFormed(o);
    const apology = o.suggestions.find((s) => s.kind === 'apology');
    expect(apology?.text).toContain('your router keeps dropping the wifi every evening around 8pm');
    expect(apology?.text).toContain('Sophie');
    expect(apology?.text).not.toContain('Clarke');
  });

  it('names a missed promise with what was promised and when', () => {
    const o = run({
      message: 'Nobody turned up and nobody called.',
      record: { missedPromise: { text: 'Technician to call by 8pm', dueAt: '2024-05-29T20:00:00' } },
    });
    expect(o.suggestions[0]?.kind).toBe('apology');
    expect(o.suggestions[0]?.text).toMatch(/technician would call by 8pm on Wednesday 29 May/);
    expect(o.suggestions[0]?.talkingPoint).toContain('8pm');
  });

  it('reports an unusable due date and names the promise without it', () => {
    const o = run({ message: 'Still no refund.', record: { missedPromise: { text: 'Refund the delivery charge', dueAt: 'next week-ish' } } });
    expect(o.notes.join(' ')).toMatch(/due date .* not a valid date/);
    expect(all(o)).toMatch(/refund the delivery charge/i);
  });

  it('owns three or more contacts in 30 days', () => {
    const o = run({ message: 'My broadband is down again.', record: { name: 'Ana', contactsLast30Days: 4 } });
    expect(all(o)).toMatch(/four (?:times|contacts)|fourth contact/);
    expect(o.suggestions.some((s) => s.kind === 'apology' && /four|fourth/.test(s.text))).toBe(true);
  });

  it('does not mention contacts below three', () => {
    expect(all(run({ message: 'My broadband is down again.', record: { contactsLast30Days: 2 } }))).not.toMatch(/\btwo (?:times|contacts)\b|\btwice\b/);
  });
});

describe('thanks', () => {
  it('thanks a customer of three years or more with the date or the years', () => {
    const o = run({ message: 'My bill is wrong.', record: { name: 'Ben', customerSince: '2019-02-11' } });
    const thanks = o.suggestions.filter((s) => s.kind === 'thanks');
    expect(thanks.some((s) => s.text.includes('February 2019') || /\bfive years\b/i.test(s.text))).toBe(true);
  });

  it('does not thank for tenure under three years', () => {
    const o = run({ message: 'My bill is wrong.', record: { customerSince: '2022-01-15' } });
    expect(all(o)).not.toMatch(/January 2022|years? (?:with us|as a customer)/);
  });

  it('gives thanks and no apology for praise, even when praise mentions an old problem', () => {
    const o = run({ message: 'After all the trouble with my bill last month, thanks so much to Tom for sorting it so quickly!', record: { name: 'Simon' } });
    expect(o.situation.category).toBe('praise');
    expectWellFormed(o);
    expect(o.suggestions[0]?.kind).toBe('thanks');
    expect(o.suggestions.some((s) => s.kind === 'apology')).toBe(false);
    expect(all(o)).not.toMatch(APOLOGY);
    expect(all(o)).toContain('Tom');
  });
});

describe('how-to questions', () => {
  it('answers directly, without an apology', () => {
    const o = run({ message: 'How do I change my Wi-Fi password?' });
    expectWellFormed(o);
    expect(o.situation.category).toBe('how-to');
    expect(o.suggestions[0]?.kind).toBe('next-step');
    expect(all(o)).toContain('change your Wi-Fi password');
    expect(all(o)).not.toMatch(APOLOGY);
  });

  it('names a missed promise on the record without turning the answer into an apology', () => {
    const o = run({ message: 'How do I set up voicemail?', record: { missedPromise: { text: 'call back about the upgrade', dueAt: '2024-04-02' } } });
    expect(all(o)).toContain('call back about the upgrade by Tuesday 2 April');
    expect(all(o)).not.toMatch(APOLOGY);
  });
});

describe('leaving customers', () => {
  const retention = /\b(?:stay|reconsider|offer|discount|deal|change your mind|before you go|upgrade|keep you)\b/i;

  it('acknowledges, thanks and gives a mobile leaver their codes and final bill', () => {
    const o = run({
      message: 'Thanks for everything, but I am moving to Spain and need to cancel my mobile contract. Please send my PAC code.',
      record: { name: 'Ola', customerSince: '2016-09-02' },
    });
    expectWellFormed(o);
    expect(o.situation.mood).toBe('leaving');
    expect(o.suggestions[0]?.kind).toBe('acknowledge');
    expect(o.suggestions.some((s) => s.kind === 'thanks')).toBe(true);
    expect(all(o)).toMatch(/PAC/);
    expect(all(o)).toMatch(/unlock/);
    expect(all(o)).toMatch(/final bill/);
    expect(all(o)).not.toMatch(retention);
  });

  it('gives a broadband leaver the router return and final bill', () => {
    const o = run({ message: 'Please cancel my broadband, we are moving in with my daughter.' });
    expect(all(o)).toMatch(/router/);
    expect(all(o)).not.toMatch(retention);
  });

  it('keeps a team guide from pitching to a leaver', () => {
    const guide: SuggestGuide = { prefer: [{ mood: 'leaving', kind: 'acknowledge', text: 'Before you go, can I offer you a discount?' }] };
    const o = run({ message: 'Please cancel my broadband.', guide });
    expect(all(o)).not.toMatch(retention);
    expect(o.notes.join(' ')).toMatch(/guide phrasing 1 not suggested: it tries to keep a leaving customer/);
  });
});

describe('blanks', () => {
  it('marks what the agent must fill with ⟨…⟩ and lists UTF-16 offsets, also after astral characters', () => {
    const o = run({ message: 'Where is my parcel 📦? Order 48213 has not arrived.', record: { name: '𝒵oë' } });
    const withBlanks = o.suggestions.filter((s) => s.blanks.length > 0);
    expect(withBlanks.length).toBeGreaterThan(0);
    for (const s of withBlanks) for (const b of s.blanks) expect(s.text.slice(b.start, b.end)).toBe(`⟨${b.label}⟩`);
  });

  it('never lets customer or record text open a blank', () => {
    const o = run({ message: 'My ⟨router⟩ is broken ⟩.', record: { name: 'Eve ⟨x⟩' } });
    for (const s of o.suggestions) for (const b of s.blanks) expect(b.label).not.toMatch(/router|x/);
  });
});

describe('input edge cases', () => {
  it('treats names with markup as plain text', () => {
    const name = '<img src=x onerror=alert(1)>';
    const o = run({ message: 'My bill is wrong, you charged me £20 twice.', record: { name } });
    expect(all(o)).toContain(name);
    expectWellFormed(o);
  });

  it('works on an empty message', () => {
    const o = run({ message: '' });
    expectWellFormed(o);
    expect(o.notes.join(' ')).toMatch(/empty/);
  });

  it('works on a 50 KB message and says only the start was read', () => {
    const message = `My internet has been down since Monday. ${'Log line: connection reset by peer at 10:42. '.repeat(1200)}`;
    expect(message.length).toBeGreaterThan(50_000);
    const o = run({ message });
    expectWellFormed(o);
    expect(o.situation.category).toBe('outage');
    expect(o.notes.join(' ')).toMatch(/only the start was read/);
  });

  it('handles another language with a note and neutral phrasing', () => {
    const o = run({ message: 'Hola, mi internet no funciona desde el lunes. ¡Estoy harta!', record: { name: 'Lucía' } });
    expect(o.situation.language).toBe('other');
    expect(o.notes.join(' ')).toMatch(/not look like English/);
    expectWellFormed(o);
    expect(all(o)).not.toMatch(/angry|fed up|worr/i);
    expect(all(o)).not.toMatch(/funciona/);
  });

  it('ignores and reports a customer_since in the future', () => {
    const o = run({ message: 'My bill is wrong.', record: { customerSince: '2031-01-01' } });
    expect(o.notes).toContain('customer_since is in the future: ignored');
    expect(all(o)).not.toMatch(/2031|years/);
  });

  it.each(['14/02/2019', '2019-02-30', 'soon'])('ignores and reports a malformed customer_since: %s', (customerSince) => {
    const o = run({ message: 'My bill is wrong.', record: { customerSince } });
    expect(o.notes.some((n) => n.startsWith('customer_since') && n.includes('not a valid'))).toBe(true);
    expect(all(o)).not.toMatch(/since (?:January|February)/);
  });

  it.each([0, -1, 2.5])('ignores and reports an impossible contact count: %s', (contactsLast30Days) => {
    const o = run({ message: 'My bill is wrong.', record: { contactsLast30Days } });
    expect(o.notes.join(' ')).toMatch(/contacts in the last 30 days/);
  });

  it('carries the latest note into the first talking point only, shortened', () => {
    const latestNote = 'Customer prefers a call after 6pm; engineer visit was rebooked twice already because of access problems.';
    const o = run({ message: 'My broadband is down again.', record: { latestNote } });
    expect(o.suggestions[0]?.talkingPoint).toMatch(/; last note: "Customer prefers a call after 6pm; engineer…"$/);
    expect(o.suggestions.slice(1).every((s) => !s.talkingPoint.includes('last note'))).toBe(true);
    expectWellFormed(o);
  });

  it('without a record, mentions nothing personal', () => {
    const o = run({ message: 'My bill is wrong, you charged me £20 twice.' });
    expectWellFormed(o);
    expect(all(o)).not.toMatch(/since (?:19|20)\d\d|years (?:with us|as a customer)/);
    expect(o.notes).toEqual([]);
  });
});

describe('rotation', () => {
  const input = { message: 'You charged me £42.50 twice this month and I want it back.', record: { name: 'Aisha', customerSince: '2019-02-11' } };

  it('is deterministic for the same message and record', () => {
    expect(run(input)).toEqual(run(input));
  });

  it('never opens with the agent’s last sent opening', () => {
    const first = run(input).suggestions[0]?.text ?? '';
    const rotated = run({ ...input, recentOpenings: [first] }).suggestions[0]?.text ?? '';
    expect(normaliseOpening(rotated)).not.toBe(normaliseOpening(first));
  });

  it('recognises the last opening with its blanks filled in and its case changed', () => {
    const first = run({ ...input, message: 'No internet since Monday, the whole street is off.' });
    const opening = (first.suggestions[0]?.text ?? '').replace(/\u27e8[^\u27e9]*\u27e9/g, 'Thursday at 4pm').toUpperCase();
    const rotated = run({ ...input, message: 'No internet since Monday, the whole street is off.', recentOpenings: [opening, 'older opening'] });
    expect(rotated.suggestions[0]?.text).not.toBe(first.suggestions[0]?.text);
  });

  it('leaves the order alone when the last opening was something else', () => {
    const first = run(input);
    expect(run({ ...input, recentOpenings: ['Hi Aisha, thanks for the photos.'] }).suggestions).toEqual(first.suggestions);
  });

  it('varies the wording between customers in the same situation', () => {
    const names = ['Ann', 'Bob', 'Cat', 'Dev', 'Eli', 'Fay', 'Gus', 'Hal', 'Ida', 'Jon'];
    const openings = new Set(names.map((name) => run({ message: 'My router keeps dropping the wifi every evening.', record: { name } }).suggestions[0]?.id));
    expect(openings.size).toBeGreaterThan(1);
  });
});

describe('team guides', () => {
  const message = 'My parcel was supposed to arrive on Friday and it still has not turned up. Order 48213.';

  it('adds a preferred phrasing first within its kind, with slots filled', () => {
    const guide: SuggestGuide = { prefer: [{ category: 'delivery', kind: 'apology', text: "{name}, I'm sorry: {issue}." }] };
    const o = run({ message, record: { name: 'Chloe' }, guide });
    const first = o.suggestions.find((s) => s.kind === 'apology');
    expect(first?.id).toBe('guide/0');
    expect(first?.text).toBe("Chloe, I'm sorry: your parcel was supposed to arrive on Friday and it still has not turned up.");
    expect(o.suggestions.filter((s) => s.kind === 'apology').length).toBeGreaterThan(1);
  });

  it('replaces the built-ins of that kind in mode replace', () => {
    const guide: SuggestGuide = { prefer: [{ kind: 'next-step', mode: 'replace', text: 'I have chased order 48213 with the courier and will call you by 5pm.' }] };
    const o = run({ message, guide });
    const next = o.suggestions.filter((s) => s.kind === 'next-step');
    expect(next.map((s) => s.id)).toEqual(['guide/0']);
  });

  it('ignores phrasings for another category or mood', () => {
    const guide: SuggestGuide = { prefer: [{ category: 'billing', kind: 'apology', text: 'Billing only.' }, { mood: 'angry', kind: 'thanks', text: 'Angry only.' }] };
    expect(all(run({ message, guide }))).not.toMatch(/only\./);
  });

  it('skips a phrasing whose slot this customer does not have, and blanks an unknown slot', () => {
    const guide: SuggestGuide = {
      prefer: [
        { kind: 'thanks', text: 'Thank you for being with us since {since}.' },
        { kind: 'acknowledge', text: 'I have your {order_number} here.' },
      ],
    };
    const o = run({ message, guide });
    expect(all(o)).not.toMatch(/since \{since\}|since \./);
    expect(o.suggestions.find((s) => s.id === 'guide/1')?.blanks.map((b) => b.label)).toEqual(['order_number']);
  });

  it('fills {years} and {contacts} as numbers or phrases as the text needs', () => {
    const guide: SuggestGuide = {
      prefer: [
        { kind: 'thanks', text: 'Thanks for {years} years, and for {years}.' },
        { kind: 'apology', text: "I'm sorry you had to contact us {contacts}, {contacts} contacts in all." },
      ],
    };
    const o = run({ message, record: { customerSince: '2018-01-01', contactsLast30Days: 3 }, guide });
    expect(all(o)).toContain('Thanks for six years, and for six years.');
    expect(all(o)).toContain("I'm sorry you had to contact us three times, three contacts in all.");
  });

  it('removes any suggestion containing a banned phrase, case-insensitively, and still offers three', () => {
    const plain = run({ message });
    const phrase = plain.suggestions[0]?.text.split(' ').slice(1, 4).join(' ') ?? 'x';
    const o = run({ message, guide: { ban: [{ phrase: phrase.toUpperCase() }] } });
    expect(all(o).toLowerCase()).not.toContain(phrase.toLowerCase());
    expect(o.suggestions.length).toBeGreaterThanOrEqual(3);
  });

  it('applies a ban only to its category or mood', () => {
    const o = run({ message, guide: { ban: [{ phrase: 'order', category: 'billing' }] } });
    expect(all(o)).toMatch(/order/i);
  });

  it('refuses a guide apology for praise and says why', () => {
    const guide: SuggestGuide = { prefer: [{ kind: 'apology', text: "I'm sorry for the wait, {name}." }] };
    const o = run({ message: 'Tom was brilliant yesterday, thank you so much!', record: { name: 'Helen' }, guide });
    expect(all(o)).not.toMatch(APOLOGY);
    expect(o.notes.join(' ')).toMatch(/no apology for praise/);
  });
});
