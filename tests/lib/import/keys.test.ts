import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { customerKey, mapRow, naturalKey, type MapOptions } from '@/lib/import';
import type { ColumnMapping, ImportRow } from '@/lib/schemas/import';

const OPTS: MapOptions = { defaultRegion: 'GB', dateOrder: 'DMY' };
const MAPPING: ColumnMapping = {
  Name: 'customer.name',
  Email: 'customer.email',
  Phone: 'customer.phone',
  When: 'interaction.at',
  Via: 'interaction.channel',
  Subject: 'interaction.subject',
  Body: 'interaction.summary',
  Agent: 'interaction.agent',
};
const BASE = { Name: 'Jane Doe', Email: 'jane@example.com', Phone: '', When: '2019-02-19 14:30', Via: 'phone', Subject: 'Broken screen', Body: 'Asked for photos', Agent: 'Aisha' };

function row(over: Partial<typeof BASE> = {}, line = 2): ImportRow {
  const r = mapRow({ ...BASE, ...over }, line, MAPPING, OPTS);
  if (!r.ok) throw new Error(r.error.reason);
  return r.row;
}

describe('naturalKey', () => {
  it('gives duplicate rows the same key, wherever they are in the file', () => {
    expect(naturalKey(row({}, 2))).toBe(naturalKey(row({}, 9000)));
    expect(naturalKey(row())).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is unchanged by spellings that mean the same thing', () => {
    const key = naturalKey(row());
    expect(naturalKey(row({ Email: 'JANE@example.com', When: '19/02/2019 14:30', Via: 'Phone call' }))).toBe(key);
    expect(naturalKey(row({ Subject: ' Broken  screen ', Body: 'Asked  for\r\n\tphotos ' }))).toBe(key);
    expect(naturalKey(row({ Agent: 'Leo', Phone: '020 7946 0958' }))).toBe(key);
  });

  it('changes with the customer, time, channel, subject or summary', () => {
    const key = naturalKey(row());
    for (const over of [{ Email: 'other@example.com' }, { When: '2019-02-19 14:31' }, { Via: 'email' }, { Subject: 'Broken case' }, { Body: 'Asked for receipts' }]) {
      expect(naturalKey(row(over))).not.toBe(key);
    }
  });

  it('cannot be fooled by moving text between subject and summary', () => {
    expect(naturalKey(row({ Subject: 'a', Body: 'b c' }))).not.toBe(naturalKey(row({ Subject: 'a b', Body: 'c' })));
  });

  it('depends on the values, not on the row number (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (subject, a, b) => {
        expect(naturalKey(row({ Subject: subject }, a))).toBe(naturalKey(row({ Subject: subject }, b)));
      }),
    );
  });
});

describe('customerKey', () => {
  it('uses the strongest identifier only', () => {
    const key = customerKey(row());
    expect(customerKey(row({ Phone: '020 7946 0958', Name: 'J. Doe' }))).toBe(key);
    expect(customerKey(row({ Email: 'other@example.com' }))).not.toBe(key);
  });

  it('falls back to phone, then name', () => {
    const byPhone = customerKey(row({ Email: '', Phone: '020 7946 0958' }));
    expect(customerKey(row({ Email: '', Phone: '+44 20 7946 0958', Name: 'Someone else' }))).toBe(byPhone);
    expect(customerKey(row({ Email: '', Name: 'Zoë  Doe' }))).toBe(customerKey(row({ Email: '', Name: 'zoe doe' })));
  });
});
