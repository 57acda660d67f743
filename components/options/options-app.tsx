import { SettingsSection } from './settings-section';
import { ImportSection } from './import-section';
import { BackupSection } from './backup-section';
import { StatsSection } from './stats-section';
import { OverridesSection } from './overrides-section';
import { GuideSection } from './guide-section';
import { InHouseSitesSection } from './in-house-sites-section';

/** The options page: who the data belongs to (this machine), how to get it in and out. */
export function OptionsApp() {
  return (
    <main>
      <h1>Rapport</h1>
      <p className="muted">Customer history stays in this browser profile. Rapport sends nothing anywhere unless you subscribe to a team guide URL.</p>
      <StatsSection />
      <OverridesSection />
      <ImportSection />
      <BackupSection />
      <GuideSection />
      <InHouseSitesSection />
      <SettingsSection />
    </main>
  );
}
