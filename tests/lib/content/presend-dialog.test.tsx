// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresendDialog, setPresendDialogFault, type PresendChoice } from '@/components/sidebar/presend-dialog';
import type { HeldSend } from '@/lib/content/store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const held = (id: string): HeldSend => ({ id, draft: 'Dear Customer, sorry.', analysis: { score: 80, verdict: 'canned', findings: [], similarTo: null, guideErrors: [] } });

function render(h: HeldSend) {
  const host = document.createElement('div');
  document.body.append(host);
  const choices: [string, PresendChoice][] = [];
  const shown: string[] = [];
  const root = createRoot(host);
  const draw = (x: HeldSend) =>
    act(() => root.render(<PresendDialog held={x} onShown={(id) => shown.push(id)} onChoose={(id, c) => choices.push([id, c])} />));
  draw(h);
  return { host, choices, shown, draw, root };
}

afterEach(() => {
  setPresendDialogFault(false);
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('pre-send dialog', () => {
  it('renders and reports itself shown', () => {
    const t = render(held('a'));
    expect(t.host.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(t.shown).toEqual(['a']);
    expect(t.choices).toEqual([]);
  });

  it('a dialog that throws while rendering releases its send once and leaves nothing on screen', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setPresendDialogFault(true);
    const t = render(held('a'));
    expect(t.host.querySelector('[role="alertdialog"]')).toBeNull();
    expect(t.shown).toEqual([]);
    expect(t.choices).toEqual([['a', 'release']]);
    // The next hold gets a fresh boundary: once the fault is gone it shows again.
    setPresendDialogFault(false);
    t.draw(held('b'));
    expect(t.host.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(t.choices).toEqual([['a', 'release']]);
  });
});
