import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { permissionOrigin } from '@/lib/adapters/generic';
import type { GenericAdapter, Guide } from '@/lib/guide/schema';
import { getActiveGuide, watchActiveGuide } from '@/lib/settings/guide';

interface Row {
  config: GenericAdapter;
  origin: string | null;
  granted: boolean;
  offByGuide: boolean;
}

async function rows(guide: Guide | undefined): Promise<Row[]> {
  return Promise.all(
    (guide?.generic ?? []).map(async (config) => {
      const origin = permissionOrigin(config.urlPattern);
      return {
        config,
        origin,
        granted: !!origin && (await browser.permissions.contains({ origins: [origin] })),
        offByGuide: guide?.sites?.[config.id]?.enabled === false,
      };
    }),
  );
}

/**
 * In-house tools from the active team guide. Rapport asks for each origin only when the agent
 * enables it here (optional host permission, one origin at a time); the background then
 * registers the sidebar there (lib/background/content-scripts.ts).
 */
export function InHouseSitesSection() {
  const [list, setList] = useState<Row[] | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    const refresh = () => void getActiveGuide().then((a) => rows(a?.guide)).then(setList, () => setList([]));
    refresh();
    const stop = watchActiveGuide(refresh);
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      stop();
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  if (!list?.length) return null;

  // permissions.request needs the click's user gesture: it is the first call in the handler.
  const enable = (row: Row) => {
    if (!row.origin) return;
    browser.permissions.request({ origins: [row.origin] }).then(
      (ok) => setStatus(ok ? `Enabled on ${row.origin}. Open tabs there show the sidebar now.` : `Not enabled: the browser did not grant ${row.origin}.`),
      (e) => setStatus(`Not enabled: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const disable = (row: Row) => {
    if (!row.origin) return;
    browser.permissions.remove({ origins: [row.origin] }).then(
      (ok) => setStatus(ok ? `Turned off on ${row.origin}.` : `Could not turn off ${row.origin}.`),
      (e) => setStatus(`Could not turn off ${row.origin}: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  return (
    <section aria-label="In-house tools">
      <h2>In-house tools</h2>
      <p className="muted">Your team guide describes these tools. Rapport runs on one only after you enable it here; the browser asks you first.</p>
      <ul>
        {list.map((row) => (
          <li key={row.config.id} data-testid="in-house-site">
            <strong>{row.config.label}</strong> <code>{row.config.urlPattern}</code>{' '}
            {row.offByGuide ? (
              <span className="muted">Turned off by your team guide.</span>
            ) : !row.origin ? (
              <span className="error">Only https addresses can be enabled.</span>
            ) : row.granted ? (
              <>
                <span className="ok">On.</span>{' '}
                <button type="button" onClick={() => disable(row)}>Turn off</button>
              </>
            ) : (
              <button type="button" className="primary" onClick={() => enable(row)}>Enable on {row.origin.slice(0, -2)}</button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="ok">{status}</p>
    </section>
  );
}
