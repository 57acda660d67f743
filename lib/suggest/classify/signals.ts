/**
 * One pass over the message that counts every cue the category and mood decisions need, so the
 * two decisions share the work (the budget is a few milliseconds for everything).
 */
import {
  angerCues,
  cancelThingCue,
  conditionalCue,
  type Cue,
  frustrationCues,
  leavingCue,
  positiveCues,
  problemCues,
  resolvedCue,
  sarcasmCues,
  selfActionQuestion,
  softQuestion,
  signOffThanks,
  stillWrongCue,
  topicCues,
  worryCues,
} from './lexicon';
import type { Sentence } from './text';

export type TopicCategory = keyof typeof topicCues;

export interface Signals {
  sentences: Sentence[];
  /** Sentences that report a fixed, past problem (a grateful customer mentioning an old issue). */
  resolved: boolean[];
  topic: Record<TopicCategory, number>;
  problem: number;
  positive: number;
  sarcasm: boolean;
  frustration: number;
  anger: number;
  worry: number;
  /** Decided to leave (not a threat). */
  leaving: boolean;
  /** Threatens to leave ("or I'll cancel"). */
  threat: boolean;
  cancelThing: boolean;
  /** Asks us to cancel one thing ("please cancel order 77120"): the message's purpose, whatever else is wrong. */
  cancelRequest: boolean;
  /** Asks how to do something themselves. */
  selfQuestion: boolean;
  /** A softer question form ("tell me when…"): how-to only without a clear subject. */
  softQuestion: boolean;
  /** Any question mark. */
  question: boolean;
  /** Shouting: words in capitals, runs of "!!". */
  shouting: number;
}

const competitorSwitch = /\b(?:switch|switching|moving|move|going|porting)(?: over)? to [A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+)?\b(?![^.!?\n]{0,30}\b(?:plan|tariff|bundle|package|paperless|billing|app|account|Direct Debit)\b)/;
const cancelRequestCue = /(?:^|[.!?]\s+|\n)cancel\b|\b(?:please|can|could|would|want|like|need|wish)\b[^.!?\n]{0,15}\bcancel/;

// Each pattern is counted at most this many times: repetition ("bill bill bill") should not swamp the decision.
const PER_CUE_CAP = 3;

export function countCues(text: string, cues: readonly Cue[]): number {
  let total = 0;
  for (const [re, weight] of cues) {
    re.lastIndex = 0;
    let n = 0;
    while (n < PER_CUE_CAP && re.exec(text) !== null) n++;
    re.lastIndex = 0;
    total += n * weight;
  }
  return total;
}

// Capitalised words that are acronyms, not shouting.
const acronyms = new Set(['PAC', 'STAC', 'SIM', 'TV', 'OK', 'ID', 'PIN', 'UK', 'USA', 'EU', 'GDPR', 'ASAP', 'WIFI', 'DPD', 'UPS', 'DHL', 'USPS', 'BT', 'EE', 'HD', 'PDF', 'URL', 'OTP', 'VAT', 'MB', 'GB', 'IMEI', 'ISP', 'NHS', 'FAQ', 'APP', 'IT', 'FTTP', 'ADSL', 'VPN', 'DNS', 'TBH', 'IMO', 'AM', 'PM']);

function shoutingScore(raw: string): number {
  let caps = 0;
  const re = /\b[A-Z]{4,}\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null && caps < 10) if (!acronyms.has(m[0])) caps++;
  const bangs = raw.match(/[!?]*![!?]*!+/g)?.length ?? 0;
  // One word in capitals is emphasis ("AGAIN"); several are shouting.
  return (caps >= 2 ? 2 : caps) + (caps >= 5 ? 1 : 0) + Math.min(bangs, 2);
}

export function collectSignals(raw: string, sentences: Sentence[]): Signals {
  const resolved = sentences.map(
    (s) => resolvedCue.test(s.lower) && (!stillWrongCue.test(s.lower) || countCues(s.lower, positiveCues) >= 2),
  );
  // Cues about the current state of affairs ignore sentences that report a past fix.
  const current = sentences.filter((_, i) => !resolved[i]).map((s) => s.lower).join('\n');
  const all = sentences.map((s) => s.lower).join('\n');
  // A closing "Thanks," is politeness, not gratitude.
  const forPositive = sentences
    .filter((s, i) => !(i === sentences.length - 1 && sentences.length > 1 && signOffThanks.test(s.lower)) && !/\bthanks? in advance\b/.test(s.lower))
    .map((s) => s.lower)
    .join('\n');

  // The sentence that carries the most trouble says what the message is about ("my account is locked")
  // more than its consequences ("so I can't pay my bill"): its topic cues count twice.
  let core = '';
  let coreScore = 0;
  sentences.forEach((s, i) => {
    if (resolved[i]) return;
    const sc = countCues(s.lower, problemCues);
    if (sc > coreScore) {
      core = s.lower;
      coreScore = sc;
    }
  });
  const topic = {} as Record<TopicCategory, number>;
  for (const key of Object.keys(topicCues) as TopicCategory[]) topic[key] = countCues(current, topicCues[key]) + (core ? countCues(core, topicCues[key]) : 0);

  const problem = countCues(current, problemCues);
  const frustration = countCues(current, frustrationCues);
  const anger = countCues(all, angerCues);
  const worry = countCues(current, worryCues);

  const sarcasmMarked = sarcasmCues.some((re) => re.test(all));
  const sarcasm = sarcasmMarked && (problem >= 2 || frustration >= 1 || anger >= 2);
  const positive = sarcasm ? 0 : countCues(forPositive, positiveCues);

  let leaving = false;
  let threat = false;
  leavingCue.lastIndex = 0;
  const mayLeave = leavingCue.test(all) || competitorSwitch.test(raw);
  leavingCue.lastIndex = 0;
  for (const s of mayLeave ? sentences : []) {
    leavingCue.lastIndex = 0;
    // "switching to Vodafone": a competitor is named with a capital; "switch to paperless" is not leaving.
    if (!leavingCue.test(s.lower) && !competitorSwitch.test(s.text)) continue;
    leavingCue.lastIndex = 0;
    if (cancelThingCue.test(s.lower) && !/\b(?:account|contract|subscription|broadband|membership|plan|pac|number)\b/.test(s.lower)) continue;
    if (conditionalCue.test(s.lower)) threat = true;
    else leaving = true;
  }

  // "I placed an order by mistake. Can you cancel it?": the thing is named one sentence earlier.
  const cancelThing =
    cancelThingCue.test(all) ||
    sentences.some((s, i) => i > 0 && /\bcancel (?:it|that|this)\b/.test(s.lower) && /\b(?:order|ordered|booking|booked|appointment|installation|visit|delivery)\b/.test(sentences[i - 1]?.lower ?? ''));

  return {
    sentences,
    resolved,
    topic,
    problem,
    positive,
    sarcasm,
    frustration,
    anger,
    worry,
    leaving,
    threat,
    cancelThing,
    cancelRequest: cancelThing && cancelRequestCue.test(all),
    selfQuestion: sentences.some((s) => selfActionQuestion.test(s.lower)),
    softQuestion: sentences.some((s) => softQuestion.test(s.lower)),
    question: all.includes('?'),
    shouting: shoutingScore(raw),
  };
}
