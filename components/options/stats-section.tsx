import { useQuery } from '@tanstack/react-query';
import { send } from '@/lib/messaging/client';
import { dataKeys } from '@/lib/queries/data';

export function StatsSection() {
  const stats = useQuery({ queryKey: dataKeys.stats(), queryFn: () => send('stats', {}) });
  if (!stats.data) return null;
  const s = stats.data;
  return (
    <section aria-label="What Rapport holds">
      <h2>On this computer</h2>
      <div className="stats" data-testid="stats">
        <div><strong>{s.customers}</strong>customers</div>
        <div><strong>{s.interactions}</strong>contacts</div>
        <div><strong>{s.notes}</strong>notes</div>
        <div><strong>{s.promises}</strong>promises</div>
      </div>
    </section>
  );
}
