import { useQuery } from '@tanstack/react-query';
import { send } from '@/lib/messaging/client';
import { dataKeys } from '@/lib/queries/data';

const DAYS = 30;

/**
 * "Send anyway" on replies the check judged canned, per agent: what a team lead coaches on.
 * Counts only; the replies themselves stay on the agent's machine.
 */
export function OverridesSection() {
  const q = useQuery({ queryKey: [...dataKeys.all, 'overrides', DAYS], queryFn: () => send('overrideStats', { days: DAYS }) });
  return (
    <section aria-label="Canned replies sent anyway">
      <h2>Canned replies sent anyway (last {DAYS} days)</h2>
      {!q.data ? null : q.data.length === 0 ? (
        <p className="muted" data-testid="overrides-empty">No agent has overridden the pre-send check.</p>
      ) : (
        <table data-testid="overrides">
          <thead>
            <tr><th scope="col">Agent</th><th scope="col">Sent anyway</th><th scope="col">Most often about</th><th scope="col">Last</th></tr>
          </thead>
          <tbody>
            {q.data.map((r) => (
              <tr key={r.agent}>
                <td>{r.agent}</td>
                <td>{r.count}</td>
                <td>{r.topRules.join(', ')}</td>
                <td>{new Date(r.lastAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
