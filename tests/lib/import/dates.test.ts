import { describe, expect, it } from 'vitest';
import { guessDateOrder, parseDate } from '@/lib/import';

const local = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, m - 1, d, h, mi, s).getTime();
const DMY = { dateOrder: 'DMY' as const, now: new Date(2024, 0, 1) };
const MDY = { dateOrder: 'MDY' as const, now: new Date(2024, 0, 1) };

describe('parseDate', () => {
  it.each([
    ['2019-02-19', local(2019, 2, 19)],
    ['2019-02-19T14:30', local(2019, 2, 19, 14, 30)],
    ['2019-02-19 14:30', local(2019, 2, 19, 14, 30)],
    ['2019-02-19 14:30:05', local(2019, 2, 19, 14, 30, 5)],
    ['2019/02/19 2:30 pm', local(2019, 2, 19, 14, 30)],
    ['20190219', local(2019, 2, 19)],
    ['19/02/2019', local(2019, 2, 19)],
    ['19.02.2019 14:30', local(2019, 2, 19, 14, 30)],
    ['19-02-19', local(2019, 2, 19)],
    ['Feb 19, 2019', local(2019, 2, 19)],
    ['February 19th 2019', local(2019, 2, 19)],
    ['19 February 2019', local(2019, 2, 19)],
    ['19th of Feb 2019 at 9:05 AM', local(2019, 2, 19, 9, 5)],
    ['19-Feb-2019', local(2019, 2, 19)],
    ['Tuesday, 19 February 2019 12:00 am', local(2019, 2, 19)],
  ])('reads %j as local time', (raw, at) => {
    expect(parseDate(raw, DMY)?.at).toBe(at);
  });

  it.each([
    ['2019-02-19T14:30:00Z', Date.UTC(2019, 1, 19, 14, 30)],
    ['2019-02-19T14:30:00.250Z', Date.UTC(2019, 1, 19, 14, 30, 0, 250)],
    ['2019-02-19T14:30:00+01:00', Date.UTC(2019, 1, 19, 13, 30)],
    ['2019-02-19 14:30 -0500', Date.UTC(2019, 1, 19, 19, 30)],
    ['Tue, 19 Feb 2019 14:30:00 +0000', Date.UTC(2019, 1, 19, 14, 30)],
    ['Tue Feb 19 2019 14:30:00 GMT+0100 (Central European Standard Time)', Date.UTC(2019, 1, 19, 13, 30)],
    ['1550586600', Date.UTC(2019, 1, 19, 14, 30)],
    ['1550586600000', Date.UTC(2019, 1, 19, 14, 30)],
  ])('reads %j as an instant', (raw, at) => {
    expect(parseDate(raw, DMY)?.at).toBe(at);
  });

  it('reads Excel serial day numbers as local dates', () => {
    expect(parseDate('43515', DMY)).toEqual({ at: local(2019, 2, 19), date: '2019-02-19' });
    expect(parseDate('43515.5', DMY)?.at).toBe(local(2019, 2, 19, 12));
  });

  it('follows the chosen order for numeric day and month', () => {
    expect(parseDate('03/04/2019', DMY)?.date).toBe('2019-04-03');
    expect(parseDate('03/04/2019', MDY)?.date).toBe('2019-03-04');
    expect(parseDate('02/19/2019', MDY)?.date).toBe('2019-02-19');
  });

  it('rejects a numeric date that contradicts the chosen order instead of guessing', () => {
    expect(parseDate('19/02/2019', MDY)).toBeNull();
    expect(parseDate('02/19/2019', DMY)).toBeNull();
  });

  it('gives the calendar date as written, whatever the zone', () => {
    expect(parseDate('2019-02-19T23:30:00-08:00', DMY)?.date).toBe('2019-02-19');
    expect(parseDate('19 Feb 2019', DMY)?.date).toBe('2019-02-19');
  });

  it('puts two-digit years within ten years of now', () => {
    expect(parseDate('01/02/30', DMY)?.date).toBe('2030-02-01');
    expect(parseDate('01/02/45', DMY)?.date).toBe('1945-02-01');
  });

  it.each(['', 'yesterday', 'soon', '2019-02-30', '2019-13-01', '31/04/2019', '2019-02-19 25:00', '2019-02-19 13:00 pm', 'Feb 30, 2019', 'Foo 19, 2019', '123', '0.5', '1e9', '1800-01-01', '2019-02-19T14:30+25:00'])(
    'rejects %j',
    (raw) => {
      expect(parseDate(raw, DMY)).toBeNull();
    },
  );
});

describe('guessDateOrder', () => {
  it('settles the order when a day is above 12', () => {
    expect(guessDateOrder(['01/02/2019', '19/02/2019'])).toBe('DMY');
    expect(guessDateOrder(['02/19/2019', '01/02/2019'])).toBe('MDY');
  });

  it('says nothing when the sample is ambiguous or contradictory', () => {
    expect(guessDateOrder(['01/02/2019', '2019-02-19'])).toBeNull();
    expect(guessDateOrder(['19/02/2019', '02/19/2019'])).toBeNull();
  });
});
