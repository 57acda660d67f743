/**
 * Every guide format step, in order. To add version N+1: write `vN-to-vN+1.ts`
 * (see README.md), append it here, add tests/fixtures/guides/vN+1.json, bump
 * CURRENT_GUIDE_SCHEMA_VERSION. tests/lib/guide/migrations.test.ts fails until all four are done.
 */
import type { RegisteredMigration } from './types';
import v1ToV2 from './v1-to-v2';

export const guideMigrations: readonly RegisteredMigration[] = [v1ToV2];
