import { describe, expect, it } from 'vitest';
import { importFile, type BatchInfo } from '@/lib/import';
import type { ImportRow } from '@/lib/schemas/import';

/**
 * A 50 MB export, built in memory as a Blob of many parts (as a picked file would be read),
 * with quoted multi-line text, CRLF line endings and a few bad rows spread through it.
 */
const DESCRIPTION =
  'Customer asked about <b>delivery</b> times and our returns policy for an order that arrived late, ' +
  'then asked whether the replacement could be sent to a different address; explained the options, ' +
  'offered a refund of the delivery charge, and agreed to call back on Monday after checking with the depot.';

function bigCsv(targetBytes: number): { blob: Blob; rows: number; bad: number[] } {
  const parts = ['\uFEFFTicket ID,Requester,Requester email,Phone,Via,Created at,Subject,Description\r\n'];
  let size = parts[0]!.length;
  let rows = 0;
  const bad: number[] = [];
  let line = 2;
  let chunk: string[] = [];
  while (size < targetBytes) {
    rows++;
    const multi = rows % 50 === 0;
    const broken = rows % 100_000 === 0;
    // Rows about as wide as a real ticket export's (a few hundred bytes, mostly description).
    const record =
      `${rows},"Customer ${rows}, Jr.",c${rows}@example.com,${rows % 10 ? '' : `020 7946 ${String(rows % 10_000).padStart(4, '0')}`},` +
      `${rows % 3 ? 'Web form' : 'Voice'},${broken ? 'not a date' : `2019-02-${String((rows % 28) + 1).padStart(2, '0')} 14:30`},` +
      `Order ${rows} question,"${multi ? 'First line\r\nsecond line with ""quotes""' : DESCRIPTION}"\r\n`;
    if (broken) bad.push(line);
    line += multi ? 2 : 1;
    chunk.push(record);
    size += record.length;
    if (chunk.length === 10_000) {
      parts.push(chunk.join(''));
      chunk = [];
    }
  }
  parts.push(chunk.join(''));
  return { blob: new Blob(parts), rows, bad };
}

describe('importing a 50 MB CSV', () => {
  it('completes, counting every row and reporting the bad ones', async () => {
    const { blob, rows, bad } = bigCsv(50 * 1024 * 1024);
    expect(blob.size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    let delivered = 0;
    let batches = 0;
    let lastRow = 0;
    let sample: ImportRow | undefined;
    const sink = async (batch: ImportRow[], info: BatchInfo) => {
      delivered += batch.length;
      batches++;
      lastRow = info.lastRow;
      sample ??= batch[0];
    };
    const summary = await importFile(blob, { 'Ticket ID': 'interaction.ticketId', Requester: 'customer.name', 'Requester email': 'customer.email', Phone: 'customer.phone', Via: 'interaction.channel', 'Created at': 'interaction.at', Subject: 'interaction.subject', Description: 'interaction.summary' }, { defaultRegion: 'GB', dateOrder: 'DMY' }, sink);
    expect(summary.rowsRead).toBe(rows);
    expect(summary.rowsImported).toBe(rows - bad.length);
    expect(delivered).toBe(rows - bad.length);
    expect(summary.errors.map((e) => e.row)).toEqual(bad);
    expect(batches).toBe(Math.ceil(rows / 1000));
    expect(lastRow).toBe(summary.lastRow);
    expect(sample).toMatchObject({ row: 2, customer: { name: 'Customer 1, Jr.', emails: ['c1@example.com'], phones: [] }, interaction: { channel: 'ticket' } });
  }, 60_000);
});
