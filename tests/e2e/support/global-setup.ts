import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../../../lib/dev/chromium';

export default function globalSetup() {
  ensureChromium();
  const manifest = fileURLToPath(new URL('../../../.output/chrome-mv3/manifest.json', import.meta.url));
  if (!existsSync(manifest)) throw new Error('The extension is not built: run `npm run build` (npm test does it for you).');
}
