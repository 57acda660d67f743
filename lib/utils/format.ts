/** Dates as agents read them: "19 February 2019". Calendar dates are formatted in UTC so they never shift a day. */
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const formatIsoDate = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
};
export const formatDateTime = (ms: number): string => dateTime.format(new Date(ms));

/** "5 years", "11 months", "3 weeks": how long someone has been a customer. */
export function tenure(sinceIso: string, now: number): string | null {
  const since = Date.parse(`${sinceIso}T00:00:00Z`);
  if (Number.isNaN(since) || since > now) return null;
  const days = Math.floor((now - since) / 86_400_000);
  const years = Math.floor(days / 365.25);
  if (years >= 1) return `${years} year${years === 1 ? '' : 's'}`;
  const months = Math.floor(days / 30.44);
  if (months >= 1) return `${months} month${months === 1 ? '' : 's'}`;
  const weeks = Math.floor(days / 7);
  return weeks >= 1 ? `${weeks} week${weeks === 1 ? '' : 's'}` : `${days} day${days === 1 ? '' : 's'}`;
}
