/**
 * Facts: everything a template may say, validated once. Record fields arrive from imports and
 * hosts, so each is checked here and anything unusable is dropped with a note the agent can see,
 * never guessed at.
 */
import type { Classification } from './classify';
import { cancelThingCue } from './classify/lexicon';
import { hash32 } from './classify/text';
import { echoes, messageSpecifics, type MessageSpecifics } from './specifics';
import type { Category, CustomerContext, Mood, PromiseRef, Situation } from './types';

export interface MissedPromise {
  /** "promised the technician would call by 8pm on Wednesday 13 March": follows "we". */
  clause: string;
  /** "technician to call by 8pm on Wednesday 13 March": for talking points and {promise}. */
  short: string;
}

export type Service = 'mobile' | 'broadband' | 'tv' | 'energy' | 'online' | 'general';

export interface Facts {
  situation: Situation;
  category: Category;
  mood: Mood;
  /** The mood phrasing follows: neutral when the message is not in English (we may misread it). */
  tone: Mood;
  language: 'en' | 'other';
  /** Something went wrong that is ours to own. Never true for praise or how-to. */
  failure: boolean;
  /** How to address the customer ("Aisha", "Mrs Okafor"), plain text. */
  name: string | null;
  since: { iso: string; monthYear: string; years: number } | null;
  contacts: number | null;
  missed: MissedPromise | null;
  open: MissedPromise[];
  /** The issue from our side ("your router keeps dropping"), or null. */
  issue: string | null;
  issueHasVerb: boolean;
  /** Other trouble they reported, from our side (verb clauses only). */
  issueAlternatives: string[];
  /** The message's sentences as written (capped), for quoting a detail back. */
  sentences: string[];
  /** A short version for talking points. */
  issueShort: string;
  task: string | null;
  request: string | null;
  praise: string | null;
  praisedFor: string | null;
  person: string | null;
  /** Who they praised when no name is given ("our engineer"). */
  role: string | null;
  details: string[];
  amounts: string[];
  dates: string[];
  service: Service;
  /** Cancelling one thing (an order, a visit) rather than leaving. */
  cancelThing: boolean;
  /** The message's concrete details, to check that long snippets echo one of them. */
  specifics: MessageSpecifics;
  /** A noun phrase from the message that names one of those details ("order 48213"), or null. */
  anchor: string | null;
  /** Seed for variant rotation: the same message and record always give the same choice. */
  seed: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Values from customers and records must never open a blank: ⟨ and ⟩ are reserved for the agent's fill-ins. */
export function plain(value: string): string {
  return value
    .replace(/[\u27e8\u2329\u3008]/g, '‹')
    .replace(/[\u27e9\u232a\u3009]/g, '›')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const titles = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lady|lord|rev)\.?$/i;

/** "Jane Smith" → "Jane"; "Dr. Amara Okafor" → "Dr Okafor". Markup stays literal text. */
export function addressName(raw: string | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const name = plain(raw).slice(0, 80);
  if (!/[\p{L}]/u.test(name)) return null;
  // Markup stays the literal text it is: a tag is one piece of a name, never split ("<img src=x>").
  const parts = name.match(/(?:<[^<>]{0,80}>|[^\s<])+|</g) ?? [name];
  const first = parts[0] ?? '';
  if (titles.test(first) && parts.length > 1) return `${first.replace(/\.$/, '')} ${parts[parts.length - 1] ?? ''}`;
  // "JOHN" or "john" from a CRM export reads as shouting or carelessness in a reply.
  if (/^\p{L}+$/u.test(first) && (first === first.toUpperCase() || first === first.toLowerCase()) && first.length > 1) {
    return first.charAt(0).toUpperCase() + first.slice(1).toLowerCase();
  }
  return first;
}

interface ParsedDate {
  y: number;
  m: number;
  d: number;
  hh?: number;
  mm?: number;
}

/** YYYY-MM-DD with an optional time, checked to be a real calendar date. */
export function parseIsoDate(value: string): ParsedDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  const out: ParsedDate = { y, m: mo, d };
  if (m[4] !== undefined && m[5] !== undefined) {
    const hh = Number(m[4]);
    const mm = Number(m[5]);
    if (hh > 23 || mm > 59) return null;
    out.hh = hh;
    out.mm = mm;
  }
  return out;
}

function weekdayOf(p: ParsedDate): string {
  return DAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()] ?? '';
}

/** "8pm", "8:30am": the wall-clock time as stored, never shifted by the viewer's time zone. */
function clock(hh: number, mm: number): string {
  const h12 = hh % 12 === 0 ? 12 : hh % 12;
  return `${h12}${mm ? `:${String(mm).padStart(2, '0')}` : ''}${hh < 12 ? 'am' : 'pm'}`;
}

const hasDay = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|tomorrow|yesterday)\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}\b|\d{4}-\d{2}-\d{2}|\b\d{1,2}\/\d{1,2}\b/i;
const hasTime = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:noon|midday|midnight|morning|afternoon|evening)\b/i;

const verbFirst =
  /^(?:to\s+)?(?:call|ring|phone|email|e-mail|text|send|refund|credit|fix|repair|visit|deliver|replace|install|arrange|book|cancel|check|confirm|update|get back|come|collect|reconnect|restore|activate|port|unlock|close|process|escalate|pay|post|return|reply|respond|investigate|look into|sort|chase|waive|reimburse|apply|issue|raise|reverse|remove|add|change|reset|ship|dispatch|provide|follow up|contact)\b/i;
const articleNouns = /^(?:callback|call back|call|refund|replacement|visit|credit|engineer|technician|new router|router|update|reply|response|discount|goodwill payment|payment|repair|fix|decision|delivery|email|letter|courier|collection)\b/i;
const roleSubject = /^(?:the |a |an |our |your )?(technician|engineer|courier|driver|team|manager|supervisor|agent|refund|replacement|parcel|order|credit|router|repair|installer|specialist|billing team|tech team)\s+(?:to|will|would|should|is to|was to)\s+(.+)$/i;

/** Our record's wording ("call cust back by 8pm") in the customer's terms ("call you back by 8pm"). */
function customerTerms(s: string): string {
  return s
    .replace(/\b(?:the )?(?:customer|cust|client|caller)\b(?:'s)?/gi, (m) => (/'s$/i.test(m) ? 'your' : 'you'))
    .replace(/\btheir\b/gi, 'your')
    .replace(/\bthem\b/gi, 'you');
}

export function describePromise(p: PromiseRef, notes: string[], label: string): MissedPromise | null {
  if (!p || typeof p.text !== 'string') return null;
  const text = customerTerms(plain(p.text).replace(/[.;!]+$/, '')).slice(0, 140);
  if (!text) return null;
  let due = '';
  if (p.dueAt !== undefined && p.dueAt !== null && p.dueAt !== '') {
    const parsed = typeof p.dueAt === 'string' ? parseIsoDate(p.dueAt) : null;
    if (!parsed) notes.push(`${label} due date "${String(p.dueAt).slice(0, 40)}" is not a valid date: left out`);
    else {
      const day = hasDay.test(text) ? '' : `${weekdayOf(parsed)} ${parsed.d} ${MONTHS[parsed.m - 1] ?? ''}`;
      const time = parsed.hh !== undefined && !(parsed.hh === 0 && parsed.mm === 0) && !hasTime.test(text) ? clock(parsed.hh, parsed.mm ?? 0) : '';
      const hasBy = /\bby\b/i.test(text);
      if (time && day) due = `${hasBy ? 'at' : 'by'} ${time} on ${day}`;
      else if (day) due = hasBy && hasTime.test(text) ? `on ${day}` : `by ${day}`;
      else if (time) due = `by ${time}`;
    }
  }
  const full = due ? `${text} ${due}` : text;
  const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
  let clause: string;
  const role = roleSubject.exec(full);
  if (verbFirst.test(full) && !/^(?:to\s+)?\S+\s+(?:of|from|for)\b/i.test(full)) clause = `promised to ${lowerFirst(full.replace(/^to\s+/i, ''))}`;
  else if (role?.[1] && role[2]) clause = `promised the ${role[1].toLowerCase()} would ${role[2]}`;
  else if (/\b(?:will|would|to be)\b/i.test(full)) clause = `told you ${lowerFirst(full).replace(/\bwill\b/gi, 'would')}`;
  else if (articleNouns.test(full)) clause = `promised you ${/^[aeiou]/i.test(full) ? 'an' : 'a'} ${lowerFirst(full)}`;
  else clause = `promised you ${lowerFirst(full)}`;
  return { clause, short: lowerFirst(full) };
}

function serviceOf(text: string): Service {
  if (/\b(?:mobile|sim|pac|stac|port|porting|handset|unlock|phone number|my number|contract phone|data plan|calls|signal|network)\b/i.test(text)) return 'mobile';
  if (/\b(?:broadband|internet|fibre|fiber|router|wi-?fi|landline|phone line|hub)\b/i.test(text)) return 'broadband';
  if (/\b(?:tv|television|channels|set-top|box|sky|streaming)\b/i.test(text)) return 'tv';
  if (/\b(?:electricity|gas|energy|meter|tariff)\b/i.test(text)) return 'energy';
  if (/\b(?:account|app|subscription|membership|online|data|profile|login)\b/i.test(text)) return 'online';
  return 'general';
}

/** A few words of a clause, cut at a natural break, for a talking point ("your router keeps dropping"). */
function briefly(clause: string, max = 8): string {
  const words = clause.replace(/[.!?]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length <= max + 1) return words.join(' ');
  let cut = words.slice(0, max);
  for (let n = max; n >= 3; n--) {
    if (/[,;:]$/.test(words[n - 1] ?? '') || /^(?:and|but|because|which|who|that|so|when|while)$/i.test(words[n] ?? '')) {
      cut = words.slice(0, n);
      break;
    }
  }
  while (cut.length > 3 && /^(?:the|a|an|to|of|and|your|our|my|for|on|in|at|with|by|it)$/i.test(cut[cut.length - 1] ?? '')) cut.pop();
  return cut.join(' ').replace(/[,;:]$/, '');
}

const nounPhrase =
  /\b(?:my|our|the) ((?:[\p{L}\p{N}£$€'-]+ ){0,2}?(?:router|bill|invoice|statement|parcel|package|order|broadband|internet|wi-?fi|phone|handset|laptop|app|tv box|box|contract|direct debit|landline|line|password|delivery|refund|replacement|charger|sim|meter|signal|connection|subscription|membership|voicemail|engineer|technician|courier|driver|fee|charge|payment|speed|speeds|data|number|code|store|shop|staff|case)s?)\b/giu;

/** The first detail of the message that a short phrase can carry: a reference, an amount, a named thing. */
function findAnchor(text: string, details: string[], amounts: string[], specifics: MessageSpecifics): string | null {
  const ref = details.find((d) => /\d{2}/.test(d));
  if (ref) return ref;
  const amount = amounts.find((a) => /\d.*\d/.test(a));
  if (amount) return `the ${amount}`;
  for (const m of text.matchAll(nounPhrase)) {
    const np = `your ${m[1] ?? ''}`.replace(/\s+/g, ' ').trim();
    if (echoes(np, specifics)) return plain(np);
  }
  return null;
}

export function buildFacts(c: Classification, record: CustomerContext | undefined, now: Date, notes: string[]): Facts {
  const { situation, details, signals } = c;
  const rec: CustomerContext = record && typeof record === 'object' ? record : {};

  let since: Facts['since'] = null;
  if (rec.customerSince !== undefined && rec.customerSince !== null && rec.customerSince !== '') {
    const p = typeof rec.customerSince === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rec.customerSince.trim()) ? parseIsoDate(rec.customerSince) : null;
    if (!p) notes.push(`customer_since "${String(rec.customerSince).slice(0, 40)}" is not a valid YYYY-MM-DD date: ignored`);
    else {
      const sinceMs = Date.UTC(p.y, p.m - 1, p.d);
      const nowMs = now.getTime();
      if (Number.isNaN(nowMs) || sinceMs > nowMs) notes.push('customer_since is in the future: ignored');
      else {
        const n = new Date(nowMs);
        let years = n.getUTCFullYear() - p.y;
        if (n.getUTCMonth() + 1 < p.m || (n.getUTCMonth() + 1 === p.m && n.getUTCDate() < p.d)) years--;
        since = { iso: rec.customerSince, monthYear: `${MONTHS[p.m - 1] ?? ''} ${p.y}`, years };
      }
    }
  }

  let contacts: number | null = null;
  if (rec.contactsLast30Days !== undefined && rec.contactsLast30Days !== null) {
    const n = rec.contactsLast30Days;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1000) contacts = n;
    else notes.push(`contacts in the last 30 days "${String(n).slice(0, 20)}" is not a whole number from 1: ignored`);
  }

  const missed = rec.missedPromise ? describePromise(rec.missedPromise, notes, 'missed promise') : null;
  const open = Array.isArray(rec.openPromises)
    ? rec.openPromises.slice(0, 5).flatMap((p) => {
        const d = p && typeof p === 'object' ? describePromise(p, notes, 'open promise') : null;
        return d ? [d] : [];
      })
    : [];

  const { category, mood, language } = situation;
  const nonFailure = category === 'praise' || category === 'how-to';
  // Another language: we cannot read the failure words, so the subject matter decides.
  const failure =
    !nonFailure &&
    ((language === 'other' && category !== 'cancellation') ||
      category === 'complaint' ||
      mood === 'angry' ||
      mood === 'frustrated' ||
      mood === 'worried' ||
      signals.problem >= 2 ||
      signals.sarcasm ||
      missed !== null ||
      (contacts ?? 0) >= 3);

  const nameWords = new Set(
    (typeof rec.name === 'string' ? rec.name : '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}'’-]+/u)
      .filter((w) => w && !titles.test(w)),
  );
  const specifics = messageSpecifics(c.text, nameWords);
  const anchor = findAnchor(c.text, details.details, situation.issue.amounts, specifics);
  // Name the trouble with the customer's most specific words: when the main clause carries none of
  // their details (no number, name or distinctive word), a second issue they raised may.
  const main: { text: string; hasVerb: boolean } | null = details.clause ? { text: details.clause, hasVerb: details.clauseHasVerb } : null;
  let issue = main ?? details.alternatives[0] ?? null;
  // Only a clause that says what happened (has a verb) may replace the main one: "order #55102" is a detail, not the issue.
  if (issue && specifics.any && !echoes(issue.text, specifics)) issue = details.alternatives.find((a) => a.hasVerb && echoes(a.text, specifics)) ?? issue;
  const base = issue?.text ?? situation.issue.summary;
  const issueShort = briefly(base);
  const seedSource = [
    c.text,
    rec.name ?? '',
    rec.customerSince ?? '',
    String(rec.contactsLast30Days ?? ''),
    rec.missedPromise?.text ?? '',
    rec.missedPromise?.dueAt ?? '',
  ].join('\u0001');

  return {
    situation,
    category,
    mood,
    tone: language === 'other' ? 'neutral' : mood,
    language,
    failure,
    name: addressName(rec.name),
    since,
    contacts,
    missed,
    open,
    issue: issue ? plain(issue.text) : null,
    issueHasVerb: issue?.hasVerb ?? false,
    issueAlternatives: [main, ...details.alternatives].filter((a): a is { text: string; hasVerb: boolean } => a !== null && a !== issue && a.hasVerb).map((a) => plain(a.text)),
    sentences: c.signals.sentences.slice(0, 40).map((s) => plain(s.text).slice(0, 160)),
    issueShort: plain(issueShort),
    task: details.task ? plain(details.task) : null,
    request: details.request ? plain(details.request) : null,
    praise: details.praise ? plain(details.praise) : null,
    praisedFor: details.praisedFor ? plain(details.praisedFor) : null,
    person: details.person,
    role: details.role,
    details: details.details.map(plain),
    amounts: situation.issue.amounts.map(plain),
    dates: situation.issue.dates.map(plain),
    service: serviceOf(c.text),
    cancelThing: signals.cancelThing || (category === 'cancellation' && mood !== 'leaving' && cancelThingCue.test(c.text.toLowerCase())),
    specifics,
    anchor,
    seed: hash32(seedSource),
  };
}
