import { AppDB } from '@/lib/db/app-db';
import type { ImportRow } from '@/lib/schemas/import';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

export const freshDb = () => new AppDB(`test-${crypto.randomUUID()}`);

export function row(n: number, over: Partial<ImportRow['customer']> = {}, interaction?: Partial<NonNullable<ImportRow['interaction']>>): ImportRow {
  return {
    row: n,
    customer: { emails: [], phones: [], ...over },
    ...(interaction ? { interaction: { channel: 'email', at: NOW - n * DAY, ...interaction } } : {}),
  };
}
