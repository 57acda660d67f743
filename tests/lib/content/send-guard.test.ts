// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineAdapter, type HostAdapter } from '@/lib/adapters/types';
import { guardSends, WATCHDOG_MS, type Hold, type SentReply } from '@/lib/content/send-guard';
import { createFrameHub } from '@/lib/content/frames';
import type { Decision } from '@/lib/content/presend';
import type { Analysis } from '@/lib/analysis';

const canned: Analysis = { score: 80, verdict: 'canned', findings: [], similarTo: null, guideErrors: [] };

/** A host page: one composer, a Send button whose own handler records what the host sent. */
function host() {
  document.body.replaceChildren();
  const root = document.createElement('div');
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.textContent = 'We apologize for any inconvenience.';
  const button = document.createElement('button');
  button.textContent = 'Send';
  root.append(editor, button);
  document.body.append(root);
  const sent: string[] = [];
  // The host's own handlers (bubble phase, like an app's).
  button.addEventListener('click', () => sent.push(editor.textContent ?? ''));
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) sent.push(editor.textContent ?? '');
  });
  const adapter: HostAdapter = defineAdapter({
    meta: { id: 'test', label: 'Test', matches: [], editorKind: 'contenteditable', examples: { match: [], noMatch: [] } },
    channel: 'email',
    read: () => ({ identity: { email: 'jane@x.example' }, composers: [{ root, editor, sendButtons: [button] }], missing: [] }),
    isSendShortcut: (e) => e.key === 'Enter' && e.ctrlKey,
  });
  return { adapter, editor, button, sent };
}

/** Hooks that throw on purpose (every other hook records as usual). */
type Faults = Partial<Record<'onHold' | 'onHoldEnd' | 'onSent' | 'onRelease', true>>;

function setup(check: (text: string) => Decision | Promise<Decision>, faults: Faults = {}) {
  const h = host();
  const ctrl = new AbortController();
  const holds: Hold[] = [];
  const ends: string[] = [];
  const logged: SentReply[] = [];
  const errors: unknown[] = [];
  const guard = guardSends({
    adapter: h.adapter,
    doc: document,
    hub: createFrameHub(document, ctrl.signal, (e) => errors.push(e)),
    signal: ctrl.signal,
    check,
    onHold: (x) => {
      holds.push(x);
      if (faults.onHold) throw new Error('onHold boom');
    },
    onHoldEnd: (_id, how) => {
      ends.push(how);
      if (faults.onHoldEnd) throw new Error('onHoldEnd boom');
    },
    onSent: (r) => {
      logged.push(r);
      if (faults.onSent) throw new Error('onSent boom');
    },
    onRelease: () => {
      if (faults.onRelease) throw new Error('onRelease boom');
    },
    onError: (e) => errors.push(e),
  });
  return { ...h, guard, holds, ends, logged, errors, ctrl };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('send guard', () => {
  it('lets an ok reply through untouched and logs it once', () => {
    const t = setup(() => ({ hold: false }));
    t.button.click();
    expect(t.sent).toEqual(['We apologize for any inconvenience.']);
    expect(t.logged.map((l) => l.body)).toEqual(['We apologize for any inconvenience.']);
    expect(t.holds).toEqual([]);
  });

  it('holds a canned reply until the agent chooses; Send anyway sends exactly once, unchanged', () => {
    const t = setup(() => ({ hold: true, analysis: canned }));
    t.button.click();
    expect(t.sent).toEqual([]);
    expect(t.holds).toHaveLength(1);
    t.guard.shown(t.holds[0]!.id);
    // The agent reads for a while: no watchdog once the dialog is on screen.
    vi.advanceTimersByTime(10 * WATCHDOG_MS);
    expect(t.sent).toEqual([]);
    // A second press while held is the same send, not a new one.
    t.button.click();
    expect(t.holds).toHaveLength(1);
    t.guard.resolve(t.holds[0]!.id, 'send');
    expect(t.sent).toEqual(['We apologize for any inconvenience.']);
    expect(t.logged).toHaveLength(1);
    expect(t.ends).toEqual(['sent']);
    // Resolving again does nothing.
    t.guard.resolve(t.holds[0]!.id, 'send');
    expect(t.sent).toHaveLength(1);
  });

  it('Edit reply sends nothing and puts the agent back in the editor', () => {
    const t = setup(() => ({ hold: true, analysis: canned }));
    t.button.click();
    t.guard.shown(t.holds[0]!.id);
    t.guard.resolve(t.holds[0]!.id, 'edit');
    expect(t.sent).toEqual([]);
    expect(t.logged).toEqual([]);
    expect(document.activeElement).toBe(t.editor);
    expect(t.ends).toEqual(['edit']);
  });

  it('holds the keyboard shortcut and releases it as one click on Send', () => {
    const t = setup(() => ({ hold: true, analysis: canned }));
    t.editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(t.sent).toEqual([]);
    t.guard.resolve(t.holds[0]!.id, 'send');
    expect(t.sent).toEqual(['We apologize for any inconvenience.']);
  });

  it('never holds a shortcut send it could not release (no Send button found)', () => {
    const t = setup(() => ({ hold: true, analysis: canned }));
    const read = t.adapter.read;
    t.adapter.read = (doc) => {
      const ctx = read(doc);
      return { ...ctx, composers: ctx.composers.map((c) => ({ ...c, sendButtons: [] })) };
    };
    t.editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(t.sent).toEqual(['We apologize for any inconvenience.']);
    expect(t.holds).toEqual([]);
    expect(t.logged).toHaveLength(1);
  });

  it('fails open when the check throws', () => {
    const t = setup(() => {
      throw new Error('boom');
    });
    t.button.click();
    expect(t.sent).toHaveLength(1);
    expect(t.logged).toHaveLength(1);
    expect(String(t.errors[0])).toContain('boom');
  });

  it('fails open after 1.5 s when the check never answers, or the dialog never appears', () => {
    const hang = setup(() => new Promise<Decision>(() => {}));
    hang.button.click();
    expect(hang.sent).toEqual([]);
    vi.advanceTimersByTime(WATCHDOG_MS - 1);
    expect(hang.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(hang.sent).toHaveLength(1);
    expect(hang.ends).toEqual(['released']);

    const unseen = setup(() => ({ hold: true, analysis: canned }));
    unseen.button.click();
    vi.advanceTimersByTime(WATCHDOG_MS);
    expect(unseen.sent).toHaveLength(1);
  });

  it('releases at once when an asynchronous check says ok, or fails', async () => {
    const ok = setup(() => Promise.resolve<Decision>({ hold: false }));
    ok.button.click();
    expect(ok.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(ok.sent).toHaveLength(1);
    const bad = setup(() => Promise.reject(new Error('no answer')));
    bad.button.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(bad.sent).toHaveLength(1);
  });

  for (const hook of ['onHold', 'onHoldEnd', 'onSent', 'onRelease'] as const) {
    it(`a throw inside ${hook} still sends exactly once, with the body intact`, () => {
      const t = setup(() => ({ hold: true, analysis: canned }), { [hook]: true });
      t.button.click();
      // A failed hold releases at once; otherwise the agent chooses Send anyway.
      if (hook !== 'onHold') {
        expect(t.sent).toEqual([]);
        t.guard.shown(t.holds[0]!.id);
        t.guard.resolve(t.holds[0]!.id, 'send');
      }
      vi.advanceTimersByTime(10 * WATCHDOG_MS);
      expect(t.sent).toEqual(['We apologize for any inconvenience.']);
      expect(String(t.errors[0])).toContain(`${hook} boom`);
    });
  }

  it('a dialog that failed to render releases the send at once, as a release and not as the agent’s send', () => {
    const t = setup(() => ({ hold: true, analysis: canned }));
    t.button.click();
    t.guard.resolve(t.holds[0]!.id, 'release');
    expect(t.sent).toHaveLength(1);
    expect(t.ends).toEqual(['released']);
    // The hold is over: a late choice from the dead dialog does nothing.
    t.guard.resolve(t.holds[0]!.id, 'send');
    expect(t.sent).toHaveLength(1);
  });

  it('releases a held send when Rapport goes away (extension update)', () => {
    const t = setup(() => ({ hold: true, analysis: canned }));
    t.button.click();
    t.guard.shown(t.holds[0]!.id);
    t.ctrl.abort();
    expect(t.sent).toHaveLength(1);
  });
});
