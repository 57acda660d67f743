import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findPromises, PROMISE_LIMITS, promiseScanSchema, type FindOptions } from '@/lib/promises';

// Anchors: Monday 23 Nov 2026 10:15 in +01:00, Friday 27 Nov 2026 16:40 in -05:00.
const MON: FindOptions = { sentAt: Date.parse('2026-11-23T10:15:00+01:00'), offsetMinutes: 60 };
const FRI: FindOptions = { sentAt: Date.parse('2026-11-27T16:40:00-05:00'), offsetMinutes: -300 };

const dues = (text: string, opts: FindOptions) => findPromises(text, opts).promises.map((p) => p.due);

describe('due-time rules', () => {
  it.each([
    ['a date without a time is 17:00 that day', "I'll send the form on Wednesday.", MON, '2026-11-25T17:00:00+01:00'],
    ['end of day is 17:00', 'I will email you the label by end of day.', MON, '2026-11-23T17:00:00+01:00'],
    ['close of business is 17:00', "I'll have the quote ready by close of business tomorrow.", MON, '2026-11-24T17:00:00+01:00'],
    ['EOD is 17:00', "I'll confirm by EOD.", MON, '2026-11-23T17:00:00+01:00'],
    ['tonight is 20:00', "I'll ring you tonight.", MON, '2026-11-23T20:00:00+01:00'],
    ['this morning is 12:00', "I'm going to send the paperwork this morning.", MON, '2026-11-23T12:00:00+01:00'],
    ['this afternoon is 17:00', "I'll get back to you this afternoon.", MON, '2026-11-23T17:00:00+01:00'],
    ['this evening is 20:00', "I'll text you this evening.", MON, '2026-11-23T20:00:00+01:00'],
    ['first thing tomorrow is 09:00', "I'll call you first thing tomorrow.", MON, '2026-11-24T09:00:00+01:00'],
    ['a day with "morning" is 12:00 that day', 'Our technician will be with you on Thursday morning.', MON, '2026-11-26T12:00:00+01:00'],
    ['within N hours is the sent time plus N hours', "I'll update the ticket within 2 hours.", MON, '2026-11-23T12:15:00+01:00'],
    ['within N days is N calendar days later at 17:00', 'Your new card will arrive within 3 days.', MON, '2026-11-26T17:00:00+01:00'],
    ['business days skip the weekend', "You'll receive the refund within 3 business days.", FRI, '2026-12-02T17:00:00-05:00'],
    ['working days are business days', 'The refund will reach you within 2 working days.', FRI, '2026-12-01T17:00:00-05:00'],
    ['a weekday is its next occurrence after the sent date', 'The engineer will visit on Friday.', FRI, '2026-12-04T17:00:00-05:00'],
    ['a time of day already past, with no date, is the next day', "I'll email you the invoice by 4pm.", FRI, '2026-11-28T16:00:00-05:00'],
    ['a time of day still ahead is today', "I'll send the tracking number by 6pm.", FRI, '2026-11-27T18:00:00-05:00'],
    ['a range is due at its end', 'Our courier will collect the parcel tomorrow between 9am and 1pm.', FRI, '2026-11-28T13:00:00-05:00'],
  ])('%s', (_rule, text, opts, due) => {
    expect(dues(text, opts)).toEqual([due]);
  });

  // Rules beyond the list, each found by a corpus reply (MON is Monday 23 November).
  it.each([
    ['next business day', 'The courier will try again on the next business day.', FRI, '2026-11-30T17:00:00-05:00'],
    ['end of the week', "I'll send the quote by the end of the week.", MON, '2026-11-27T17:00:00+01:00'],
    ['end of next week', "They'll be in touch by the end of next week.", MON, '2026-12-04T17:00:00+01:00'],
    ['a weekday of next week', 'Our engineer will visit on Monday next week.', MON, '2026-11-30T17:00:00+01:00'],
    ['a fortnight', 'Your replacement will be delivered within a fortnight.', MON, '2026-12-07T17:00:00+01:00'],
    ['half an hour', "I'll ring you back in half an hour.", MON, '2026-11-23T10:45:00+01:00'],
    ['half past', "I'll give you a ring at half past two.", MON, '2026-11-23T14:30:00+01:00'],
    ['the Nth', "We'll have it by the 27th.", MON, '2026-11-27T17:00:00+01:00'],
    ['the Nth, next month', "I'll call you on the 4th.", MON, '2026-12-04T17:00:00+01:00'],
    ['between bare hours', 'Our engineer will be with you tomorrow between 8 and 12.', MON, '2026-11-24T12:00:00+01:00'],
    ['a morning hour stays in the morning', "We'll send someone over at 7:30 tomorrow morning.", MON, '2026-11-24T07:30:00+01:00'],
    ['a bare hour tonight is pm', "I'll call you at 8 tonight.", MON, '2026-11-23T20:00:00+01:00'],
    ['a time in brackets restates the one outside', "I'll be back in touch before 4pm your time (10am Eastern).", MON, '2026-11-23T16:00:00+01:00'],
    ['a date label before a dash', 'Tuesday - the engineer will install the new line at 10am.', MON, '2026-11-24T10:00:00+01:00'],
    ['"N minutes before" is not a deadline', "I'll ask the driver to call you 20 minutes before he arrives tomorrow.", MON, '2026-11-24T17:00:00+01:00'],
    ['tonight, said after 20:00, runs to the end of the day', "I'll email you the form tonight.", { ...MON, sentAt: Date.parse('2026-11-23T20:15:00+01:00') }, '2026-11-23T23:59:00+01:00'],
    ['you are booked in', "You're booked in for a callback at 4:45pm.", MON, '2026-11-23T16:45:00+01:00'],
  ])('%s', (_rule, text, opts, due) => {
    expect(dues(text, opts)).toEqual([due]);
  });

  it('keeps the sent offset in the ISO string and matches dueAt', () => {
    const [p] = findPromises("I'll call you back by 8pm tomorrow.", MON).promises;
    expect(p).toMatchObject({ due: '2026-11-24T20:00:00+01:00', dueAt: Date.parse('2026-11-24T19:00:00Z') });
  });

  it('returns the clause that holds the commitment, with its offsets', () => {
    const text = 'Please keep your phone nearby; I’ll call you at 3:30pm.';
    const [p] = findPromises(text, MON).promises;
    expect(p?.text).toBe('I’ll call you at 3:30pm.');
    expect(text.slice(p!.start, p!.end)).toBe(p!.text);
  });

  it('finds one promise per committed clause', () => {
    expect(dues("I'll send you a summary by 6pm, and the engineer will visit on Thursday at 2pm.", MON)).toEqual([
      '2026-11-23T18:00:00+01:00',
      '2026-11-26T14:00:00+01:00',
    ]);
  });
});

describe('not promises', () => {
  it.each([
    ['a customer instruction', 'Please send us a photo of the damaged box by Friday.'],
    ['a "you will need to" instruction', "You'll need to return the old unit within 30 days."],
    ['a past event', 'I called you yesterday at 3pm but there was no answer.'],
    ['policy', 'Refunds usually take 5-7 business days to appear on your statement.'],
    ['policy with "will"', 'Refunds will typically reach you within 5 days.'],
    ['a conditional', "If you don't hear from us by Monday, call us."],
    ['a conditional main clause', "In case the courier misses you on Tuesday, they'll try again Wednesday."],
    ['a question', 'Can I call you tomorrow at 11am instead?'],
    ['a hypothetical', 'I would have called you on Friday, but I did not have your number.'],
    ['a refusal', "We won't be able to deliver on Monday."],
    ['quoted customer text', 'You wrote: “I will pay the balance by Friday.”'],
    ['an e-mail quote line', "> I'll be in on Tuesday from 9am\nThanks, noted."],
    ['a repeating schedule', 'You will receive our newsletter every Monday.'],
    ['the agent away', "I'll be on leave from Monday, so please contact my colleague."],
    ['reported speech', 'The courier said he will be there by noon.'],
    ['a hedge', "The parcel will arrive by Friday, but I can't guarantee that."],
    ['a state, not an act', 'Your plan will renew on 1 December.'],
    ['the customer\'s side', 'Your next bill will be issued on 1 December.'],
    ['"let me know"', 'Let me know which day suits you best next week.'],
  ])('%s', (_kind, text) => {
    expect(findPromises(text, MON).promises).toEqual([]);
  });
});

describe('regional ways of saying when', () => {
  it('reads "arvo" as afternoon, "half five" as 5:30 and Christmas as a date', () => {
    expect(dues("I'll ring you back this arvo.", MON)).toEqual(dues("I'll ring you back this afternoon.", MON));
    expect(dues("I'll ring you back tomorrow arvo.", MON)).toEqual(dues("I'll ring you back tomorrow afternoon.", MON));
    expect(dues("I'll call you back at half five.", MON)).toEqual(['2026-11-23T17:30:00+01:00']);
    expect(dues("I'll call you back at half past five.", MON)).toEqual(['2026-11-23T17:30:00+01:00']);
    expect(dues('You will have the replacement before Christmas.', MON)).toEqual(dues('You will have the replacement by 24 December.', MON));
    expect(dues('You will have the replacement by Christmas.', MON)).toEqual(dues('You will have the replacement by 24 December.', MON));
    expect(dues('The engineer will come on Christmas Day.', MON)).toEqual(dues('The engineer will come on 25 December.', MON));
    expect(dues('You will have the replacement before Christmas.', MON)).toHaveLength(1);
  });

  it('does not read "half" before a unit as a time', () => {
    expect(dues("I'll refund half 6 months of fees by Friday.", MON)).toEqual(dues("I'll refund the fees by Friday.", MON));
    expect(dues("I'll refund the fees by Friday.", MON)).toHaveLength(1);
  });
});

describe('vague times', () => {
  it.each([
    ["I'll get back to you soon with an update.", 'soon'],
    ['Someone from our team will contact you shortly.', 'shortly'],
    ["We'll have the part in stock next week.", 'next week'],
    ["I'll look into it and get back to you ASAP.", 'ASAP'],
  ])('nudges "%s"', (text, word) => {
    const scan = findPromises(text, MON);
    expect(scan.promises).toEqual([]);
    expect(scan.nudges).toHaveLength(1);
    expect(scan.nudges[0]).toMatchObject({ text: word, message: `Give the customer a time: “${word}” is not one.` });
    expect(text.slice(scan.nudges[0]!.start, scan.nudges[0]!.end)).toBe(word);
  });

  it('nudges a clock time that has already gone by, and only a clock time', () => {
    const late = { sentAt: Date.parse('2026-11-23T17:20:00+01:00'), offsetMinutes: 60 };
    const scan = findPromises('I will email you the tracking number by 5pm today.', late);
    expect(scan.promises).toEqual([]);
    expect(scan.nudges).toHaveLength(1);
    expect(scan.nudges[0]!.message).toMatch(/^“[^”]*5pm[^”]*” has already passed\. Give the customer a time that is still ahead\.$/);
    // The same words an hour earlier are a promise; with no date, 5pm means tomorrow's; "today" with no clock time stays quiet.
    expect(dues('I will email you the tracking number by 5pm today.', MON)).toEqual(['2026-11-23T17:00:00+01:00']);
    expect(findPromises('I will email you the tracking number by 5pm.', late).nudges).toEqual([]);
    expect(findPromises('I will call you back today.', { ...late, sentAt: Date.parse('2026-11-23T23:50:00+01:00') }).nudges).toEqual([]);
  });

  it('does not nudge vague words outside a commitment', () => {
    expect(findPromises('Please reply soon so we can hold the slot.', MON)).toEqual({ promises: [], nudges: [] });
  });

  it('does not nudge when a real time is also given', () => {
    const scan = findPromises("I'll call you soon, by 3pm at the latest.", MON);
    expect(scan.nudges).toEqual([]);
    expect(scan.promises.map((p) => p.due)).toEqual(['2026-11-23T15:00:00+01:00']);
  });
});

describe('bad input', () => {
  const GB_SENT: FindOptions = { sentAt: Date.parse('2026-03-02T09:00:00+00:00'), offsetMinutes: 0 };

  it('reads 03/04 by the locale setting and flags it', () => {
    const us = findPromises("I'll post it by 03/04.", { ...GB_SENT, locale: 'en-US' }).promises;
    const gb = findPromises("I'll post it by 03/04.", { ...GB_SENT, locale: 'en-GB' }).promises;
    expect(us.map((p) => p.due)).toEqual(['2026-03-04T17:00:00+00:00']);
    expect(gb.map((p) => p.due)).toEqual(['2026-04-03T17:00:00+00:00']);
    expect(us[0]?.ambiguous).toMatch(/4 March/);
    expect(gb[0]?.ambiguous).toMatch(/3 April/);
  });

  it('defaults to en-US', () => {
    expect(dues("I'll post it by 03/04.", GB_SENT)).toEqual(['2026-03-04T17:00:00+00:00']);
  });

  it('does not flag a numeric date with only one reading', () => {
    const [p] = findPromises("I'll post it by 04/04.", GB_SENT).promises;
    expect(p?.due).toBe('2026-04-04T17:00:00+00:00');
    expect(p?.ambiguous).toBeUndefined();
  });

  it('takes the only possible reading of a numeric date without flagging it', () => {
    const [p] = findPromises("I'll arrange a callback for 4pm on 27/11.", GB_SENT).promises;
    expect(p?.due).toBe('2026-11-27T16:00:00+00:00');
    expect(p?.ambiguous).toBeUndefined();
  });

  it('moves a numeric date that has passed this year into next year', () => {
    expect(dues("I'll post it by 01/02.", { ...GB_SENT, locale: 'en-GB' })).toEqual(['2027-02-01T17:00:00+00:00']);
  });

  it.each([
    ["I'll book the visit for 31/02.", 'en-GB', '31/02'],
    ["We'll deliver it on February 30.", 'en-US', 'February 30'],
    ["I'll schedule the install for 30th of February.", 'en-GB', '30th of February'],
  ] as const)('gives no promise for an impossible date: %s', (text, locale, date) => {
    const scan = findPromises(text, { ...GB_SENT, locale });
    expect(scan.promises).toEqual([]);
    expect(scan.nudges.map((n) => n.text)).toEqual([date]);
    expect(scan.nudges[0]?.message).toMatch(/does not exist/);
  });

  it('rejects 29 February in a year that has none, accepts it in a leap year', () => {
    expect(findPromises("I'll call you on 29 February.", GB_SENT).promises).toEqual([]);
    const leap = { sentAt: Date.parse('2028-01-10T09:00:00Z'), offsetMinutes: 0 };
    expect(dues("I'll call you on 29 February.", leap)).toEqual(['2028-02-29T17:00:00+00:00']);
  });

  it.each([
    ['EST', "I'll call you back at 3pm EST.", '2026-11-23T21:00:00+01:00'],
    ['PST', "I'll confirm the cancellation by 5pm PST.", '2026-11-24T02:00:00+01:00'],
    ['CET', "I'll confirm by 4pm CET.", '2026-11-23T16:00:00+01:00'],
    ['GMT', "I'll call you at 9am GMT on Monday.", '2026-11-30T10:00:00+01:00'],
    ['UTC', "I'll send it by 18:00 UTC.", '2026-11-23T19:00:00+01:00'],
    ['AEST', "I'll ring you back by 5pm AEST tomorrow.", '2026-11-24T08:00:00+01:00'],
  ])('converts a time in %s to the absolute instant, on the agent offset', (_zone, text, due) => {
    expect(dues(text, MON)).toEqual([due]);
  });

  it('handles a reply with 20 time expressions', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `I'll call you at ${(i % 8) + 1}pm on ${i + 1} December.`);
    const scan = findPromises(lines.join(' '), MON);
    expect(scan.promises).toHaveLength(20);
    expect(scan.promises[19]?.due).toBe('2026-12-20T16:00:00+01:00');
  });

  it('caps the findings of an enormous reply', () => {
    const text = "I'll call you at 3pm. ".repeat(500);
    const scan = findPromises(text, MON);
    expect(scan.promises.length).toBe(PROMISE_LIMITS.MAX_FINDINGS);
  });

  it('gives an empty scan for unusable options instead of throwing', () => {
    expect(findPromises("I'll call you at 3pm.", { sentAt: Number.NaN, offsetMinutes: 60 })).toEqual({ promises: [], nudges: [] });
    expect(dues("I'll call you at 3pm.", { ...MON, offsetMinutes: Number.NaN })).toEqual(['2026-11-23T15:00:00+00:00']);
  });

  it('never throws, and always returns a valid scan whose spans point into the input', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom("I'll call you by 8pm tomorrow.", ' 31/02 ', 'within 3 business days', '5pm AEST', '"', '> ', '\n', 'soon', '?', 'if '),
    );
    fc.assert(
      fc.property(
        // Repetition reaches 20,000 characters cheaply (generating that much arbitrary text is slow in fast-check).
        fc.tuple(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 400 })).map(([parts, times]) => parts.join('').repeat(times).slice(0, 20_000)),
        fc.integer({ min: -840, max: 840 }),
        fc.constantFrom('en-US' as const, 'en-GB' as const),
        (text, offsetMinutes, locale) => {
          const scan = findPromises(text, { sentAt: MON.sentAt, offsetMinutes, locale });
          expect(promiseScanSchema.safeParse(scan).success).toBe(true);
          for (const p of [...scan.promises, ...scan.nudges]) expect(text.slice(p.start, p.end)).toBe(p.text);
          for (const p of scan.promises) expect(p.dueAt).toBeGreaterThan(MON.sentAt);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('survives one 20,000-character string of arbitrary unicode', () => {
    const text = fc.sample(fc.string({ unit: 'binary', minLength: 20_000, maxLength: 20_000 }), { numRuns: 1, seed: 7 })[0]!;
    expect(text.length).toBeGreaterThanOrEqual(20_000);
    expect(promiseScanSchema.safeParse(findPromises(text, MON)).success).toBe(true);
  }, 60_000);
});

describe('time zone of the host', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same answers whatever TZ the host runs in', () => {
    const texts = ["I'll call you back by 8pm tomorrow.", 'The engineer will visit on Friday.', "I'll ring you tonight.", "I'll email you the invoice by 4pm."];
    // Sent at 01:30 on the agent's clock: a different calendar day from New York's and Kolkata's.
    const opts: FindOptions = { sentAt: Date.parse('2026-11-27T01:30:00+09:00'), offsetMinutes: 540 };
    process.env.TZ = 'UTC';
    const utc = texts.map((t) => dues(t, opts));
    process.env.TZ = 'America/New_York';
    const ny = texts.map((t) => dues(t, opts));
    process.env.TZ = 'Asia/Kolkata';
    const kolkata = texts.map((t) => dues(t, opts));
    expect(utc).toEqual([['2026-11-28T20:00:00+09:00'], ['2026-12-04T17:00:00+09:00'], ['2026-11-27T20:00:00+09:00'], ['2026-11-27T16:00:00+09:00']]);
    expect(ny).toEqual(utc);
    expect(kolkata).toEqual(utc);
  });
});
