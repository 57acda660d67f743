/** The due-time rules, as small pure functions over agent wall-clock times. */
import { addDays, weekdayOf, type Wall } from './zones';

/** A date given without a time of day is due at 17:00 (end of the working day). */
export const DEFAULT_HOUR = 17;

/** Hours for the named parts of a day. */
export const QUALIFIER_HOURS = {
  firstThing: 9,
  morning: 12,
  lunch: 12,
  afternoon: 17,
  endOfDay: 17,
  evening: 20,
  tonight: 20,
} as const;
export type Qualifier = keyof typeof QUALIFIER_HOURS;

export function atTime(w: Wall, hour: number, minute = 0): Wall {
  return { ...w, hour, minute, second: 0 };
}

/** N business (working) days after `from`: Saturdays and Sundays do not count; bank holidays are not known. */
export function addBusinessDays(from: Wall, n: number): Wall {
  let w = from;
  let left = n;
  while (left > 0) {
    w = addDays(w, 1);
    const wd = weekdayOf(w);
    if (wd !== 0 && wd !== 6) left--;
  }
  return w;
}

/** A weekday name means its next occurrence strictly after the sent date ("Friday" said on a Friday is a week later). */
export function nextWeekday(from: Wall, weekday: number): Wall {
  const diff = (((weekday - weekdayOf(from)) % 7) + 7) % 7;
  return addDays(from, diff === 0 ? 7 : diff);
}

/** "End of the week": the Friday of the sent week, or the next one when sent at the weekend. */
export function endOfWeek(from: Wall): Wall {
  const wd = weekdayOf(from);
  return addDays(from, wd === 6 ? 6 : wd === 0 ? 5 : 5 - wd);
}

/**
 * Hours written without am/pm ("at 4", "between 8 and 12"): customer-service callbacks happen in the working
 * day, so 1-7 means the afternoon.
 */
export function businessHour(hour: number, meridiemGiven: boolean): number {
  return !meridiemGiven && hour >= 1 && hour <= 7 ? hour + 12 : hour;
}
