import type { Page } from '@playwright/test';
import { sampleBackup } from '../../../lib/demo/sample-data';
import { rapport } from './test';

/** Load the sample customers through the extension's own restore path. */
export async function seedSample(extPage: Page, now = Date.now()) {
  await rapport(extPage, 'restoreBackup', sampleBackup(now));
}
