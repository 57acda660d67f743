import { describe, expect, it, vi } from 'vitest';
import { decideSend, faultyHook, holdThreshold, similarStillApplies, testFault, testModeSchema } from '@/lib/content/presend';
import { analyzeReply } from '@/lib/content/reply-analysis';
import type { SidebarState } from '@/lib/content/store';
import type { Guide } from '@/lib/guide/schema';

const CANNED = 'Dear Customer,\nWe apologize for any inconvenience caused. Your concern has been forwarded to the relevant department. Please do not hesitate to contact us if you have any further questions.\nKind regards,\nCustomer Support Team';
const PERSONAL = 'Thanks Priya, done: refunded 42.10 today.';
const MACRO = 'Priya, the engineer is booked for 8am Thursday and I will call you at 7:45 to confirm he is on his way to your flat in Leeds.';

const state = (over: Partial<SidebarState> = {}): SidebarState => ({
  snapshot: { identity: { name: 'Priya Shah', email: 'priya@x.example' }, lastCustomerMessage: 'Where is my refund of 42.10?', composerCount: 1, missing: [], url: 'https://mail.google.com/' },
  open: true,
  draft: '',
  analysis: null,
  similar: null,
  held: null,
  guide: null,
  afterSend: null,
  ...over,
});
const guide = (thresholds: Guide['thresholds']): SidebarState['guide'] => ({ guide: { schemaVersion: 2, name: 'G', avoid: [], prefer: [], ...(thresholds ? { thresholds } : {}) } as Guide, source: 'local' });
const never = () => Promise.reject(new Error('not asked'));

describe('pre-send decision', () => {
  it('holds a canned reply and lets a short personal one through, synchronously', () => {
    expect(decideSend(MACRO, state(), { testMode: null, findSimilar: async () => null })).toBeInstanceOf(Promise);
    const held = decideSend(CANNED, state(), { testMode: null, findSimilar: never });
    expect(held).toMatchObject({ hold: true, analysis: { verdict: 'canned' } });
    expect(decideSend(PERSONAL, state(), { testMode: null, findSimilar: never })).toEqual({ hold: false });
    expect(decideSend('   ', state(), { testMode: 'hold', findSimilar: never })).toEqual({ hold: false });
  });

  it("uses the guide's hold threshold (then its canned threshold)", async () => {
    const score = analyzeReply(CANNED, state()).score;
    expect(holdThreshold(state({ guide: guide({ hold: 90, canned: 30 }) }))).toBe(90);
    expect(holdThreshold(state({ guide: guide({ canned: 30 }) }))).toBe(30);
    expect(await decideSend(CANNED, state({ guide: guide({ hold: Math.min(100, score + 1) }) }), { testMode: null, findSimilar: async () => null })).toEqual({ hold: false });
  });

  it('asks the background only for a long draft it has no near-duplicate answer for, and holds a repeat', async () => {
    const findSimilar = vi.fn(async () => ({ id: 's1', text: MACRO, at: 0, similarity: 0.95 }));
    const pending = decideSend(MACRO, state(), { testMode: null, findSimilar });
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toMatchObject({ hold: true });
    expect(findSimilar).toHaveBeenCalledWith(MACRO);
    // The same text with no stored twin goes through.
    expect(await decideSend(MACRO, state(), { testMode: null, findSimilar: async () => null })).toEqual({ hold: false });
    // Already answered for (nearly) this text: decided synchronously, nothing asked.
    const known = state({ similar: { forText: MACRO.slice(0, -5), reply: null } });
    findSimilar.mockClear();
    expect(decideSend(MACRO, known, { testMode: null, findSimilar })).toEqual({ hold: false });
    expect(findSimilar).not.toHaveBeenCalled();
  });

  it('test switches: hold everything, throw, or never answer', () => {
    expect(decideSend(PERSONAL, state(), { testMode: 'hold', findSimilar: never })).toMatchObject({ hold: true });
    expect(() => decideSend(PERSONAL, state(), { testMode: 'throw', findSimilar: never })).toThrow();
    expect(decideSend(PERSONAL, state(), { testMode: 'hang', findSimilar: never })).toBeInstanceOf(Promise);
  });

  it('test switch { throwIn }: the check throws only for "check"; every later hook gets a held send to throw in', () => {
    expect(() => decideSend(PERSONAL, state(), { testMode: { throwIn: 'check' }, findSimilar: never })).toThrow('check failed');
    for (const throwIn of ['hold', 'dialog', 'hold-end', 'release', 'sent'] as const) {
      expect(decideSend(PERSONAL, state(), { testMode: { throwIn }, findSimilar: never })).toMatchObject({ hold: true });
      expect(() => testFault({ throwIn }, throwIn)).toThrow(`${throwIn} failed (test mode)`);
      expect(() => testFault({ throwIn }, 'check')).not.toThrow();
    }
    // The older string switch keeps its meaning; nothing else parses.
    expect(faultyHook('throw')).toBe('check');
    expect(faultyHook('hold')).toBeNull();
    expect(testModeSchema.safeParse({ throwIn: 'release' }).success).toBe(true);
    expect(testModeSchema.safeParse({ throwIn: 'elsewhere' }).success).toBe(false);
    expect(testModeSchema.safeParse('explode').success).toBe(false);
  });

  it('a near-duplicate answer survives small edits but not a different draft', () => {
    const lookup = { forText: MACRO, reply: null };
    expect(similarStillApplies(lookup, MACRO)).toBe(true);
    expect(similarStillApplies(lookup, `${MACRO} Thanks!`)).toBe(true);
    expect(similarStillApplies(lookup, PERSONAL)).toBe(false);
    expect(similarStillApplies(null, MACRO)).toBe(false);
  });
});
