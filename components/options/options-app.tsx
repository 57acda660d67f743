import { SettingsSection } from './settings-section';
import { ImportSection } from './import-section';
import { BackupSection } from './backup-section';
import { StatsSection } from './stats-section';
import { OverridesSection } from './overrides-section';
import { GuideSection } from './guide-section';
import { InHouseSitesSection } from './in-house-sites-section';
import { FollowUps } from '@/components/follow-ups/follow-ups';

/** The options page: who the data belongs to (this machine), how to get it in and out. */
export function OptionsApp() {
  return (
    <main>
      <h1>Rapport</h1>
      <p className="muted">Customer history stays in this browser profile. Rapport sends nothing anywhere unless you subscribe to a team guide URL.</p>
      <section id="follow-ups" aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title">My follow-ups</h2>
        <FollowUps actions />
      </section>
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
