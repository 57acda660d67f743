import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askedAgain, factsGiven, whenSaid, type CustomerText, type FactKind, type GivenFact } from '@/lib/told-us';
import { ASKED_EXAMPLES, EXAMPLE_CONTACT, EXAMPLE_HISTORIES, EXAMPLE_NOW } from '@/lib/told-us/examples';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const opts = (contact = EXAMPLE_CONTACT) => ({ now: EXAMPLE_NOW, currentContactKey: contact, timeZone: 'UTC' });

describe('askedAgain on the labelled examples', () => {
  it('has enough labelled cases, positives and hard negatives both', () => {
    expect(ASKED_EXAMPLES.length).toBeGreaterThanOrEqual(40);
    expect(ASKED_EXAMPLES.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(15);
    expect(ASKED_EXAMPLES.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(15);
  });

  it('reaches precision and recall of at least 0.9', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const ex of ASKED_EXAMPLES) {
      const facts = factsGiven(EXAMPLE_HISTORIES[ex.history]);
      const got = askedAgain(ex.draft, facts, opts(ex.contact)).map((a) => a.kind);
      const want = [...ex.expect];
      for (const kind of got) {
        const i = want.indexOf(kind);
        if (i >= 0) {
          tp++;
          want.splice(i, 1);
        } else {
          fp++;
          misses.push(`false positive ${kind}: ${ex.draft}`);
        }
      }
      fn += want.length;
      for (const kind of want) misses.push(`missed ${kind}: ${ex.draft}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`told-us askedAgain on ${ASKED_EXAMPLES.length} cases: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    if (misses.length) console.log(misses.join('\n'));
    expect(tp).toBeGreaterThan(0);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('askedAgain', () => {
  const facts = factsGiven(EXAMPLE_HISTORIES.full);

  it('points at the asking phrase and says when the fact was given', () => {
    const draft = 'Hi Jane, sorry for the wait. Could you send me your order number? Then I can chase it.';
    const [hit, ...rest] = askedAgain(draft, facts, opts());
    expect(rest).toEqual([]);
    expect(hit?.kind).toBe('order-number');
    expect(draft.slice(hit!.start, hit!.end)).toBe('Could you send me your order number');
    expect(hit?.message).toBe('They gave their order number on 10 March (12345).');
    expect(hit?.fact).toMatchObject({ kind: 'order-number', value: '12345', source: 'message' });
  });

  it('keeps offsets right after curly apostrophes', () => {
    const draft = 'I’m sorry. I’d suggest rebooting your hub.';
    const [hit] = askedAgain(draft, facts, opts());
    expect(draft.slice(hit!.start, hit!.end)).toBe('suggest rebooting your hub');
    expect(hit?.message).toBe('They said they already tried restarting the router on Monday.');
  });

  it('only claims an identity check for the contact it was done on', () => {
    const draft = "I'll need to verify your identity.";
    expect(askedAgain(draft, facts, opts('T-300')).map((a) => a.kind)).toEqual(['identity-verified']);
    expect(askedAgain(draft, facts, opts('T-999'))).toEqual([]);
    expect(askedAgain(draft, facts, { now: EXAMPLE_NOW })).toEqual([]);
  });

  it('flags nothing without facts or without a draft', () => {
    expect(askedAgain('Could you send me your order number?', [], opts())).toEqual([]);
    expect(askedAgain('', facts, opts())).toEqual([]);
  });

  it('matches the troubleshooting step and its device, not just the verb', () => {
    const restarted: GivenFact[] = [{ kind: 'troubleshooting', value: 'restart router', at: EXAMPLE_NOW - DAY, source: 'call' }];
    expect(askedAgain('Could you restart your modem?', restarted, opts())).toHaveLength(1);
    expect(askedAgain('Could you restart your phone?', restarted, opts())).toEqual([]);
    expect(askedAgain('Could you update the router firmware?', restarted, opts())).toEqual([]);
    const anyDevice: GivenFact[] = [{ kind: 'troubleshooting', value: 'restart', at: EXAMPLE_NOW - DAY, source: 'message' }];
    expect(askedAgain('Could you restart your phone?', anyDevice, opts())).toHaveLength(1);
  });

  it('never throws, whatever the draft, facts and options', () => {
    const kind = fc.constantFrom<FactKind>('order-number', 'account-number', 'fault', 'troubleshooting', 'identity-verified', 'email', 'phone', 'address');
    const fact = fc.record({
      kind,
      value: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      at: fc.oneof(fc.integer(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY)),
      source: fc.constantFrom<'message' | 'note' | 'call'>('message', 'note', 'call'),
      contactKey: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
    });
    const words = fc.constantFrom('could you', 'order number', 'restart', 'the router', 'please', '?', '.', '\n', 'verify your identity', '’', 'address', ' ', 'I');
    const draft = fc.oneof(fc.string({ maxLength: 300 }), fc.array(words, { maxLength: 60 }).map((w) => w.join(' ')));
    fc.assert(
      fc.property(draft, fc.array(fact, { maxLength: 8 }), fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), (d, fs, locale) => {
        const out = askedAgain(d, fs as GivenFact[], { now: EXAMPLE_NOW, currentContactKey: 'T', locale });
        for (const a of out) {
          expect(a.start).toBeGreaterThanOrEqual(0);
          expect(a.end).toBeGreaterThan(a.start);
          expect(a.end).toBeLessThanOrEqual(d.length);
        }
      }),
      { numRuns: 300 },
    );
    // Garbage that the types forbid but a caller bug could pass.
    expect(askedAgain(null as unknown as string, facts)).toEqual([]);
    expect(askedAgain('Could you send your order number?', null as unknown as GivenFact[])).toEqual([]);
    expect(askedAgain('Could you send your order number?', [null, 3, 'x'] as unknown as GivenFact[])).toEqual([]);
    expect(askedAgain('Could you send your order number?', facts, null as unknown as undefined).map((a) => a.kind)).toEqual(['order-number']);
  });
});

describe('factsGiven', () => {
  const t = (text: string, extra: Partial<CustomerText> = {}): CustomerText => ({ text, at: EXAMPLE_NOW, source: 'message', ...extra });
  const kv = (texts: CustomerText[]) => factsGiven(texts).map((f) => `${f.kind}=${f.value ?? ''}`);

  it('reads references as customers write them', () => {
    expect(kv([t('my order number is 12345')])).toEqual(['order-number=12345']);
    expect(kv([t('Re: order #A-99812, still nothing')])).toEqual(['order-number=A-99812']);
    expect(kv([t('account 5512-883')])).toEqual(['account-number=5512-883']);
    expect(kv([t('My order was delayed and my account is locked')])).toEqual([]);
    expect(kv([t('I ordered 2 weeks ago')])).toEqual([]);
  });

  it('reads contact details without mistaking references for phone numbers', () => {
    expect(kv([t('Email me at Jane.Doe@Example.COM or ring +44 7700 900123')])).toEqual(['email=jane.doe@example.com', 'phone=+447700900123']);
    expect(kv([t('order number 07700900123')])).toEqual(['order-number=07700900123']);
    expect(kv([t('I live at 3 Mill Lane, York')])).toEqual(['address=3 Mill Lane, York']);
    expect(kv([t('Postcode is SW1A 1AA')])).toEqual(['address=SW1A 1AA']);
  });

  it('reads faults and troubleshooting already done, not plans or questions', () => {
    expect(kv([t('I already restarted the router twice')])).toEqual(['troubleshooting=restart router']);
    expect(kv([t("I've tried clearing the cache")])).toEqual(['troubleshooting=clear cache']);
    expect(kv([t('The app crashes when I open settings')])).toEqual(['fault=The app crashes when I open settings']);
    expect(kv([t('Should I reboot the hub?')])).toEqual([]);
    expect(kv([t("I haven't restarted the router")])).toEqual([]);
    expect(kv([t('I reset my password yesterday')])).toEqual(['troubleshooting=reset password']);
    expect(kv([t('Did a factory reset on the hub')])).toEqual(['troubleshooting=factory reset router']);
  });

  it('takes identity checks from agents only, with their contact', () => {
    expect(factsGiven([t('Verified ID via security questions', { source: 'note', contactKey: 'C1' })])).toEqual([
      { kind: 'identity-verified', at: EXAMPLE_NOW, source: 'note', contactKey: 'C1' },
    ]);
    expect(factsGiven([t('Passed security on the call', { source: 'call', contactKey: 'C2' })]).map((f) => f.kind)).toEqual(['identity-verified']);
    expect(factsGiven([t('I verified my identity last time', { source: 'message' })])).toEqual([]);
  });

  it('returns facts newest first, one per kind and value', () => {
    const facts = factsGiven([
      t('order 12345', { at: 1000 }),
      t('Order #12345 again', { at: 3000 }),
      t('order 777888', { at: 2000 }),
    ]);
    expect(facts.map((f) => [f.value, f.at])).toEqual([
      ['12345', 3000],
      ['777888', 2000],
    ]);
  });

  it('skips malformed entries and never throws', () => {
    const bad = [null, 1, { text: 5 }, { text: 'order 12345', at: Number.NaN, source: 'message' }, { text: 'order 12345', at: 1, source: 'email' }];
    expect(factsGiven(bad as unknown as CustomerText[])).toEqual([]);
    expect(factsGiven(undefined as unknown as CustomerText[])).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.record({ text: fc.string({ maxLength: 200 }), at: fc.integer(), source: fc.constantFrom<'message' | 'note' | 'call'>('message', 'note', 'call') }), { maxLength: 5 }), (texts) => {
        expect(Array.isArray(factsGiven(texts))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('whenSaid', () => {
  // Thursday 26 March 2026, 15:00 UTC.
  const now = EXAMPLE_NOW;
  it('says today, a weekday within six days, else day and month (en-GB)', () => {
    expect(whenSaid(now - 14 * HOUR, now, 'en-GB', 'UTC')).toBe('today');
    expect(whenSaid(now - 16 * HOUR, now, 'en-GB', 'UTC')).toBe('on Wednesday');
    expect(whenSaid(now - 3 * DAY, now, 'en-GB', 'UTC')).toBe('on Monday');
    expect(whenSaid(now - 6 * DAY, now, 'en-GB', 'UTC')).toBe('on Friday');
    expect(whenSaid(now - 7 * DAY, now, 'en-GB', 'UTC')).toBe('on 19 March');
    expect(whenSaid(Date.UTC(2025, 11, 12, 9), now, 'en-GB', 'UTC')).toBe('on 12 December 2025');
  });

  it('counts calendar days in the given time zone', () => {
    // 02:00 UTC on the 26th is still the evening of the 25th in New York (UTC-4 in late March).
    expect(whenSaid(Date.UTC(2026, 2, 26, 2), now, 'en-GB', 'UTC')).toBe('today');
    expect(whenSaid(Date.UTC(2026, 2, 26, 2), now, 'en-GB', 'America/New_York')).toBe('on Wednesday');
  });

  it('falls back to en-GB for a locale Intl rejects', () => {
    expect(whenSaid(now - 7 * DAY, now, 'not a locale!!', 'UTC')).toBe('on 19 March');
  });
});
