/**
 * suggest(): empathetic apology, acknowledgement, thanks and next-step suggestions for one customer
 * message. Pure: no DOM, no browser APIs, no storage; runs in a content script and in Node.
 *
 * Pipeline: classify the message → validate the record into facts → run every applicable template
 * (one seeded variant each) → apply the team guide → rotate away from the agent's last opening.
 */
import { classify } from './classify';
import { hash32 } from './classify/text';
import { buildFacts, type Facts, plain } from './facts';
import { activeBans, applyPreferences, type Candidate, isBanned } from './guide';
import { findBlanks, sameOpening, stripBlanks } from './render';
import { rejectReason } from './safety';
import { echoes, specificEnough } from './specifics';
import { finish } from './templates/phrases';
import { templates, type Template } from './templates';
import type { SuggestInput, SuggestOutput, Suggestion } from './types';

export type * from './types';
export { categories, moods, suggestionKinds } from './types';

/** Enough choice without burying the agent (detection.md §5.3: show little at a time). */
const MAX_SUGGESTIONS = 6;
const MIN_SUGGESTIONS = 3;

interface Rendered {
  id: string;
  text: string;
  /** Long and names nothing from the message: kept in reserve for the minimum count. */
  vague?: boolean;
}

/**
 * All usable wordings of one template, starting from the seeded variant. Long wordings must name a
 * detail from the message; when none does, the template's short snippet stands in (detection.md §5.3:
 * no long snippet without a concrete detail). Essential templates keep their wording regardless.
 */
function render(t: Template, f: Facts, bans: string[]): Rendered[] {
  const n = t.variants.length;
  const start = n === 0 ? 0 : hash32(t.id, f.seed) % n;
  const usable = (text: string | null): text is string => !!text && !isBanned(text, bans) && rejectReason(f, t.kind, text) === null;
  const specific: Rendered[] = [];
  const vague: Rendered[] = [];
  // Two specific wordings are enough: the seeded one and one to rotate to. Stopping there keeps
  // the per-message cost flat however many variants a template grows.
  for (let k = 0; k < n && specific.length < 2; k++) {
    const i = (start + k) % n;
    const text = t.variants[i]?.(f) ?? null;
    if (!usable(text) || specific.some((r) => r.text === text) || vague.some((r) => r.text === text)) continue;
    (specificEnough(text, f.specifics) ? specific : vague).push({ id: `${t.id}/${i}`, text });
  }
  if (specific.length > 0) return specific;
  const short = t.short?.(f) ?? null;
  if (usable(short) && specificEnough(short, f.specifics)) return [{ id: `${t.id}/short`, text: short }];
  if (!t.essential) return vague.map((v) => ({ ...v, vague: true }));
  // Essentials (a missed promise, tenure, what a leaver needs) are shown anyway; when they could
  // answer any message, one line of the customer's own specifics is added so the snippet shows we read it.
  const echo = echoSentence(f);
  return vague.map((v) => (echo && usable(`${v.text} ${echo}`) ? { id: v.id, text: `${v.text} ${echo}` } : v));
}

/**
 * One short line that repeats a detail from the customer's message, in the first frame that carries
 * one, with a time so the snippet still ends on a next step.
 */
function echoSentence(f: Facts): string | null {
  const alt = f.issueAlternatives[0];
  // The customer's own sentence (or two neighbouring ones) that carries their details.
  const windows = f.sentences.flatMap((s, i) => [s, ...(f.sentences[i + 1] ? [`${s} ${f.sentences[i + 1]}`] : [])]);
  const quotable = windows.find((s) => s.length <= 200 && echoes(s, f.specifics));
  const frames: Array<string | null> = [
    f.issue && f.issueHasVerb ? finish(`${f.issue}; I'm on it today.`) : null,
    f.issue && f.issueHasVerb && alt ? finish(`${f.issue}; ${alt}. I'm on it today.`) : null,
    f.task ? `I'll walk you through how to ${f.task} today.` : null,
    f.request ? `I'll ${f.request} today.` : null,
    f.anchor ? `I have ${f.anchor} in front of me right now.` : null,
    f.praise ? `You wrote that ${f.praise}; I'll pass that on today.` : null,
    f.praisedFor ? `You thanked us for ${f.praisedFor}; I'll pass that on today.` : null,
    quotable ? `You wrote: “${quotable}” I'm on it today.` : null,
  ];
  return frames.find((t): t is string => t !== null && echoes(t, f.specifics)) ?? null;
}

function buildCandidates(f: Facts, bans: string[], recent: string[]): Candidate[] {
  const applicable = templates
    .filter((t) => t.applies(f))
    .map((t, i) => ({ t, order: t.order(f), i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  const out: Candidate[] = [];
  for (const { t, order } of applicable) {
    const wordings = render(t, f, bans);
    // Prefer a wording the agent has not sent recently, if there is one.
    const fresh = wordings.findIndex((w) => !recent.some((r) => sameOpening(w.text, r)));
    if (fresh > 0) wordings.unshift(...wordings.splice(fresh, 1));
    const [first, ...rest] = wordings;
    if (!first) continue;
    out.push({
      id: first.id,
      kind: t.kind,
      text: first.text,
      talkingPoint: t.talkingPoint(f),
      order,
      alternatives: rest,
      essential: t.essential === true,
      fallback: t.fallback === true,
      reserve: first.vague === true,
    });
  }
  return out;
}

/** Essentials always; then the rest in order up to the cap; fallbacks only when short. */
function select(candidates: Candidate[]): Candidate[] {
  const main = candidates.filter((c) => !c.fallback && !c.reserve);
  const chosen = new Set<Candidate>(main.filter((c) => c.essential || c.fromGuide));
  for (const c of main) {
    if (chosen.size >= MAX_SUGGESTIONS) break;
    chosen.add(c);
  }
  // Short of three: fallbacks first, then snippets that name nothing specific.
  for (const c of [...candidates.filter((x) => x.fallback && !x.reserve), ...candidates.filter((x) => x.reserve)]) {
    if (chosen.size >= MIN_SUGGESTIONS) break;
    chosen.add(c);
  }
  const list = candidates.filter((c) => chosen.has(c));
  // Still short (a guide banned most wordings): offer other wordings of what we have.
  for (const c of [...list]) {
    for (const alt of c.alternatives) {
      if (list.length >= MIN_SUGGESTIONS) break;
      if (list.some((x) => x.text === alt.text)) continue;
      list.push({ ...c, id: alt.id, text: alt.text, alternatives: [] });
    }
  }
  return list;
}

/** The first suggestion must not be the opening this agent sent last. */
function rotate(list: Candidate[], lastOpening: string | undefined): void {
  const first = list[0];
  if (!first || lastOpening === undefined || !sameOpening(first.text, lastOpening)) return;
  const alt = first.alternatives.find((a) => !sameOpening(a.text, lastOpening));
  if (alt) {
    list[0] = { ...first, id: alt.id, text: alt.text, alternatives: first.alternatives.filter((a) => a !== alt) };
    return;
  }
  const swap = list.findIndex((c, i) => i > 0 && !sameOpening(c.text, lastOpening));
  if (swap > 0) {
    const other = list[swap];
    if (other) {
      list[swap] = first;
      list[0] = other;
    }
  } else list.shift();
}

/**
 * Suggestions for replying to one customer message: at least three when the situation allows, the
 * first one never the opening this agent sent last. Deterministic for a given message and record.
 * Never throws on odd input: unusable record fields are ignored and reported in `notes`.
 */
export function suggest(input: SuggestInput): SuggestOutput {
  const notes: string[] = [];
  const message = typeof input?.message === 'string' ? input.message : '';
  if (typeof input?.message !== 'string') notes.push('message is missing: treated as empty');
  const classification = classify(message);
  notes.push(...classification.notes);

  const now = input?.now instanceof Date && !Number.isNaN(input.now.getTime()) ? input.now : new Date();
  const f = buildFacts(classification, input?.record, now, notes);
  const bans = activeBans(input?.guide, f);
  const recent = Array.isArray(input?.recentOpenings) ? input.recentOpenings.filter((r): r is string => typeof r === 'string').slice(0, 10) : [];

  let candidates = buildCandidates(f, bans, recent);
  candidates = applyPreferences(candidates, input?.guide, f, (kind, text) => (isBanned(text, bans) ? 'it contains a banned phrase' : rejectReason(f, kind, text)), notes);
  const list = select(candidates);
  rotate(list, recent[0]);
  if (list.length < MIN_SUGGESTIONS) {
    notes.push(`only ${list.length} suggestion${list.length === 1 ? '' : 's'} ${bans.length > 0 ? "left after the guide's bans" : 'fit this message'}`);
  }

  // On the phone the agent has no time to open the record: the latest note rides on the first point.
  const note = typeof input?.record?.latestNote === 'string' ? plain(input.record.latestNote) : '';
  const noteTail = note ? `; last note: "${note.length > 48 ? `${note.slice(0, 47).replace(/\s+\S*$/, '')}…` : note}"` : '';
  const suggestions: Suggestion[] = list.map((c, i) => ({
    id: c.id,
    kind: c.kind,
    text: c.text,
    blanks: findBlanks(c.text),
    talkingPoint: stripBlanks(c.talkingPoint) + (i === 0 ? noteTail : ''),
  }));
  return { situation: classification.situation, suggestions, notes };
}

export { classify } from './classify';
