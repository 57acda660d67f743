/**
 * The whole import of 100,000 rows as an agent runs it: pick the file in the options page,
 * click Import, wait for "Done". Parsing and mapping happen in the page, writing in the
 * background through importBatch messages, exactly as in production.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { launchWithExtension } from '../../lib/dev/chromium';
import type { BenchFigure } from './extension';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function crmCsv(rows: number, customers: number): string {
  const out = ['Customer ID,Full name,Email,Phone,Customer since,Ticket ID,Date,Channel,Subject,Description,Agent'];
  for (let i = 0; i < rows; i++) {
    const c = i % customers;
    const day = String((i % 28) + 1).padStart(2, '0');
    // A customer's own fields are the same on every row, as in a real export.
    const sinceDay = String((c % 28) + 1).padStart(2, '0');
    out.push(`C${c},Customer ${c},customer${c}@example.com,07700 9${String(c).padStart(5, '0').slice(-5)},2019-02-${sinceDay},T${i},2026-10-${day} 10:${String(i % 60).padStart(2, '0')},${['email', 'phone', 'chat'][i % 3]},Subject ${i % 500},"Summary of contact ${i}, with a comma",Agent ${i % 12}`);
  }
  return out.join('\n');
}

export async function benchImportWrite(rows = 100_000, customers = 10_000): Promise<BenchFigure[]> {
  const { context, extensionId, cleanup } = await launchWithExtension({ extensionDir: resolve(root, process.env.RAPPORT_OUT_DIR || '.output', 'chrome-mv3') });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const csv = Buffer.from(crmCsv(rows, customers));
    await page.getByLabel('File to import').setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 600_000 });
    const seconds = (Date.now() - t0) / 1000;
    const done = await page.getByTestId('import-done').textContent();
    return [
      {
        name: `import-${Math.round(rows / 1000)}k`,
        value: Math.round(seconds * 10) / 10,
        unit: 's',
        budget: 20,
        detail: `${rows.toLocaleString('en')} CSV rows, pick file → Done (options page + background); ${(csv.length / 1e6).toFixed(1)} MB; ${Math.round(rows / seconds)} rows/s; ${done?.replace(/^Done: /, '')}`,
      },
    ];
  } finally {
    await cleanup();
  }
}
