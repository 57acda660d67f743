/**
 * "The customer already told us": facts a customer gave (in messages, agents' notes and call
 * logs), and the sentences of a draft that ask for one of them again. Asking a customer to repeat
 * an order number or a troubleshooting step they already did is the commonest complaint about
 * support after waiting, so the sidebar flags it while the agent types.
 *
 * Pure and synchronous. Neither function throws: bad input yields no facts and no flags, because
 * a wrong "you already asked" is a nuisance but a crashed sidebar is worse.
 */
import { z } from 'zod';
import { normalizeEmail } from '@/lib/identity/email';
import { whenSaid } from './dates';
import {
  ACCOUNT_GIVEN,
  ACK,
  ADDRESS_GIVEN,
  ASKED_FOR,
  deviceAfter,
  DEVICE_AFTER,
  deviceName,
  EMAIL_GIVEN,
  FAULT_GIVEN,
  IDENTITY_GIVEN,
  NOT_DONE,
  ORDER_GIVEN,
  PHONE_GIVEN,
  POSTCODE_GIVEN,
  refKey,
  REQUEST,
  STEPS,
  type FactKind,
  type Step,
} from './patterns';

export type { FactKind } from './patterns';
export { repeatsOnIssue, type IssueContact } from './repeats';
export { whenSaid } from './dates';

export type FactSource = 'message' | 'note' | 'call';

export interface GivenFact {
  kind: FactKind;
  /** The reference, address or step as given ("A-99812", "restart router"); absent for identity-verified. */
  value?: string;
  /** Epoch ms of the contact. */
  at: number;
  source: FactSource;
  /** The contact it was given in, when known: identity checks only count for the same contact. */
  contactKey?: string;
}

export interface CustomerText {
  text: string;
  at: number;
  source: FactSource;
  /** The contact (ticket/conversation) it belongs to. */
  contactKey?: string;
}

export interface AskedAgain {
  kind: FactKind;
  /** "They gave their order number on 12 March (12345)." Plain text. */
  message: string;
  /** The asking phrase in the draft: draft.slice(start, end). */
  start: number;
  end: number;
  fact: GivenFact;
}

export interface AskedAgainOptions {
  /** Epoch ms; default Date.now(). Decides "today" / "on Tuesday" / "on 12 March". */
  now?: number;
  /** The contact the draft answers; identity checks done on it need not be repeated. */
  currentContactKey?: string;
  /** Date wording; default en-GB ("12 March"). */
  locale?: string;
  /** IANA zone for calendar days; default the agent's own. */
  timeZone?: string;
}

const customerTextSchema = z.object({
  text: z.string(),
  at: z.number().refine(Number.isFinite),
  source: z.enum(['message', 'note', 'call']),
  contactKey: z.string().optional(),
});

/** A long paste (a log, a forwarded thread) must not cost more than a normal message. */
const MAX_TEXT = 10_000;
const MAX_DRAFT = 20_000;
const MAX_FAULTS_PER_TEXT = 3;
/** Every step's wording in one pattern: one scan rules out most sentences before ten per-step scans. */
const ANY_STEP = new RegExp(STEPS.map((s) => s.any.source).join('|'), 'i');

/** Curly apostrophes as straight ones, same length, so offsets into the draft stay valid. */
const fold = (s: string) => s.replace(/[\u2018\u2019\u02bc]/g, "'");

interface Span {
  start: number;
  end: number;
}

/**
 * Sentences with their offsets. A stop ends a sentence only before whitespace, so "8.30pm",
 * "£42.50" and "support@example.com" stay whole; line breaks always end one.
 */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') push(i + 1);
    else if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || /\s/.test(text[i + 1]!))) push(i + 1);
  }
  push(text.length);
  return out;
}

/** The clause (between commas, semicolons, dashes or "but") around `pos` within a sentence. */
function clauseAround(sentence: string, pos: number): string {
  const stops = /[,;:\u2013\u2014()]|\s-\s|\bbut\b/g;
  let start = 0;
  let end = sentence.length;
  let m: RegExpExecArray | null;
  while ((m = stops.exec(sentence)) !== null) {
    if (m.index < pos) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return sentence.slice(start, end);
}

/** The part of the clause around `pos` that comes before it, with its offset in the sentence. */
function clauseBefore(sentence: string, pos: number): { text: string; start: number } {
  const stops = /[,;:\u2013\u2014()]|\s-\s|\bbut\b/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = stops.exec(sentence)) !== null && m.index < pos) start = m.index + m[0].length;
  return { text: sentence.slice(start, pos), start };
}

/** How far a named device runs after a step ("restart| the router"), so the flagged phrase includes it. */
function deviceLength(sentence: string, end: number): number {
  const m = DEVICE_AFTER.exec(sentence.slice(end, end + 60));
  return m ? m[0].length : 0;
}

const overlaps = (spans: Span[], s: number, e: number) => spans.some((x) => s < x.end && e > x.start);
const digitCount = (s: string) => (s.match(/\d/g) ?? []).length;

/** A device named anywhere in the sentence, for "the router keeps dropping, I restarted it". */
const DEVICE_ANYWHERE = /\b(router|modem|hub|app|application|handset|iphone|smartphone|laptop|computer|tv box|set-top box|browser|tablet|ipad|printer|console)\b/i;

function stepFacts(sentence: string, source: FactSource): Array<{ step: Step; device?: string }> {
  const out: Array<{ step: Step; device?: string }> = [];
  // A question ("should I restart it?") or a plan is not something they did.
  if ((source === 'message' && /\?\s*$/.test(sentence)) || !ANY_STEP.test(sentence)) return out;
  const used: Span[] = [];
  for (const step of STEPS) {
    const m = step.done.exec(sentence);
    if (!m) continue;
    const end = m.index + m[0].length;
    if (overlaps(used, m.index, end)) continue;
    used.push({ start: m.index, end });
    if (NOT_DONE.test(sentence.slice(0, m.index))) continue;
    let device: string | undefined;
    if (!step.selfContained) {
      device = deviceAfter(sentence, end);
      if (!device) {
        const any = DEVICE_ANYWHERE.exec(sentence);
        device = any?.[1] ? deviceName(any[1]) : undefined;
      }
    }
    out.push({ step, device });
  }
  return out;
}

function factsIn(t: CustomerText, only: ReadonlySet<FactKind> | null): GivenFact[] {
  const text = fold(t.text.slice(0, MAX_TEXT));
  const base = { at: t.at, source: t.source, ...(t.contactKey !== undefined ? { contactKey: t.contactKey } : {}) };
  const out: GivenFact[] = [];
  const refs: Span[] = [];
  const wants = (k: FactKind) => only === null || only.has(k);
  // References are scanned when any contact detail is wanted: phone numbers must not be read out
  // of order or account numbers, so those spans are needed even when only phones are asked for.
  const refsWanted = (['order-number', 'account-number', 'email', 'phone', 'address'] as const).some(wants);

  if (refsWanted) {
    for (const [kind, re] of [
      ['order-number', ORDER_GIVEN],
      ['account-number', ACCOUNT_GIVEN],
    ] as const) {
      for (const m of text.matchAll(re)) {
        const value = m[1] ?? '';
        const start = m.index + m[0].length - value.length;
        // "order was delayed" and "account 2 days ago" are not references: a reference has digits.
        if (digitCount(value) < 2 || overlaps(refs, start, start + value.length)) continue;
        refs.push({ start, end: start + value.length });
        out.push({ kind, value, ...base });
      }
    }
    for (const m of text.matchAll(EMAIL_GIVEN)) {
      refs.push({ start: m.index, end: m.index + m[0].length });
      out.push({ kind: 'email', value: normalizeEmail(m[0]) ?? m[0].toLowerCase(), ...base });
    }
    for (const m of text.matchAll(PHONE_GIVEN)) {
      if (overlaps(refs, m.index, m.index + m[0].length)) continue;
      out.push({ kind: 'phone', value: m[0].replace(/[ -]/g, ''), ...base });
    }
    for (const m of text.matchAll(ADDRESS_GIVEN)) out.push({ kind: 'address', value: (m[1] ?? '').trim(), ...base });
    if (!out.some((f) => f.kind === 'address')) {
      for (const m of text.matchAll(POSTCODE_GIVEN)) out.push({ kind: 'address', value: m[0], ...base });
    }
  }

  let faults = 0;
  for (const span of sentences(text)) {
    const sentence = text.slice(span.start, span.end);
    if (wants('fault') && faults < MAX_FAULTS_PER_TEXT && FAULT_GIVEN.test(sentence)) {
      faults++;
      out.push({ kind: 'fault', value: sentence.replace(/\s+/g, ' ').slice(0, 160), ...base });
    }
    if (wants('troubleshooting')) for (const { step, device } of stepFacts(sentence, t.source)) {
      out.push({ kind: 'troubleshooting', value: device ? `${step.id} ${device}` : step.id, ...base });
    }
    // A customer saying "I passed security last time" is not a check; only an agent's record is.
    if (wants('identity-verified') && t.source !== 'message' && IDENTITY_GIVEN.test(sentence)) out.push({ kind: 'identity-verified', ...base });
  }
  return only ? out.filter((f) => only.has(f.kind)) : out;
}

const factKey = (f: GivenFact) => `${f.kind}\u0000${refKey(f.value ?? '')}\u0000${f.kind === 'identity-verified' ? (f.contactKey ?? '') : ''}`;

/**
 * Facts the customer gave, newest first, one per kind and value (the newest time it was given).
 * `only` limits the kinds looked for (the handoff note needs troubleshooting steps only).
 */
export function factsGiven(texts: CustomerText[], opts: { only?: readonly FactKind[] } = {}): GivenFact[] {
  try {
    if (!Array.isArray(texts)) return [];
    const only = Array.isArray(opts?.only) ? new Set(opts.only) : null;
    const all: GivenFact[] = [];
    for (const raw of texts) {
      const parsed = customerTextSchema.safeParse(raw);
      if (parsed.success) all.push(...factsIn(parsed.data, only));
    }
    // Stable sort: among equal times, the order given (and within a text, reading order) stays.
    all.sort((a, b) => b.at - a.at);
    const seen = new Set<string>();
    return all.filter((f) => {
      const key = factKey(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------

const stepById = new Map(STEPS.map((s) => [s.id, s]));

/** "restart router" → the step and its device. Step ids may contain spaces, so the longest id that prefixes wins. */
function splitStep(value: string | undefined): { step: Step; device?: string } | null {
  if (!value) return null;
  let best: Step | null = null;
  for (const [id, step] of stepById) {
    if ((value === id || value.startsWith(`${id} `)) && (!best || id.length > best.id.length)) best = step;
  }
  if (!best) return null;
  const device = value.slice(best.id.length).trim();
  return device ? { step: best, device } : { step: best };
}

/** A troubleshooting fact's value as words: "restart router" → "restarting the router". */
export function stepLabel(value: string | undefined): string {
  const parts = splitStep(value);
  return parts ? `${parts.step.doing}${parts.device ? ` the ${parts.device}` : ''}` : (value ?? '');
}

function describe(kind: FactKind, fact: GivenFact, when: string): string {
  const v = fact.value ? ` (${fact.value})` : '';
  switch (kind) {
    case 'order-number':
      return `They gave their order number ${when}${v}.`;
    case 'account-number':
      return `They gave their account number ${when}${v}.`;
    case 'email':
      return `They gave their email address ${when}${v}.`;
    case 'phone':
      return `They gave their phone number ${when}${v}.`;
    case 'address':
      return `They gave their address ${when}${v}.`;
    case 'fault':
      return `They described the problem ${when}: "${fact.value ?? ''}".`;
    case 'troubleshooting':
      return `They said they already tried ${stepLabel(fact.value) || 'that'} ${when}.`;
    case 'identity-verified':
      return `Their identity was already verified on this contact ${when}.`;
  }
}

const QUOTABLE: ReadonlySet<FactKind> = new Set(['order-number', 'account-number', 'email', 'phone']);
const KIND_ORDER: Array<Exclude<FactKind, 'troubleshooting'>> = ['order-number', 'account-number', 'email', 'phone', 'address', 'fault', 'identity-verified'];

/**
 * Sentences of `draft` that ask for something the customer already gave. A sentence asks when it
 * makes a request ("could you", "please", "I'll need", "have you tried", a question mark, or an
 * imperative step) and names the fact; it does not when the clause naming the fact acknowledges
 * it ("thanks for sending your order number", "as you mentioned") or quotes its value back.
 */
export function askedAgain(draft: string, facts: GivenFact[], opts: AskedAgainOptions = {}): AskedAgain[] {
  try {
    if (typeof draft !== 'string' || !Array.isArray(facts) || facts.length === 0 || draft.trim() === '') return [];
    const o = opts && typeof opts === 'object' ? opts : {};
    const now = typeof o.now === 'number' && Number.isFinite(o.now) ? o.now : Date.now();
    const current = typeof o.currentContactKey === 'string' && o.currentContactKey !== '' ? o.currentContactKey : undefined;

    const byKind = new Map<FactKind, GivenFact[]>();
    for (const f of facts) {
      if (!f || typeof f !== 'object' || typeof f.kind !== 'string' || typeof f.at !== 'number') continue;
      // An identity check holds for the contact it was done on only; without knowing the current
      // contact there is nothing to compare, so it is never claimed.
      if (f.kind === 'identity-verified' && (current === undefined || f.contactKey !== current)) continue;
      const list = byKind.get(f.kind);
      if (list) list.push(f);
      else byKind.set(f.kind, [f]);
    }
    if (byKind.size === 0) return [];

    const text = fold(draft.slice(0, MAX_DRAFT));
    const out: AskedAgain[] = [];
    const emit = (kind: FactKind, fact: GivenFact, start: number, end: number) => {
      out.push({ kind, fact, start, end, message: describe(kind, fact, whenSaid(fact.at, now, o.locale, o.timeZone)) });
    };

    for (const span of sentences(text)) {
      const sentence = text.slice(span.start, span.end);
      const cue = REQUEST.exec(sentence);
      const question = /\?["')\]]*$/.test(sentence);
      const asks = cue !== null || question;
      let sentenceKey: string | undefined;

      for (const kind of KIND_ORDER) {
        const list = byKind.get(kind);
        if (!list || !asks) continue;
        const m = ASKED_FOR[kind].exec(sentence);
        if (!m) continue;
        if (ACK.test(clauseAround(sentence, m.index))) continue;
        // "Your order 12345 has shipped; can you confirm order number 12345 is right?" quotes it back.
        if (QUOTABLE.has(kind)) {
          const key = (sentenceKey ??= refKey(sentence));
          if (list.some((f) => f.value && refKey(f.value).length >= 3 && key.includes(refKey(f.value)))) continue;
        }
        const start = cue ? Math.min(cue.index, m.index) : m.index;
        const end = cue ? Math.max(cue.index + cue[0].length, m.index + m[0].length) : m.index + m[0].length;
        emit(kind, list[0]!, span.start + start, span.start + end);
      }

      const steps = byKind.get('troubleshooting');
      if (steps && ANY_STEP.test(sentence)) {
        const used: Span[] = [];
        for (const step of STEPS) {
          const m = step.any.exec(sentence);
          if (!m) continue;
          const mEnd = m.index + m[0].length;
          if (overlaps(used, m.index, mEnd)) continue;
          used.push({ start: m.index, end: mEnd });
          // "Restart the router and…" asks as plainly as "could you restart the router?".
          const imperative = sentence.slice(0, m.index).replace(/^(?:(?:ok(?:ay)?|so|first(?:ly)?|next|now|then|also|and|just)[,\s]+)*/i, '').trim() === '';
          // The request must lead up to the step ("have you tried restarting", "I'd suggest
          // rebooting"); "I restarted the line from here, could you check now?" asks for no step.
          const before = clauseBefore(sentence, m.index);
          const ask = imperative ? null : REQUEST.exec(before.text);
          if (!imperative && !ask) continue;
          if (ACK.test(clauseAround(sentence, m.index))) continue;
          const device = step.selfContained ? undefined : deviceAfter(sentence, mEnd);
          const fact = steps.find((f) => {
            const given = splitStep(f.value);
            return given !== null && given.step.id === step.id && (!given.device || !device || given.device === device);
          });
          if (!fact) continue;
          const start = ask ? before.start + ask.index : m.index;
          emit('troubleshooting', fact, span.start + start, span.start + mEnd + deviceLength(sentence, mEnd));
        }
      }
    }
    return out.sort((a, b) => a.start - b.start);
  } catch {
    return [];
  }
}
