import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from '../../../lib/dev/chromium';
import { extensionDir } from './test';

export default function globalSetup() {
  ensureChromium();
  const manifest = join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) throw new Error('The extension is not built: run `npm run build` (npm test does it for you).');
}
