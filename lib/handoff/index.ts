/**
 * The handoff note: what the next agent needs so the customer does not have to tell the story
 * again. Built from the sidebar's customer view; plain text only (it is pasted into a helpdesk's
 * internal note and shown in the sidebar as text), never HTML.
 *
 * Pure: the same input gives the same note. Customer and note text is kept verbatim apart from
 * line breaks and control characters, which are flattened so that a value can never start a
 * heading of its own ("\nOpen promises: none").
 */
import { classify } from '@/lib/suggest/classify';
import type { Category } from '@/lib/suggest/types';
import { factsGiven, stepLabel, type CustomerText } from '@/lib/told-us';

export interface HandoffInput {
  customer: { name?: string; since?: number };
  contacts: Array<{ at: number; channel: string; summary?: string; subject?: string; outcome?: string; agent?: string }>;
  openPromises: Array<{ text: string; dueAt: number; overdue: boolean }>;
  notes: Array<{ text: string; at: number }>;
  lastCustomerMessage?: string;
  now: number;
  /** IANA zone for the dates in the note; default the agent's own. */
  timeZone?: string;
}

export interface Handoff {
  issue: string;
  tried: string[];
  promises: string[];
  preferences: string[];
  /** Plain text, ready to paste into an internal note. */
  text: string;
}

const DAY_MS = 86_400_000;
const ISSUE_MAX = 160;
const ITEM_MAX = 160;
const TRIED_MAX = 6;
/** The newest contacts and notes say what matters; a 500-contact history must not cost more. */
const HISTORY_MAX = 200;

type Contact = HandoffInput['contacts'][number];
type OpenPromise = HandoffInput['openPromises'][number];
type NoteRow = HandoffInput['notes'][number];

// The input is the sidebar's customer view, which zod already checked where it crossed from the
// background (lib/messaging/views.ts). These guards only keep a caller's bug from breaking the
// note; they are plain checks because zod costs ~25 µs a row and a history can hold thousands.
const finiteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optString = (v: unknown) => (typeof v === 'string' ? v : undefined);

function contactRow(v: unknown): Contact | null {
  if (!v || typeof v !== 'object') return null;
  const c = v as Record<string, unknown>;
  if (!finiteNumber(c.at)) return null;
  return {
    at: c.at,
    channel: typeof c.channel === 'string' && c.channel.trim() ? c.channel : 'other',
    summary: optString(c.summary),
    subject: optString(c.subject),
    outcome: optString(c.outcome),
    agent: optString(c.agent),
  };
}
function promiseRow(v: unknown): OpenPromise | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as Record<string, unknown>;
  return typeof p.text === 'string' && finiteNumber(p.dueAt) ? { text: p.text, dueAt: p.dueAt, overdue: p.overdue === true } : null;
}
function noteRow(v: unknown): NoteRow | null {
  if (!v || typeof v !== 'object') return null;
  const n = v as Record<string, unknown>;
  return typeof n.text === 'string' && finiteNumber(n.at) ? { text: n.text, at: n.at } : null;
}

/** Keeps what is well-formed, drops the rest: one bad row must not lose the whole note. */
function rows<T>(check: (v: unknown) => T | null, value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const v of value) {
    const r = check(v);
    if (r) out.push(r);
  }
  return out;
}

/** One line of plain text: no line breaks or control characters, single spaces, at most `max` characters. */
function line(value: string | undefined, max = ITEM_MAX): string {
  if (typeof value !== 'string') return '';
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

const CATEGORY_LABEL: Record<Category, string> = {
  billing: 'Billing',
  outage: 'Outage',
  delivery: 'Delivery',
  cancellation: 'Cancellation',
  technical: 'Technical fault',
  account: 'Account',
  praise: 'Praise',
  complaint: 'Complaint',
  'how-to': 'Question',
};

function formatters(timeZone: string | undefined) {
  const make = (o: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat('en-GB', { ...o, ...(timeZone ? { timeZone } : {}) });
    } catch {
      return new Intl.DateTimeFormat('en-GB', o);
    }
  };
  const day = make({ day: 'numeric', month: 'short' });
  const dayYear = make({ day: 'numeric', month: 'short', year: 'numeric' });
  const time = make({ hour: '2-digit', minute: '2-digit', hour12: false });
  const monthYear = make({ month: 'long', year: 'numeric' });
  const year = make({ year: 'numeric' });
  return {
    /** "12 Mar", or "12 Mar 2025" when not this year. */
    date: (at: number, now: number) => (year.format(at) === year.format(now) ? day : dayYear).format(at),
    time: (at: number) => time.format(at),
    monthYear: (at: number) => monthYear.format(at),
  };
}

function issueOf(message: string | undefined, latest: { subject?: string; summary?: string } | undefined): string {
  const text = line(message, 2000) || line(latest?.subject, 2000) || line(latest?.summary, 2000);
  if (!text) return '';
  const c = classify(text);
  const words = line(c.situation.issue.summary, 2000) || text;
  return line(`${CATEGORY_LABEL[c.situation.category]}: ${words}`, ISSUE_MAX);
}

/** What agents did, as recorded in a summary: only sentences with an action worth not repeating. */
const AGENT_ACTION =
  /\b(?:reset|restarted|rebooted|re-?provisioned|sent|issued|booked|escalated|refunded|credited|replaced|advised|talked (?:cust(?:omer)? |them |her |him )?through|walked (?:cust(?:omer)? |them |her |him )?through|reinstalled|cleared|checked|ran|tested|raised|logged|arranged|dispatched|applied|waived|cancelled|updated|changed|swapped|ordered|scheduled|reported|chased)\b/i;

const normKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function triedOf(
  contacts: Contact[],
  notes: NoteRow[],
  message: string | undefined,
  now: number,
  date: (at: number) => string,
): string[] {
  const items: Array<{ at: number; text: string; key: string }> = [];

  // Steps the customer or an agent recorded as done, read the same way the "already told us" check reads them.
  const texts: CustomerText[] = [];
  if (message) texts.push({ text: message, at: now, source: 'message' });
  for (const n of notes) texts.push({ text: n.text, at: n.at, source: 'note' });
  for (const c of contacts) if (c.summary) texts.push({ text: c.summary, at: c.at, source: 'note' });
  for (const f of factsGiven(texts, { only: ['troubleshooting'] })) {
    if (f.kind !== 'troubleshooting') continue;
    const what = stepLabel(f.value);
    const by = f.source === 'message' ? 'customer, ' : '';
    items.push({ at: f.at, text: `${what.charAt(0).toUpperCase()}${what.slice(1)} (${by}${date(f.at)})`, key: `step ${normKey(what)}` });
  }

  for (const c of contacts) {
    const who = [c.channel, c.agent ? line(c.agent, 60) : ''].filter(Boolean).join(', ');
    const outcome = line(c.outcome);
    if (outcome) items.push({ at: c.at, text: `${outcome} (${date(c.at)}, ${who})`, key: normKey(outcome) });
    const summary = line(c.summary);
    if (summary && AGENT_ACTION.test(summary) && normKey(summary) !== normKey(outcome)) {
      items.push({ at: c.at, text: `${summary} (${date(c.at)}, ${who})`, key: normKey(summary) });
    }
  }

  items.sort((a, b) => b.at - a.at);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    out.push(item.text);
    if (out.length >= TRIED_MAX) break;
  }
  return out;
}

function promisesOf(promises: OpenPromise[], now: number, f: ReturnType<typeof formatters>): string[] {
  return [...promises]
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt - b.dueAt)
    .map((p) => `${p.overdue ? 'OVERDUE: ' : ''}${line(p.text)} (due ${f.date(p.dueAt, now)} ${f.time(p.dueAt)})`);
}

const CHANNEL_STATED: Array<[RegExp, string]> = [
  [/\b(?:e-?mail only|only (?:by |via )?e-?mail|prefers? (?:to be contacted by |contact by |contact via )?e-?mail|no (?:phone )?calls|do not (?:call|phone|ring)|don't (?:call|phone|ring))\b/i, 'email'],
  [/\b(?:phone only|only (?:by |via )?phone|prefers? (?:a )?(?:phone|call|calls|to be (?:called|rung|phoned)|phone calls?)|please (?:call|ring|phone)|call rather than e-?mail)\b/i, 'phone'],
  [/\b(?:prefers? (?:sms|text(?:s| messages?)?|to be texted)|text only|sms only)\b/i, 'SMS'],
  [/\b(?:prefers? (?:live )?chat|chat only)\b/i, 'chat'],
];
const TIME_STATED =
  /\b(?:(?:call|ring|phone|contact)(?: (?:her|him|them|me|back))? )?(?:after|before|between|from) \d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)?(?:\s?(?:and|-|to)\s?\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)?)?\b|\b(?:(?:call|ring|contact)(?: (?:her|him|them|me|back))? (?:in the )?)?(?:mornings?|afternoons?|evenings?|weekends?|weekdays?|lunchtimes?)(?: only)?\b|\bnot (?:on )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?)\b/i;
const LANGUAGES =
  'English|Welsh|Irish|Gaelic|Spanish|French|German|Polish|Portuguese|Italian|Arabic|Urdu|Punjabi|Bengali|Hindi|Mandarin|Cantonese|Chinese|Romanian|Turkish|Dutch|Russian|Ukrainian|Somali|Gujarati|Tamil|Japanese|Korean|Vietnamese|Greek|Lithuanian|Farsi|Persian|Tagalog|Swahili|Hungarian|Czech|Slovak|Bulgarian|British Sign Language|BSL';
const LANGUAGE_STATED = new RegExp(
  String.raw`\b(?:speaks?|prefers?|in|language:?|reply in|first language(?: is)?|speaker of)\s+(${LANGUAGES})\b|\b(${LANGUAGES})[ -]speak(?:er|ing)\b|\b(needs? an interpreter)\b`,
  'i',
);

function preferencesOf(contacts: Contact[], notes: NoteRow[], now: number, date: (at: number) => string): string[] {
  const byNewest = [...notes].sort((a, b) => b.at - a.at);
  const out: string[] = [];
  const noted = (at: number) => `(note, ${date(at)})`;

  let channel: string | undefined;
  for (const n of byNewest) {
    const hit = CHANNEL_STATED.find(([re]) => re.test(n.text));
    if (hit) {
      channel = `Channel: ${hit[1]} ${noted(n.at)}`;
      break;
    }
  }
  if (!channel && contacts.length >= 2) {
    // No stated preference: the channel they keep choosing is the next best guide, if it is a clear lead.
    const counts = new Map<string, number>();
    for (const c of contacts) counts.set(c.channel, (counts.get(c.channel) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    if (top && (!second || top[1] > second[1])) channel = `Channel: mostly ${line(top[0], 40)} (${top[1]} of ${contacts.length} contacts)`;
  }
  if (channel) out.push(channel);

  for (const n of byNewest) {
    const m = TIME_STATED.exec(n.text);
    if (m) {
      out.push(`Time: ${line(m[0], 80)} ${noted(n.at)}`);
      break;
    }
  }
  for (const n of byNewest) {
    const m = LANGUAGE_STATED.exec(n.text);
    if (m) {
      const lang = m[1] ?? m[2];
      out.push(`Language: ${lang ? lang.charAt(0).toUpperCase() + lang.slice(1) : 'needs an interpreter'} ${noted(n.at)}`);
      break;
    }
  }
  return out;
}

export function buildHandoff(input: HandoffInput): Handoff {
  const raw: Partial<HandoffInput> = input && typeof input === 'object' ? input : {};
  const now = typeof raw.now === 'number' && Number.isFinite(raw.now) ? raw.now : Date.now();
  const f = formatters(typeof raw.timeZone === 'string' ? raw.timeZone : undefined);
  const date = (at: number) => f.date(at, now);

  const contacts = rows(contactRow, raw.contacts).sort((a, b) => b.at - a.at);
  const recent = contacts.slice(0, HISTORY_MAX);
  const notes = rows(noteRow, raw.notes)
    .sort((a, b) => b.at - a.at)
    .slice(0, HISTORY_MAX);
  const promises = rows(promiseRow, raw.openPromises);
  const message = typeof raw.lastCustomerMessage === 'string' && raw.lastCustomerMessage.trim() ? raw.lastCustomerMessage : undefined;

  const issue = issueOf(message, recent[0]);
  const tried = triedOf(recent, notes, message, now, date);
  const promiseLines = promisesOf(promises, now, f);
  // Counting channels is cheap, so the whole history votes, not just the recent part.
  const preferences = preferencesOf(contacts, notes, now, date);

  const last30 = contacts.filter((c) => c.at >= now - 30 * DAY_MS && c.at <= now).length;
  const customer = raw.customer && typeof raw.customer === 'object' ? raw.customer : {};
  const name = line(customer.name, 120);
  const since = typeof customer.since === 'number' && Number.isFinite(customer.since) ? `, customer since ${f.monthYear(customer.since)}` : '';

  const list = (items: string[]) => (items.length ? items.map((i) => `- ${i}`).join('\n') : '- none recorded');
  const text = [
    ...(name ? [`Customer: ${name}`] : []),
    `Issue: ${issue || 'not stated'}`,
    'Tried:',
    list(tried),
    'Open promises:',
    promiseLines.length ? promiseLines.map((p) => `- ${p}`).join('\n') : '- none',
    'Preferences:',
    list(preferences),
    `Contacts: ${last30} in last 30 days${since}`,
  ].join('\n');

  return { issue, tried, promises: promiseLines, preferences, text };
}
