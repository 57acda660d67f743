import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from '#imports';
import {
  SOURCE_LABEL,
  checkGuideUrl,
  guideOriginPattern,
  resolveActiveGuide,
  type GuideInputs,
  type SubscriptionState,
} from '@/lib/guide';
import { readGuideInputs, watchGuideInputs } from '@/lib/settings/guide';
import { send } from '@/lib/messaging/client';

/** Live view of everything guide-related in storage (the background writes it; we only read). */
export function useGuideInputs(): GuideInputs | null {
  const [inputs, setInputs] = useState<GuideInputs | null>(null);
  useEffect(() => {
    let live = true;
    void readGuideInputs().then((i) => live && setInputs(i));
    const unwatch = watchGuideInputs((i) => live && setInputs(i));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return inputs;
}

const when = (t: number | null) => (t === null ? 'never' : new Date(t).toLocaleString());

/** Does Rapport hold the host permission for this guide URL's origin? null while unknown. */
function useHostPermission(url: string | undefined): [boolean | null, () => void] {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!url || !checkGuideUrl(url).ok) return setGranted(null);
    let live = true;
    browser.permissions.contains({ origins: [guideOriginPattern(url)] }).then(
      (g) => live && setGranted(g),
      () => live && setGranted(false),
    );
    return () => {
      live = false;
    };
  }, [url, tick]);
  return [granted, () => setTick((t) => t + 1)];
}

/**
 * Ask for the one origin a guide lives on. Must run inside the click handler, before any other
 * await: Chrome only shows the prompt in response to a user gesture.
 */
function requestHost(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [guideOriginPattern(url)] }).catch(() => false);
}

function SubscriptionStatus({ state, label, testId }: { state: SubscriptionState; label: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <p>
        <span className="label">{label}</span>
        <code>{state.url}</code>
      </p>
      <p className="muted">
        Last checked: <span data-testid={`${testId}-checked`}>{when(state.lastCheckedAt)}</span> · Last updated:{' '}
        <span data-testid={`${testId}-updated`}>{when(state.lastUpdatedAt)}</span>
      </p>
      {state.lastError && (
        <p className="error" role="alert" data-testid={`${testId}-error`}>
          Last check failed ({when(state.lastError.at)}): {state.lastError.message}.{' '}
          {state.lastGood ? 'The last good version still applies.' : 'No version has been accepted yet.'}
        </p>
      )}
      {state.warnings.length > 0 && (
        <ul className="muted" data-testid={`${testId}-warnings`}>
          {state.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      {state.lastChanges.length > 0 && (
        <div>
          <span className="label">What the last update changed</span>
          <ul data-testid={`${testId}-changes`}>{state.lastChanges.map((c, i) => <li key={i}>{c}</li>)}</ul>
        </div>
      )}
    </div>
  );
}

/**
 * Where the guide comes from: which source is in force and why, the agent's subscription (with
 * its last check, last update, error and what changed), the managed policy's guide, and the
 * pinned signing key. All guide text is rendered as React text, never as HTML.
 */
export function GuideSubscription() {
  const inputs = useGuideInputs();
  const resolution = useMemo(() => (inputs ? resolveActiveGuide(inputs) : null), [inputs]);
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const subscribed = inputs?.subscribed ?? null;
  const managedUrl = inputs?.policy.guideUrl;
  const [subscribedGranted, recheckSubscribed] = useHostPermission(subscribed?.url);
  const [managedGranted, recheckManaged] = useHostPermission(managedUrl);

  useEffect(() => {
    if (inputs) setKey((k) => k || inputs.pinnedKey);
  }, [inputs]);

  const run = useCallback(async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await what());
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      recheckSubscribed();
      recheckManaged();
    }
  }, [recheckSubscribed, recheckManaged]);

  const subscribe = () => {
    const checked = checkGuideUrl(url);
    if (!checked.ok) return setStatus(checked.error);
    const asked = requestHost(checked.url); // first, while the click still counts as a gesture
    void run(async () => {
      if (!(await asked)) return `Not subscribed: Rapport needs your permission to read from ${new URL(checked.url).host}.`;
      const s = await send('guideSubscribe', { url: checked.url });
      return s.lastError ? `Subscribed, but the first check failed: ${s.lastError.message}.` : 'Subscribed. Open tabs use the guide now.';
    });
  };
  const grant = (target: string) => {
    const asked = requestHost(target);
    void run(async () => {
      if (!(await asked)) return 'Permission not granted.';
      await send('guideRefresh', {});
      return 'Access granted; the guide was checked.';
    });
  };

  if (!inputs || !resolution) return null;
  const locked = resolution.locked;
  const keyFromPolicy = resolution.pinnedKey?.from === 'policy';

  return (
    <div>
      <h3>Guide in force</h3>
      <p data-testid="guide-active">
        {resolution.active
          ? <>Active: <strong>{resolution.active.guide.name}</strong> ({SOURCE_LABEL[resolution.active.source]}). {resolution.sources.find((s) => s.state === 'active')?.detail}</>
          : 'No team guide applies: Rapport uses its built-in checks and wording.'}
      </p>
      <ul data-testid="guide-sources" className="muted">
        {resolution.sources.map((s) => (
          <li key={s.source} data-source={s.source} data-state={s.state}>
            {SOURCE_LABEL[s.source]}{s.name ? ` “${s.name}”` : ''}: {s.detail}
          </li>
        ))}
      </ul>

      {managedUrl && (
        <>
          <h3>Set by your administrator</h3>
          {inputs.managed && <SubscriptionStatus state={inputs.managed} label="Managed guide URL" testId="guide-managed" />}
          {managedGranted === false && (
            <p>
              Chrome policy cannot grant Rapport access to this address; allow it once here.{' '}
              <button type="button" onClick={() => grant(managedUrl)} disabled={busy}>Grant access</button>
            </p>
          )}
        </>
      )}

      <h3>Subscribe to a team guide</h3>
      {locked ? (
        <p className="muted">Your administrator allows only the managed guide.</p>
      ) : (
        <>
          <p className="muted">
            The lead publishes the guide file at an https:// address. Rapport fetches it now and every hour; that address is the only
            place Rapport ever connects to. Chrome asks you to allow Rapport to read from that site.
          </p>
          <label>
            <span className="label">Guide URL</span>
            <input type="url" aria-label="Guide URL" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/team-guide.json" style={{ width: '100%' }} />
          </label>
          <button type="button" className="primary" onClick={subscribe} disabled={busy || !url.trim()}>Subscribe</button>
          {subscribed && (
            <>
              <button type="button" onClick={() => void run(async () => (await send('guideRefresh', {}), 'Checked.'))} disabled={busy}>Check now</button>
              <button type="button" onClick={() => void run(async () => (await send('guideUnsubscribe', {}), 'Unsubscribed.'))} disabled={busy}>Unsubscribe</button>
              <SubscriptionStatus state={subscribed} label="Subscribed to" testId="guide-subscription" />
              {subscribedGranted === false && (
                <p>
                  Rapport may not read from this address.{' '}
                  <button type="button" onClick={() => grant(subscribed.url)} disabled={busy}>Grant access</button>
                </p>
              )}
            </>
          )}
        </>
      )}

      <h3>Signing key</h3>
      {keyFromPolicy ? (
        <p className="muted" data-testid="guide-key">Your administrator pinned the key: only guides signed with it are accepted.</p>
      ) : (
        <>
          <p className="muted">
            Pin your lead’s public key (the line in <code>rapport-guide.pub</code>) and Rapport refuses any subscribed guide that is unsigned or
            not signed with it.
          </p>
          <label>
            <span className="label">Pinned public key</span>
            <textarea aria-label="Pinned public key" value={key} onChange={(e) => setKey(e.target.value)} rows={2} spellCheck={false} readOnly={locked} style={{ width: '100%', fontFamily: 'ui-monospace, monospace', fontSize: 12 }} />
          </label>
          <button type="button" onClick={() => void run(async () => (await send('guidePinKey', { key }), key.trim() ? 'Key pinned; guides were re-checked.' : 'Key removed.'))} disabled={busy || locked || key.trim() === inputs.pinnedKey}>
            {key.trim() ? 'Pin key' : 'Remove key'}
          </button>
        </>
      )}
      <p role="status" className="ok" data-testid="guide-subscription-message">{status}</p>
    </div>
  );
}
