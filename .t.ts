import { importFile } from './lib/import';
function bigCsv(targetBytes: number, phones: boolean) {
  const parts = ['\uFEFFTicket ID,Requester,Requester email,Phone,Via,Created at,Subject,Description\r\n'];
  let size = parts[0]!.length; let rows = 0; let chunk: string[] = [];
  while (size < targetBytes) {
    rows++;
    const multi = rows % 50 === 0;
    const record = `${rows},"Customer ${rows}, Jr.",c${rows}@example.com,${phones ? `020 7946 ${String(rows % 10_000).padStart(4, '0')}` : ''},${rows % 3 ? 'Web form' : 'Voice'},2019-02-${String((rows % 28) + 1).padStart(2, '0')} 14:30,Order ${rows} question,"${multi ? 'First line\r\nsecond line with ""quotes""' : 'Asked about <b>delivery</b> times and returns policy'}"\r\n`;
    chunk.push(record); size += record.length;
    if (chunk.length === 10_000) { parts.push(chunk.join('')); chunk = []; }
  }
  parts.push(chunk.join(''));
  return { blob: new Blob(parts), rows };
}
for (const phones of [true, false]) {
const { blob, rows } = bigCsv(10 * 1024 * 1024, phones);
const t = performance.now();
const s = await importFile(blob, { 'Ticket ID': 'interaction.ticketId', Requester: 'customer.name', 'Requester email': 'customer.email', Phone: 'customer.phone', Via: 'interaction.channel', 'Created at': 'interaction.at', Subject: 'interaction.subject', Description: 'interaction.summary' }, { defaultRegion: 'GB', dateOrder: 'DMY' }, async () => {});
console.log('phones', phones, rows, s.rowsImported, Math.round(performance.now() - t), 'ms');
}
