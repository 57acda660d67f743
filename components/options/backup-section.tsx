import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { send } from '@/lib/messaging/client';
import { backupSchema } from '@/lib/schemas/backup';
import { describeZodError } from '@/lib/utils/zod-error';

/** Export everything as one JSON file; importing that file restores it exactly. */
export function BackupSection() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const qc = useQueryClient();
  const exportAll = async () => {
    const backup = await send('exportAll', {});
    const blob = new Blob([JSON.stringify(backup)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `rapport-backup-${backup.exportedAt.slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
    setStatus({ ok: true, text: `Exported ${backup.tables.customers.length} customers and ${backup.tables.interactions.length} contacts.` });
  };
  const restore = async (file: File) => {
    try {
      const parsed = backupSchema.safeParse(JSON.parse(await file.text()));
      if (!parsed.success) return setStatus({ ok: false, text: `Not a Rapport backup: ${describeZodError(parsed.error)}` });
      const counts = await send('restoreBackup', parsed.data);
      await qc.invalidateQueries();
      setStatus({ ok: true, text: `Restored ${counts.customers} customers and ${counts.interactions} contacts.` });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof SyntaxError ? `Not valid JSON: ${e.message}` : String(e instanceof Error ? e.message : e) });
    }
  };
  return (
    <section aria-label="Backup">
      <h2>Backup</h2>
      <p className="muted">A backup holds every customer, contact, note and promise. Restoring one replaces what is here now.</p>
      <button type="button" onClick={exportAll}>Export all data</button>
      <label>
        <span className="label">Restore from a backup file</span>
        <input type="file" accept="application/json,.json" aria-label="Restore from a backup file" onChange={(e) => e.target.files?.[0] && restore(e.target.files[0])} />
      </label>
      {status && <p role="status" className={status.ok ? 'ok' : 'error'}>{status.text}</p>}
    </section>
  );
}
