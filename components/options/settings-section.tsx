import { useEffect, useState } from 'react';
import { getSettings, setSettings, type Settings } from '@/lib/settings';
import { send } from '@/lib/messaging/client';

export function SettingsSection() {
  const [s, setS] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void getSettings().then(setS);
  }, []);
  if (!s) return null;
  const save = async (patch: Partial<Settings>) => {
    setS(await setSettings(patch));
    setSaved('Saved.');
  };
  return (
    <section aria-label="Settings">
      <h2>Settings</h2>
      <label>
        <span className="label">Your name (shown on contacts you log)</span>
        <input value={s.agentName} maxLength={200} onChange={(e) => setS({ ...s, agentName: e.target.value })} onBlur={() => save({ agentName: s.agentName })} />
      </label>
      <label>
        <span className="label">Country for phone numbers without a country code</span>
        <input value={s.defaultRegion} maxLength={2} size={3} onChange={(e) => setS({ ...s, defaultRegion: e.target.value.toUpperCase() })} onBlur={() => save({ defaultRegion: s.defaultRegion })} />
      </label>
      <label>
        <span className="label">Dates like 03/04 (in imported files and in the promises you write) mean</span>
        <select value={s.dateOrder} onChange={(e) => save({ dateOrder: e.target.value as Settings['dateOrder'] })}>
          <option value="DMY">3 April (day first)</option>
          <option value="MDY">March 4 (month first)</option>
        </select>
      </label>
      <label>
        <span className="label">Remind me of a promise this many minutes before it is due</span>
        <input type="number" min={0} max={1440} value={s.reminderLeadMinutes} onChange={(e) => setS({ ...s, reminderLeadMinutes: Number(e.target.value) })} onBlur={() => save({ reminderLeadMinutes: s.reminderLeadMinutes })} />
      </label>
      <label>
        <span className="label">Keep contacts for (days)</span>
        <input type="number" min={1} max={3650} value={s.retentionDays} onChange={(e) => setS({ ...s, retentionDays: Number(e.target.value) })} onBlur={() => save({ retentionDays: s.retentionDays })} />
      </label>
      <button type="button" onClick={async () => { const { deleted } = await send('applyRetention', {}); setSaved(`Deleted ${deleted} contacts older than ${s.retentionDays} days.`); }}>
        Apply retention now
      </button>
      <p role="status" className="ok">{saved}</p>
    </section>
  );
}
