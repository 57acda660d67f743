import { describe, expect, it } from 'vitest';
import { addBusinessDays, endOfWeek, nextWeekday } from '@/lib/promises/due';
import { formatIso, offsetOfIso, wallAt } from '@/lib/promises/zones';

describe('zones', () => {
  it('formats an instant with a negative, half-hour or zero offset', () => {
    const t = Date.parse('2026-11-24T19:00:00Z');
    expect(formatIso(t, 60)).toBe('2026-11-24T20:00:00+01:00');
    expect(formatIso(t, -300)).toBe('2026-11-24T14:00:00-05:00');
    expect(formatIso(t, 330)).toBe('2026-11-25T00:30:00+05:30');
    expect(formatIso(t, 0)).toBe('2026-11-24T19:00:00+00:00');
    expect(formatIso(t, -570)).toBe('2026-11-24T09:30:00-09:30');
  });

  it('reads the offset of an ISO timestamp', () => {
    expect(offsetOfIso('2026-11-24T20:00:00+01:00')).toBe(60);
    expect(offsetOfIso('2026-11-24T20:00:00-0530')).toBe(-330);
    expect(offsetOfIso('2026-11-24T20:00:00Z')).toBe(0);
    expect(offsetOfIso('2026-11-24T20:00:00')).toBeNull();
  });
});

describe('due helpers', () => {
  const friday = wallAt(Date.parse('2026-11-27T12:00:00Z'), 0);
  const saturday = wallAt(Date.parse('2026-11-28T12:00:00Z'), 0);

  it('counts business days past weekends', () => {
    expect(addBusinessDays(friday, 1)).toMatchObject({ month: 11, day: 30 });
    expect(addBusinessDays(saturday, 1)).toMatchObject({ month: 11, day: 30 });
    expect(addBusinessDays(friday, 6)).toMatchObject({ month: 12, day: 7 });
  });

  it('takes the next occurrence of a weekday, never the sent day itself', () => {
    expect(nextWeekday(friday, 5)).toMatchObject({ month: 12, day: 4 });
    expect(nextWeekday(friday, 1)).toMatchObject({ month: 11, day: 30 });
  });

  it('puts the end of the week on Friday', () => {
    expect(endOfWeek(friday)).toMatchObject({ month: 11, day: 27 });
    expect(endOfWeek(saturday)).toMatchObject({ month: 12, day: 4 });
  });
});
