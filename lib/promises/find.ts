/**
 * The promise finder: which clauses of a sent reply commit us to doing something by a time, and when that
 * time is, on the agent's clock. Pure: no DOM, no browser APIs, no host time zone (see zones.ts).
 *
 * Pipeline per sentence: mask quoted customer text → split into clauses → keep clauses with a commitment
 * cue ("I'll", "we will", "you'll receive", "expect a call") that are not conditional, questions, negated
 * or policy → read the clause's time expressions (our own patterns for durations, parts of the day, vague
 * words and numeric dates; chrono-node for the rest) → resolve one due time per clause.
 */
import { casual as chronoUS, GB as chronoGB } from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import { addBusinessDays, atTime, businessHour, DEFAULT_HOUR, endOfWeek, nextWeekday, QUALIFIER_HOURS, type Qualifier } from './due';
import type { DateLocale, FindOptions, FoundPromise, PromiseScan, TimeNudge } from './types';
import { addDays, compareDates, daysInMonth, formatIso, instantOf, wallAt, weekdayOf, type Wall } from './zones';

/**
 * Work caps, so a pasted novel or a reply listing twenty times stays fast: only the first MAX_SENTENCES
 * sentences are read, chrono sees at most MAX_CHRONO_CHARS of a sentence and runs on at most
 * MAX_CHRONO_SENTENCES sentences (only those with a commitment cue), and at most MAX_FINDINGS promises and
 * nudges are returned.
 */
export const LIMITS = { MAX_SENTENCES: 200, MAX_CHRONO_CHARS: 600, MAX_CHRONO_SENTENCES: 60, MAX_FINDINGS: 50 } as const;

export const VAGUE_MESSAGE = (word: string) => `Give the customer a time: “${word}” is not one.`;
export const IMPOSSIBLE_MESSAGE = (date: string) => `That date does not exist: “${date}”. Give the customer a real date.`;
export const PAST_MESSAGE = (time: string) => `“${time}” has already passed. Give the customer a time that is still ahead.`;

interface Span {
  start: number;
  end: number;
}

type Token = Span &
  (
    | { kind: 'duration'; unit: 'minute' | 'hour' | 'day' | 'businessDay'; n: number }
    | { kind: 'date'; year?: number; month: number; day: number; ambiguous?: string }
    | { kind: 'weekday'; weekday: number }
    | { kind: 'time'; hour: number; minute: number; meridiemGiven: boolean; tz?: number; midnight: boolean }
    | { kind: 'qualifier'; q: Qualifier; today: boolean }
    | { kind: 'endOfWeek'; next: boolean }
    | { kind: 'vague'; word: string }
    | { kind: 'impossible'; word: string }
  );

// ---------- text preparation ----------

/** ASCII-only lower-casing and apostrophe folding: keeps every offset valid (String#toLowerCase can change lengths). */
function fold(s: string): string {
  return s.replace(/[A-Z\u2019\u2018]/g, (c) => (c === '\u2019' || c === '\u2018' ? "'" : c.toLowerCase()));
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * Blanks out what the customer said, quoted back: "…" and “…” spans, '…' spans that open after a space or
 * colon, and e-mail quote lines starting with ">". Their promises are not ours.
 */
function maskQuotes(text: string): string {
  return text
    .replace(/^[ \t]*>.*$/gm, blank)
    .replace(/"[^"\n]{0,500}"|\u201c[^\u201d\n]{0,500}\u201d/g, blank)
    .replace(/(^|[\s:(])('(?:[^'\n]|'(?=[a-z]))+'(?=[\s.,;:!?)]|$))/gim, (_m, lead: string, q: string) => lead + blank(q));
}

const ABBREVIATIONS = /\b(?:mr|mrs|ms|dr|st|e\.g|i\.e|a\.m|p\.m|approx|no|vs|etc)$/i;

function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const boundary = /[.!?]+(?=\s|$)|\n/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && ABBREVIATIONS.test(text.slice(Math.max(start, m.index - 8), m.index))) continue;
    if (end > start) out.push({ start, end });
    start = end;
    if (out.length >= LIMITS.MAX_SENTENCES) return out;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

const CLAUSE_START =
  "(?:and|but|so|then|or|i|i'm|i'll|i've|i'd|we|we'll|we're|we've|you|you'll|you're|they|they'll|he|he'll|she|she'll|it|it'll|our|your|the|someone|somebody|a|an|my|this|that|please|if|unless|when|once|because|as|while|although|though|otherwise)\\b";
/** Clause boundaries: ; : dashes, a comma before a new subject or conjunction, and "and/but/so" before a new subject. */
const CLAUSE_BOUNDARY = new RegExp(
  `;|:\\s|\\s[-\u2013\u2014]\\s|,\\s+(?=${CLAUSE_START})|\\s(?=(?:and|but|so)\\s+(?:i|i'll|i'm|i've|we|we'll|we're|we've|you|you'll|they|they'll|he|he'll|she|she'll|it|it'll|this|that|our|the|someone|a|an|my|your)\\b)`,
  'g',
);

function clauses(low: string, s: Span): Span[] {
  const text = low.slice(s.start, s.end);
  const out: Span[] = [];
  let from = 0;
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (let m = CLAUSE_BOUNDARY.exec(text); m; m = CLAUSE_BOUNDARY.exec(text)) {
    if (m[0].length === 0) CLAUSE_BOUNDARY.lastIndex++;
    out.push({ start: s.start + from, end: s.start + m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: s.start + from, end: s.end });
  return out.filter((c) => /[a-z0-9]/.test(low.slice(c.start, c.end)));
}

// ---------- is this clause a commitment? ----------

/** Anything conditional in the sentence makes it no promise: "if you don't hear from us by Monday, call us". */
const CONDITIONAL =
  /\b(?:if|unless|in case|provided(?: that)?|as long as|in the event|otherwise|should you|(?:once|when|whenever|after|as soon as) (?:you|your)\b)/;
const NEGATED = /\b(?:won't|will not|'ll not|shan't|can't|cannot|can not|unable|not able|never|nothing|nobody|no one)\b/;
const POLICY =
  /\b(?:usually|typically|normally|generally|tends? to|on average|in most cases|as a rule|policy|can take|may take|might take|could take)\b|\b(?:orders|tickets|requests|emails|calls|refunds|returns|claims|messages|enquiries|inquiries|payments) (?:placed|submitted|received|made|sent|raised|logged)\b|\b(?:customers|anyone|those|people|everyone) who\b/;
/** A repeating schedule is not a deadline: "every Monday", "on Mondays", "daily". */
const RECURRING =
  /\b(?:every|each)\s+(?:other\s+)?(?:day|week|month|morning|afternoon|evening|night|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:daily|weekly|monthly|fortnightly)\b|\bon (?:mon|tues|wednes|thurs|fri|satur|sun)days\b/;
/** The agent saying when they are away: "I'll be on leave from Monday". */
const ABSENCE = /\b(?:be|am|'m|are|'re)\s+(?:on (?:leave|holiday|vacation|annual leave|a course|sick leave)|off (?:work|sick)|away|out of (?:the )?office)\b/;
/** What a customer can be promised to receive: "you'll have the refund", "you'll hear from us". */
const DELIVERABLE = new Set(['receive', 'get', 'have', 'see', 'hear', 'find', 'notice', 'be']);
const BE_DELIVERABLE = /^(?:contacted|called|refunded|credited|sent|notified|emailed|texted|updated|receiving|getting|hearing|seeing|reimbursed|compensated|able)$/;
const NOT_COMMITMENTS = new Set(['need', 'want', 'require', 'not', 'be']);
/** Verbs of a state, not of an act done for the customer: "the promotion will run until…", "your plan will renew on…". */
const STATE_VERBS = new Set(['renew', 'expire', 'run', 'end', 'close', 'remain', 'stay', 'last', 'increase', 'decrease', 'change', 'apply', 'start', 'begin', 'reopen', 'open', 'lapse', 'cost', 'rise', 'continue']);
const BE_STATE = /^(?:closed|open|unavailable|away|off|shut|busy|short|unable|happy|glad|sorry)$/;
/** Someone else's words reported: "the courier said he'll be there by noon". */
const REPORTED = /\b(?:said|says|told (?:me|us|you|him|her|them)|mentioned|claims?|claimed|thinks?|thought|hopes?|hoped|reckons?)(?:\s+that)?\s*$/;
/** A hedge anywhere in the sentence takes the promise back: "…, but I can't guarantee that". */
const HEDGED = /\b(?:can't|cannot|can not|couldn't|won't) (?:guarantee|promise)\b|\bno guarantee\b|\b(?:it's|it is) (?:likely|possible|probable)\b|\bbut it (?:might|may|could) be\b/;
/** What the customer owes or holds, whose future dates are facts about their account, not our commitments. */
const CUSTOMER_SIDE = new Set(['bill', 'payment', 'charge', 'debit', 'subscription', 'plan', 'contract', 'price', 'prices', 'fee', 'fees', 'premium', 'instalment', 'installment', 'membership', 'rate', 'tariff', 'sale', 'offer', 'promotion']);
const MODAL =
  /\b([a-z]+|\d+)(?:'ll|,?\s+will|,?\s+shall|'m\s+going\s+to|'re\s+going\s+to|'s\s+going\s+to|\s+(?:am|are|is)\s+going\s+to|'m\s+gonna|'re\s+gonna)\s+(?:(?:also|then|now|definitely|certainly|personally|absolutely|still|just|be sure to|make sure to)\s+)*([a-z]+)(?:\s+([a-z]+))?/g;
/**
 * A scheduled delivery in the present tense is a commitment too ("the new one ships tomorrow"), when it is
 * about this customer's item rather than orders in general ("orders ship the next working day" is policy).
 */
const SCHEDULED =
  /\b(?:your|the new|the replacement|it|this)\b(?:\s+[a-z]+){0,3}?\s+(?:ships|arrives|goes out|is (?:arriving|shipping|going out|being (?:delivered|dispatched|sent|shipped|collected)|booked (?:in )?for|(?:scheduled|confirmed|set|arranged) for|due (?:to arrive|on|by)))\b|\b(?:i've|we've|i have|we have|you're|you are|you've been|you have been)\s+(?:now\s+|also\s+)?(?:booked|scheduled|rebooked|reserved|arranged)\b|\b(?:your|the|our|it|this)\b(?:\s+[a-z']+){0,3}?\s+(?:is|are|has been|have been)\s+(?:now\s+)?(?:booked|scheduled|rebooked|confirmed|set|arranged)(?: in)? for\b/;
const OTHER_CUES =
  /\b(?:i|we) promise\b|\bpromise to\b|\blet me\b(?! know)|\byou can expect\b|^\W*(?:please\s+)?expect\b|\byou should (?:receive|get|see|have(?! received| got| been| had| seen| heard)|hear|be (?:contacted|called|refunded|credited|receiving|getting|hearing))\b|(?<!\b(?:before|until|so|once|when|after|if|unless|that)\s)\b(?:i|we|our [a-z]+|the [a-z]+|he|she|they) can (?:have|get|send|call|ring|email|book|arrange|fit|come|visit|deliver|collect|ship|install)\b|\b(?:i|we) guarantee\b|\b(?!you\b)[a-z]+(?: is| are|'s|'re) (?:coming|visiting|calling|arriving|delivering|collecting|popping round)\b|\b(?:i'm|i am|we're|we are) (?:sending|calling|booking|shipping|arranging|scheduling|dispatching|posting|refunding|ringing)\b/;

function isCommitment(clause: string): boolean {
  if (NEGATED.test(clause) || POLICY.test(clause) || RECURRING.test(clause) || ABSENCE.test(clause)) return false;
  if (/\?\s*$/.test(clause)) return false;
  if (OTHER_CUES.test(clause) || SCHEDULED.test(clause)) return true;
  MODAL.lastIndex = 0;
  for (let m = MODAL.exec(clause); m; m = MODAL.exec(clause)) {
    const [, subject = '', verb = '', next = ''] = m;
    if (REPORTED.test(clause.slice(0, m.index))) continue;
    if (CUSTOMER_SIDE.has(subject)) continue;
    if (subject !== 'i' && subject !== 'we' && (STATE_VERBS.has(verb) || (verb === 'go' && (next === 'up' || next === 'down')))) continue;
    if (subject === 'you') {
      if (!DELIVERABLE.has(verb)) continue;
      if (verb === 'have' && next === 'to') continue;
      if (verb === 'be' && !BE_DELIVERABLE.test(next)) continue;
      return true;
    }
    if (verb === 'ask' && next === 'you') continue; // "I'll ask you to…" is an instruction; "I'll ask the driver to call" is not
    if (verb === 'be' && (BE_STATE.test(next) || next === '')) continue; // "we'll be closed on Monday", "hours will be 9am to 6pm"
    if (verb === 'be' || !NOT_COMMITMENTS.has(verb)) return true;
  }
  return false;
}

// ---------- time expressions we read ourselves ----------

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, 'twenty-four': 24, 'twenty four': 24, 'forty-eight': 48, 'forty eight': 48,
  'seventy-two': 72, 'seventy two': 72,
};
const NUM = `(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty[- ]four|forty[- ]eight|seventy[- ]two|twenty|thirty)`;
const DURATION = new RegExp(
  `\\b((?:within|in|inside|under)\\s+(?:the\\s+next\\s+)?|the\\s+next\\s+)?${NUM}(?:\\s*(?:-|\u2013|to|or)\\s*${NUM})?\\s*(business|working|calendar)?\\s*(minutes?|mins?|hours?|hrs?|h|days?|weeks?)\\b(?!\\s+(?:ago|before|after|earlier|beforehand|prior|in advance|notice))`,
  'g',
);
const WITHIN_THE_HOUR = /\b(?:within|in) the (?:next )?hour\b/g;
const FORTNIGHT = /\b(?:within|in) (?:a|one|the next) fortnight\b/g;
/** "Monday next week", "next week on Tuesday": a day in the coming Monday-to-Sunday week. */
const WEEKDAY_NEXT_WEEK =
  /\b(mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+(?:of\s+)?next week\b|\bnext week,?\s+on\s+(mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b/g;
const HALF_AN_HOUR = /\b(?:within|in) (?:the next )?(?:half an hour|a half hour|half hour)\b/g;
/** "on the 4th", "by the 30th": a day of this month (next month once it has passed). chrono leaves these alone. */
const ORDINAL_DAY = /\b(?:on|by|before|for|until) the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z]{3})/g;
/** Short weekday names chrono does not read ("we will deliver on Sat."). */
const SHORT_WEEKDAY = /\b(?:on|by|until|before|this|next)\s+(sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\b\.?/g;
const SHORT_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const VAGUE = new RegExp(
  [
    'soon', 'shortly', 'asap', 'a\\.s\\.a\\.p', 'promptly', 'before long', 'in due (?:course|time)', '(?:in |within )?(?:the next |a )?day or two', '(?:in |within )?(?:the next |a )?(?:day|week|few days) or so', 'any day now', 'in the near future', 'in the new year',
    'as soon as (?:possible|we can|i can|we\'re able|i\'m able|we are able|i am able)', 'as quick(?:ly)? as (?:possible|we can|i can)',
    '(?:later |early |sometime )?(?:next|this|later this|later in the|the coming|the following) (?:week|month)',
    '(?:in|within|over) the (?:next|coming) (?:few|couple of) (?:working |business )?(?:days|hours|weeks)',
    '(?:in|within|over) (?:a|the) (?:few|couple(?: of)?) (?:more )?(?:working |business )?(?:days|hours|weeks)', 'a (?:few|couple(?: of)?) (?:working |business )?(?:days|hours|weeks)',
    'the coming (?:days|weeks)', 'at the earliest (?:opportunity|convenience)', 'in a (?:bit|while|little while)', 'at some point',
    'some ?time', 'later on', 'when(?:ever)? (?:possible|we can|i can)', 'later(?! than| today| tonight| this)',
  ]
    .map((p) => `\\b${p}\\b`)
    .join('|'),
  'g',
);

const QUALIFIER =
  /\b(?:good (?:morning|afternoon|evening|night)|(first thing)(?: in the morning| tomorrow morning)?|(end of (?:the |your |my |our )?(?:business |working |work )?day|end of business|close of (?:business|play)|eod|cob|eob)|(end of today)|(tonight)|this (morning|afternoon|evening|arvo)|(?:in the )?(morning|afternoon|evening|night|arvo)(?! of\b)|(lunch ?time|lunch|midday|noon))\b/g;
/** Christmas, which chrono does not know; "by"/"before" Christmas means in time for it, the 24th. */
const CHRISTMAS = /\b(?:(by|before|for) )?(?:christmas|xmas)( eve| day)?\b/g;
/** "tomorrow AM", "Monday pm": a part of the day, not a time. */
const DAY_AM_PM = /\b(?:tomorrow|today|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\s+(am|pm)\b(?!\s*\d)/g;
const NEXT_BUSINESS_DAY = /\b(?:the\s+)?next\s+(?:business|working)\s+day\b/g;
const END_OF_WEEK = /\b(?:end of (?:the |this )?(next )?week|by the weekend)\b/g;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'g');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:am|pm|a\\.m|p\\.m|:|\\d))`, 'g');
/** 03/04, 3/4/2027, 03.04.2027 ("." only with a year: 10.30 is a time). */
const NUMERIC_DATE = /(?<![\d/.:])(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{4}|\d{2}))?|\.(\d{1,2})\.(\d{4}|\d{2}))(?![\d/]|\.\d)/g;
// "half five" is 5:30 only as a time: never before a unit ("half 2 days") or after "a"/"and a" ("two and a half").
const CLOCK_WORDS = /\b(half past|quarter past|quarter to|(?<!\ba |and a )half) (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:days?|hours?|weeks?|months?|minutes?|mins?|hrs?|years?|dozen|%|percent|of|an?|the)\b)(?:\s*(am|pm|a\.m|p\.m))?/g;
/** "around 11", "about 3:30": chrono skips hedged bare hours. */
const ROUGH_HOUR = /\b(?:around|about|approx(?:imately)?|roughly)\s+(\d{1,2})(?:[:.](\d{2}))?\b(?!\s*(?:am|pm|a\.m|p\.m|%|days?|hours?|hrs?|minutes?|mins?|weeks?|business|working|o'clock)|[/.]\d|st\b|nd\b|rd\b|th\b)/g;
const BETWEEN_HOURS = /\bbetween (\d{1,2})(?:[:.](\d{2}))? and (\d{1,2})(?:[:.](\d{2}))?\b(?!\s*(?:am|pm|a\.m|p\.m|days?|hours?|weeks?|business|working|minutes?))/g;

function numberOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (WORD_NUMBERS[word.replace(/\s+/g, ' ')] ?? NaN);
}

/** The year a day-and-month with no year refers to: this year, or next year when that date has passed. */
function yearFor(month: number, day: number, sent: Wall): number {
  return compareDates({ year: sent.year, month, day }, sent) < 0 ? sent.year + 1 : sent.year;
}

function fullYear(y: string | undefined): number | undefined {
  if (!y) return undefined;
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function dateToken(span: Span, raw: string, month: number, day: number, year: number | undefined, sent: Wall, ambiguous?: string): Token {
  const y = year ?? yearFor(month, Math.min(day, 28), sent);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month)) return { ...span, kind: 'impossible', word: raw };
  return { ...span, kind: 'date', year: y, month, day, ambiguous };
}

function ownTokens(low: string, s: Span, sent: Wall, locale: DateLocale): Token[] {
  const text = low.slice(s.start, s.end);
  const out: Token[] = [];
  const at = (m: RegExpExecArray, from = 0, len = m[0].length): Span => ({ start: s.start + m.index + from, end: s.start + m.index + from + len });
  const all = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      f(m);
    }
  };

  all(DURATION, (m) => {
    const [whole, prefix, a = '', b, kind, unit = ''] = m;
    if (!prefix && /^an?$/.test(a)) return; // "twice a day" is not a deadline
    if (/\b(?:last|past|previous)\s+$/.test(text.slice(Math.max(0, m.index - 12), m.index))) return;
    const n = Math.max(numberOf(a), b ? numberOf(b) : 0); // a range promises its upper bound
    if (!Number.isFinite(n) || n <= 0) return;
    const u = unit.startsWith('min') ? 'minute' : unit.startsWith('h') ? 'hour' : unit.startsWith('w') ? 'week' : 'day';
    const span = at(m, 0, whole.length);
    if (u === 'week') out.push({ ...span, kind: 'duration', unit: 'day', n: n * 7 });
    else if (u === 'day' && (kind === 'business' || kind === 'working')) out.push({ ...span, kind: 'duration', unit: 'businessDay', n });
    else out.push({ ...span, kind: 'duration', unit: u, n });
  });
  all(WITHIN_THE_HOUR, (m) => out.push({ ...at(m), kind: 'duration', unit: 'hour', n: 1 }));
  all(NEXT_BUSINESS_DAY, (m) => out.push({ ...at(m), kind: 'duration', unit: 'businessDay', n: 1 }));
  all(DAY_AM_PM, (m) => {
    const from = m[0].length - (m[1] ?? '').length;
    out.push({ ...at(m, from, 2), kind: 'qualifier', q: m[1] === 'am' ? 'morning' : 'afternoon', today: false });
  });
  all(FORTNIGHT, (m) => out.push({ ...at(m), kind: 'duration', unit: 'day', n: 14 }));
  all(WEEKDAY_NEXT_WEEK, (m) => {
    const weekday = SHORT_WEEKDAYS.indexOf((m[1] ?? m[2] ?? '').slice(0, 3));
    const nextMonday = addDays(sent, 8 - (weekdayOf(sent) || 7));
    const d = addDays(nextMonday, (weekday + 6) % 7);
    out.push({ ...at(m), kind: 'date', year: d.year, month: d.month, day: d.day });
  });
  all(HALF_AN_HOUR, (m) => out.push({ ...at(m), kind: 'duration', unit: 'minute', n: 30 }));
  all(ORDINAL_DAY, (m) => {
    const day = Number(m[1]);
    const thisMonth = compareDates({ year: sent.year, month: sent.month, day }, sent) >= 0;
    const next = addDays({ ...sent, day: 1 }, 32);
    const [year, month] = thisMonth ? [sent.year, sent.month] : [next.year, next.month];
    out.push(dateToken(at(m), m[0], month, day, year, sent));
  });
  all(SHORT_WEEKDAY, (m) => out.push({ ...at(m), kind: 'weekday', weekday: SHORT_WEEKDAYS.indexOf((m[1] ?? '').slice(0, 3)) }));
  all(VAGUE, (m) => out.push({ ...at(m), kind: 'vague', word: m[0] }));
  all(END_OF_WEEK, (m) => out.push({ ...at(m), kind: 'endOfWeek', next: Boolean(m[1]) }));
  all(QUALIFIER, (m) => {
    const [, first, eod, eodToday, tonight, thisPart, part, noon] = m;
    const span = at(m);
    if (first) out.push({ ...span, kind: 'qualifier', q: 'firstThing', today: false });
    else if (eod) out.push({ ...span, kind: 'qualifier', q: 'endOfDay', today: false });
    else if (eodToday) out.push({ ...span, kind: 'qualifier', q: 'endOfDay', today: true });
    else if (tonight) out.push({ ...span, kind: 'qualifier', q: 'tonight', today: true });
    // "arvo" is Australian for afternoon ("this arvo").
    else if (thisPart) out.push({ ...span, kind: 'qualifier', q: thisPart === 'arvo' ? 'afternoon' : (thisPart as Qualifier), today: true });
    else if (part) out.push({ ...span, kind: 'qualifier', q: part === 'night' ? 'tonight' : part === 'arvo' ? 'afternoon' : (part as Qualifier), today: false });
    else if (noon) out.push({ ...span, kind: 'qualifier', q: 'lunch', today: false });
  });
  all(NUMERIC_DATE, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[4]);
    const year = fullYear(m[3] ?? m[5]);
    const gb = locale === 'en-GB';
    let [day, month] = gb ? [a, b] : [b, a];
    let ambiguous: string | undefined;
    if (month > 12 && day <= 12) {
      // Only the other reading exists (27/11 under en-US): nothing to confirm.
      [day, month] = [month, day];
    } else if (a !== b && a <= 12 && b <= 12) {
      ambiguous = `“${m[0]}” read as ${day} ${MONTH_NAMES[month - 1]} (date setting ${locale})`;
    }
    out.push(dateToken(at(m), m[0], month, day, year, sent, ambiguous));
  });
  const named = (m: RegExpExecArray, monthWord: string, dayDigits: string) => {
    const month = MONTHS.indexOf(monthWord.slice(0, 3)) + 1;
    const day = Number(dayDigits);
    const t = dateToken(at(m), m[0], month, day, undefined, sent);
    // Valid named dates are chrono's to read (it also knows years and weekdays); we only catch impossible ones.
    if (t.kind === 'impossible') out.push(t);
  };
  all(DAY_MONTH, (m) => named(m, m[2] ?? '', m[1] ?? ''));
  all(MONTH_DAY, (m) => named(m, m[1] ?? '', m[2] ?? ''));
  all(CHRISTMAS, (m) => {
    const [, by, which] = m;
    out.push(dateToken(at(m), m[0], 12, which === ' eve' || (by && which !== ' day') ? 24 : 25, undefined, sent));
  });
  all(CLOCK_WORDS, (m) => {
    // chrono does not read "half past two" or "half five" (5:30); British agents write both.
    const [, how, h = '', ampm] = m;
    let hour = numberOf(h);
    if (!Number.isFinite(hour) || hour > 12) return;
    const minute = how === 'half past' || how === 'half' ? 30 : how === 'quarter past' ? 15 : 45;
    if (how === 'quarter to') hour = hour === 1 ? 12 : hour - 1;
    if (ampm?.startsWith('p') && hour < 12) hour += 12;
    if (ampm?.startsWith('a') && hour === 12) hour = 0;
    out.push({ ...at(m), kind: 'time', hour, minute, meridiemGiven: Boolean(ampm), midnight: false });
  });
  all(BETWEEN_HOURS, (m) => {
    const [, h1, , h2, m2] = m;
    const hour = Number(h2);
    if (Number(h1) > 23 || hour > 23) return;
    out.push({ ...at(m), kind: 'time', hour, minute: Number(m2 ?? 0), meridiemGiven: false, midnight: false });
  });
  all(ROUGH_HOUR, (m) => {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) return;
    out.push({ ...at(m), kind: 'time', hour, minute: Number(m[2] ?? 0), meridiemGiven: false, midnight: false });
  });
  // "in a day or so" is vague, not one day.
  const vague = out.filter((t) => t.kind === 'vague');
  return out.filter((t) => t.kind !== 'duration' || !vague.some((v) => overlaps(v, t)));
}

// ---------- chrono ----------

const isDateToken = (t: Token) => t.kind === 'date' || t.kind === 'weekday' || t.kind === 'endOfWeek';
const PARENS = /\([^()]{0,120}\)/g;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function chronoTokens(results: readonly ParsedResult[], offset: number, own: readonly Token[]): Token[] {
  const out: Token[] = [];
  const blocking = own.filter((t) => t.kind === 'duration' || t.kind === 'vague' || t.kind === 'impossible' || t.kind === 'endOfWeek');
  const numericDates = own.filter((t) => t.kind === 'date');
  for (const r of results) {
    const span = { start: offset + r.index, end: offset + r.index + r.text.length };
    const tags = r.tags();
    if (tags.has('casualReference/now') || tags.has('result/relativeDate')) continue;
    if (/\b(?:last|yesterday|ago|previous|past)\b/i.test(r.text)) continue;
    if (blocking.some((t) => overlaps(t, span))) continue;
    const timeOnly = numericDates.some((t) => overlaps(t, span));
    for (const c of r.end ? [r.start, r.end] : [r.start]) {
      if (!timeOnly) {
        if (c.isCertain('day')) {
          out.push({ ...span, kind: 'date', year: c.isCertain('year') ? (c.get('year') ?? undefined) : undefined, month: c.get('month') ?? 1, day: c.get('day') ?? 1 });
        } else if (c.isCertain('weekday')) {
          out.push({ ...span, kind: 'weekday', weekday: c.get('weekday') ?? 0 });
        }
      }
      if (c.isCertain('hour')) {
        out.push({
          ...span,
          kind: 'time',
          hour: c.get('hour') ?? 0,
          minute: c.isCertain('minute') ? (c.get('minute') ?? 0) : 0,
          meridiemGiven: c.isCertain('meridiem'),
          tz: c.isCertain('timezoneOffset') ? (c.get('timezoneOffset') ?? undefined) : undefined,
          midnight: c.tags().has('casualReference/midnight') || /midnight/i.test(r.text),
        });
      }
    }
  }
  return out;
}

// ---------- resolving one clause ----------

interface Resolved {
  dueAt: number;
  ambiguous?: string;
}

/** null: no time in the clause; 'past': a clock time the reply names has gone by ("by 5pm today" sent at 5:20pm). */
function resolve(tokens: readonly Token[], opts: FindOptions, sent: Wall): Resolved | 'past' | null {
  const { sentAt, offsetMinutes } = opts;
  const duration = tokens.find((t) => t.kind === 'duration');
  if (duration) {
    if (duration.unit === 'minute') return { dueAt: sentAt + duration.n * 60_000 };
    if (duration.unit === 'hour') return { dueAt: sentAt + duration.n * 3_600_000 };
    const day = duration.unit === 'businessDay' ? addBusinessDays(sent, duration.n) : addDays(sent, duration.n);
    return { dueAt: instantOf(atTime(day, DEFAULT_HOUR), offsetMinutes) };
  }

  const dates = tokens.filter((t) => t.kind === 'date' || t.kind === 'weekday' || t.kind === 'endOfWeek');
  const times = tokens.filter((t) => t.kind === 'time');
  const qualifiers = tokens.filter((t) => t.kind === 'qualifier');
  if (!dates.length && !times.length && !qualifiers.length) return null;

  let date: Wall = sent;
  let ambiguous: string | undefined;
  const lastDate = dates[dates.length - 1];
  if (lastDate?.kind === 'date') {
    date = { ...sent, year: lastDate.year ?? yearFor(lastDate.month, lastDate.day, sent), month: lastDate.month, day: lastDate.day };
    ambiguous = lastDate.ambiguous;
  } else if (lastDate?.kind === 'weekday') date = nextWeekday(sent, lastDate.weekday);
  else if (lastDate?.kind === 'endOfWeek') date = addDays(endOfWeek(sent), lastDate.next ? 7 : 0);

  // The latest time named wins: "between 9am and 1pm" is done by 1pm.
  const time = times[times.length - 1];
  const firstThing = qualifiers.find((q) => q.q === 'firstThing');
  const qualifier = firstThing ?? qualifiers.find((q) => q.q === 'endOfDay') ?? qualifiers[qualifiers.length - 1];
  let wall: Wall;
  let tz = offsetMinutes;
  if (time) {
    // "7:30 tomorrow morning" is 07:30, "at 8 tonight" 20:00; with no part of the day, 1-7 means pm.
    const part = qualifier?.q;
    const hour =
      time.meridiemGiven || part === 'morning' || part === 'firstThing'
        ? time.hour
        : (part === 'afternoon' || part === 'evening' || part === 'tonight') && time.hour < 12
          ? time.hour + 12
          : businessHour(time.hour, false);
    wall = atTime(date, hour, time.minute);
    if (time.midnight && time.hour === 0) wall = addDays(wall, 1); // "by midnight on Sunday" ends Sunday
    if (time.tz !== undefined) tz = time.tz;
  } else {
    wall = atTime(date, qualifier ? QUALIFIER_HOURS[qualifier.q] : DEFAULT_HOUR);
  }
  let dueAt = instantOf(wall, tz);
  const dated = Boolean(lastDate) || qualifiers.some((q) => q.today);
  // A time of day already past, with no date, means the next day ("by 4pm", sent at 4:40pm).
  if (!dated && dueAt <= sentAt) dueAt = instantOf(addDays(wall, 1), tz);
  // "I'll email you tonight" sent at 20:15: the part of the day has begun, so the promise runs to the end of today.
  if (dueAt <= sentAt && !time && compareDates(date, sent) === 0 && (qualifier?.q === 'tonight' || qualifier?.q === 'evening')) {
    const endOfToday = instantOf(atTime(date, 23, 59), tz);
    if (endOfToday > sentAt) dueAt = endOfToday;
  }
  // Past events are not promises; a named clock time gone by is a slip the agent should hear about.
  if (dueAt <= sentAt) return time ? 'past' : null;
  return { dueAt, ambiguous };
}

// ---------- the finder ----------

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:\-\u2013\u2014(]/.test(text.charAt(start))) start++;
  // A clause split off at "…, and the refund will…" reads better without its joining word.
  const joiner = /^(?:and|but|so|then|or)\s+/i.exec(text.slice(start, Math.min(end, start + 6)));
  if (joiner && end - start > joiner[0].length) start += joiner[0].length;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

function offsetMinutesOk(n: number): number {
  return Number.isFinite(n) && Math.abs(n) <= 18 * 60 ? Math.round(n) : 0;
}

/**
 * Finds the promises with a time in a sent reply, and nudges for promises with a vague or impossible time.
 * Never throws; bad options (a non-finite sentAt) give an empty scan.
 */
export function findPromises(text: string, opts: FindOptions): PromiseScan {
  const scan: PromiseScan = { promises: [], nudges: [] };
  if (typeof text !== 'string' || !Number.isFinite(opts.sentAt) || Math.abs(opts.sentAt) > 8.64e15 - 1e12) return scan;
  const options: FindOptions = { ...opts, offsetMinutes: offsetMinutesOk(opts.offsetMinutes) };
  const locale: DateLocale = opts.locale === 'en-GB' ? 'en-GB' : 'en-US';
  const sent = wallAt(options.sentAt, options.offsetMinutes);
  // chrono reads relative words against a Date in the host zone: give it one whose local fields show the agent's clock.
  const reference = new Date(sent.year, sent.month - 1, sent.day, sent.hour, sent.minute, sent.second);
  const parser = locale === 'en-GB' ? chronoGB : chronoUS;

  const masked = maskQuotes(text);
  const low = fold(masked);
  let chronoRuns = 0;
  const full = () => scan.promises.length + scan.nudges.length >= LIMITS.MAX_FINDINGS;

  for (const s of sentences(low)) {
    if (full()) break;
    const sentence = low.slice(s.start, s.end);
    if (CONDITIONAL.test(sentence) || HEDGED.test(sentence)) continue;
    const all = clauses(low, s);
    const committed = all.filter((c) => isCommitment(low.slice(c.start, c.end)));
    if (!committed.length) continue;

    const own = ownTokens(low, s, sent, locale);
    let fromChrono: Token[] = [];
    if (chronoRuns < LIMITS.MAX_CHRONO_SENTENCES && /\d|day|tomorrow|tonight|noon|midnight|morning|afternoon|evening|week|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/.test(sentence)) {
      chronoRuns++;
      const window = masked.slice(s.start, Math.min(s.end, s.start + LIMITS.MAX_CHRONO_CHARS));
      let results: ParsedResult[] = [];
      try {
        results = parser.parse(window, reference);
      } catch {
        // chrono is third-party code fed arbitrary text; a sentence it cannot read simply has no chrono times.
        results = [];
      }
      fromChrono = chronoTokens(results, s.start, own);
    }
    const tokens = [...own, ...fromChrono].sort((a, b) => a.start - b.start);
    const parens: Span[] = [];
    for (let m = PARENS.exec(sentence); m; m = PARENS.exec(sentence)) parens.push({ start: s.start + m.index, end: s.start + m.index + m[0].length });

    for (const c of committed) {
      if (full()) break;
      let inClause = tokens.filter((t) => overlaps(t, c));
      // "before 4pm your time (7pm Eastern)": a time in brackets restates one outside them.
      const bracketed = (t: Token) => parens.some((p) => p.start <= t.start && t.end <= p.end);
      if (inClause.some((t) => t.kind === 'time' && !bracketed(t))) inClause = inClause.filter((t) => t.kind !== 'time' || !bracketed(t));
      // A schedule line "Tuesday - the engineer will come at 10am": the date is a label just before the clause.
      const prev = all[all.indexOf(c) - 1];
      if (prev && !inClause.some(isDateToken)) {
        const label = tokens.filter((t) => overlaps(t, prev) && isDateToken(t));
        let rest = low.slice(prev.start, prev.end);
        for (const t of label) rest = rest.slice(0, Math.max(0, t.start - prev.start)) + ' '.repeat(t.end - t.start) + rest.slice(t.end - prev.start);
        if (label.length && (rest.match(/[a-z]+/g) ?? []).length <= 2) inClause = [...label, ...inClause];
      }
      const span = trimmed(text, c);
      const impossible = inClause.find((t) => t.kind === 'impossible');
      if (impossible) {
        scan.nudges.push(nudge(text, impossible, IMPOSSIBLE_MESSAGE(text.slice(impossible.start, impossible.end))));
        continue;
      }
      const resolved = resolve(
        inClause.filter((t) => t.kind !== 'vague'),
        options,
        sent,
      );
      if (resolved === 'past') {
        const timed = inClause.filter((t) => t.kind !== 'vague');
        const span = { start: Math.min(...timed.map((t) => t.start)), end: Math.max(...timed.map((t) => t.end)) };
        scan.nudges.push(nudge(text, span, PAST_MESSAGE(text.slice(span.start, span.end))));
        continue;
      }
      if (resolved) {
        const found: FoundPromise = {
          text: text.slice(span.start, span.end),
          due: formatIso(resolved.dueAt, options.offsetMinutes),
          dueAt: resolved.dueAt,
          start: span.start,
          end: span.end,
        };
        if (resolved.ambiguous) found.ambiguous = resolved.ambiguous;
        scan.promises.push(found);
        continue;
      }
      const vague = inClause.find((t) => t.kind === 'vague');
      if (vague) scan.nudges.push(nudge(text, vague, VAGUE_MESSAGE(text.slice(vague.start, vague.end))));
    }
  }
  return scan;
}

function nudge(text: string, span: Span, message: string): TimeNudge {
  return { text: text.slice(span.start, span.end), start: span.start, end: span.end, message };
}
