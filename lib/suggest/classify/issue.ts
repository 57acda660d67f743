/**
 * Issue extraction: the specifics a reply should name (Packard & Berger 2021: concrete language reads
 * as listening). Everything is taken from the customer's own words; nothing is paraphrased beyond
 * switching pronouns (see ./person.ts).
 */
import type { Category, Issue } from '../types';
import { countCues } from './signals';
import { cancelThingCue, frustrationCues, leavingCue, positiveCues, problemCues, topicCues } from './lexicon';
import { toSecondPerson } from './person';
import type { Sentence } from './text';
import type { Signals } from './signals';

export interface IssueDetails {
  issue: Issue;
  /** The chosen clause from our side ("your router keeps dropping"), or null when none is usable. */
  clause: string | null;
  /** Whether `clause` has a verb ("I'm sorry {clause}") or is a noun phrase ("I'm sorry about {clause}"). */
  clauseHasVerb: boolean;
  /** Other trouble the message reports, from our side, most issue-laden first (two issues in one message). */
  alternatives: Array<{ text: string; hasVerb: boolean }>;
  /** A how-to question's task from our side ("change your Wi-Fi password"). */
  task: string | null;
  /** Something they asked us to do, from our side ("check where your parcel is"). */
  request: string | null;
  /** What the customer thanked us for, from our side ("sorting your router so quickly"). */
  praisedFor: string | null;
  /** A praise statement from our side ("Tom was brilliant"). */
  praise: string | null;
  /** A colleague the customer named ("Tom"). */
  person: string | null;
  /** Who they praised when no name is given ("our engineer"). */
  role: string | null;
  /** References the customer gave us ("order 48213", "the screenshots"). */
  details: string[];
}

const MAX_CLAUSE = 110;



const amountRe =
  /(?:[£$€]\s?\d[\d,]*(?:\.\d{1,2})?(?:\s?(?:k|m)\b)?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:pounds|quid|dollars|euros?|gbp|usd|eur|pence|cents?)\b|\b(?:gbp|usd|eur)\s?\d[\d,]*(?:\.\d{1,2})?)/gi;

const month = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`;
const weekday = String.raw`(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)day`;
const dateRe = new RegExp(
  [
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?(?: of)? ${month}\b\.?(?:,? \d{4})?`,
    String.raw`\b${month}\.? \d{1,2}(?:st|nd|rd|th)?\b(?:,? \d{4})?`,
    String.raw`\b${month} \d{4}\b`,
    String.raw`\b(?:last |next |this |on |since |by |until |till )?${weekday}\b(?: (?:morning|afternoon|evening|night))?`,
    String.raw`\b\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)\b`,
    String.raw`\bthe \d{1,2}(?:st|nd|rd|th)\b`,
    String.raw`\b(?:[01]?\d|2[0-3]):[0-5]\d\b`,
    String.raw`\b(?:yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening|week|month)|last (?:night|week|month|year|weekend)|next (?:week|month))\b`,
    String.raw`\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}|a few|several|couple of) (?:days?|weeks?|months?|hours?|years?)(?: ago)?\b`,
  ].join('|'),
  'gi',
);

const productRe =
  /\b(?:router|modem|hub|broadband|internet|wi-?fi|fibre|fiber|landline|mobile|phone|handset|sim(?: card)?|tv box|tv|set-top box|app|laptop|tablet|contract|subscription|membership|plan|tariff|parcel|package|order|card|meter|boiler|account)\b/gi;

function uniqueMatches(text: string, re: RegExp, limit: number, tidy?: (s: string) => string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < limit) {
    const v = (tidy ? tidy(m[0]) : m[0]).trim();
    const key = v.toLowerCase();
    if (v && !seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  re.lastIndex = 0;
  return out;
}

export const extractAmounts = (text: string): string[] => uniqueMatches(text, amountRe, 6);
export const extractDates = (text: string): string[] =>
  uniqueMatches(text, dateRe, 8, (s) => s.replace(/^(?:last|next|this|on|since|by|until|till) (?=\S*day\b)/i, (p) => (/^(?:on|since|by|until|till) /i.test(p) ? '' : p)));
export const extractProducts = (text: string): string[] => uniqueMatches(text, productRe, 5, (s) => s.toLowerCase());

const greeting = /^(?:(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening))(?:\s+(?:there|team|all|guys|folks|everyone|support|again))?(?:\s+[A-Z][a-z]+)?[,!.:\s-]+|dear [^,\n]{1,40},\s*)/i;
const leadWords = /^(?:(?:just )?one (?:more )?thing|by the way|btw|oh and|so|well|ok|okay|also|and|but|basically|honestly|look|listen|right|um|erm|anyway|just|firstly|secondly|first|second|finally|great|fantastic|brilliant|wonderful|perfect|lovely|oh|wow|hmm|ps|p\.s\.|sorry to bother you|sorry)\b[,!.:]?\s+/i;
const leadPhrases =
  /^(?:i(?:'m| am) (?:writing|emailing|messaging|contacting you|getting in touch|reaching out|writing in)(?: (?:to|because|about|regarding|as|since))?(?: (?:complain|say|tell you|let you know|report|ask|inform you|ask about))?(?: (?:that|about))?|i (?:want|wanted|would like|'d like|need) to (?:complain|report|let you know|say|tell you|inform you|make a complaint|ask)(?: (?:that|about|why))?|just (?:to )?(?:let you know|a heads up|wanted to say|wanted to let you know)(?: that)?|this is (?:about|regarding)|regarding|re:|i have a (?:problem|complaint|question)(?: with| about)?:?)\s*/i;
const acronyms = new Set(['PAC', 'STAC', 'SIM', 'PIN', 'PUK', 'GDPR', 'VAT', 'IMEI', 'USB', 'DPD', 'UPS', 'DHL', 'USPS', 'NHS', 'FAQ', 'ADSL', 'FTTP', 'VPN', 'DNS', 'ISP', 'BBC', 'ITV', 'HDMI', 'SMS', 'MMS', 'APN', 'OTP', 'EU', 'UK', 'USA', 'PDF', 'URL', 'ID', 'TV', 'BT', 'EE', 'O2']);
const profanity = /\b(?:fuck\w*|f\*+\w*|shit\w*|bloody|damn\w*|crap(?:py)?|wtf|bullshit)\b\s*/gi;
const verbRe =
  /\b(?:is|are|was|were|am|be|been|being|has|have|had|do|does|did|can|could|will|would|should|may|might|must|keep|keeps|kept|got|get|gets|went|goes|came|comes|said|says|told|took|takes|left|lost|sent|paid|broke|charged|shows|works|drops|needs|wants|seems|looks|stays|\w+ed|\w+n't|cannot)\b|'(?:re|s|ve|m|d|ll)\b|\b(?:i|you|we|they|he|she|it)\s+(?!the\b|a\b|an\b|and\b|or\b|to\b)[a-z]+/i;

/** Trims greetings, lead-ins and shouting so the clause can be dropped into a sentence. */
export function tidyClause(raw: string): string {
  let s = raw.trim();
  s = s.replace(greeting, '');
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(leadPhrases, '').replace(leadWords, '');
    if (s === before) break;
  }
  s = s.replace(profanity, '');
  const letters = s.match(/[A-Za-z]/g)?.length ?? 0;
  const upper = s.match(/[A-Z]/g)?.length ?? 0;
  if (letters > 8 && upper / letters > 0.6) s = s.toLowerCase().replace(/\bi\b/g, 'I');
  // Words shouted in capitals ("FOUR DAYS", "AGAIN") are said normally back; acronyms stay.
  else s = s.replace(/\b[A-Z]{3,}\b/g, (w) => (acronyms.has(w) ? w : w.toLowerCase()));
  s = s.replace(/[!?]{2,}/g, '').replace(/\s+/g, ' ').replace(/[\s,;:.!-]+$/, '').trim();
  // "third time I'm writing" → "this is the third time I'm writing"
  s = s.replace(/^(second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|umpteenth|nth) (time|call|email|message)\b/i, 'this is the $1 $2');
  return s;
}

function cap(s: string, max = MAX_CLAUSE): string {
  // A clause only a little over the limit is kept whole: cutting "preparing for dispatch" loses the point.
  if (s.length <= max + 30) return s;
  const cut = s.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return (sp > max * 0.5 ? cut.slice(0, sp) : cut).replace(/[\s,;:-]+$/, '');
}

function scoreClause(lower: string, category: Category): number {
  let score = countCues(lower, problemCues) + countCues(lower, frustrationCues) * 0.5;
  const topical = (topicCues as Record<string, Parameters<typeof countCues>[1] | undefined>)[category];
  if (topical) score += countCues(lower, topical) * 1.5;
  if (/\d/.test(lower)) score += 0.5;
  return score;
}

/** A long sentence is cut to its most issue-laden part, so the apology stays one readable sentence. */
function bestPart(sentence: string, category: Category): string {
  const tidy = tidyClause(sentence);
  if (tidy.length <= MAX_CLAUSE) return tidy;
  const parts = tidy
    .split(/\s*(?:[,;:()]|\s-\s)\s*|\s+(?=(?:but|because|although|though|which|and then|and now|so now|whereas|while)\s)/i)
    .map((p) => tidyClause(p.replace(/^(?:but|because|although|though|which|and then|and now|so now|whereas|while)\s+/i, '')))
    .filter((p) => p.split(' ').length >= 3);
  let best = '';
  let bestScore = -Infinity;
  for (const p of parts) {
    const sc = scoreClause(p.toLowerCase(), category);
    if (sc > bestScore) {
      best = p;
      bestScore = sc;
    }
  }
  return cap(best || tidy);
}

const junk = /^(?:hi|hello|hey|dear|thanks|thank you|cheers|regards|kind regards|best|many thanks|sent from my|from:|to:|subject:)\b/i;

/** Sentences that report trouble, most issue-laden first. */
function rankProblemSentences(signals: Signals, category: Category): Sentence[] {
  const scored: Array<{ s: Sentence; score: number }> = [];
  for (const s of signals.sentences.slice(0, 60)) {
    if (s.text.length < 6) continue;
    let score = scoreClause(s.lower, category);
    if (signals.resolved[s.index]) score -= 4;
    if (junk.test(s.lower) && s.text.split(' ').length <= 4) score -= 10;
    if (s.text.endsWith('?')) score -= 0.5;
    if (s.index > 30) score -= 1;
    // "I want to make a formal complaint" says what they want, not what went wrong.
    if (/\b(?:want|like|wish|need|going) to (?:make|raise|lodge|file|log|register|escalate) (?:a |an |this )?(?:formal |official )?(?:complaint|case)\b|^i (?:want|would like|'d like) to complain\b/.test(s.lower)) score -= 6;
    if (score > 0) scored.push({ s, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.s.index - b.s.index).map((x) => x.s);
}

export interface Clause {
  text: string;
  hasVerb: boolean;
}

/** The customer's words from our side, ready for "I'm sorry …"; null for questions and orders ("cancel my account"). */
function clauseFrom(summary: string, proper: ReadonlySet<string>): Clause | null {
  // Sarcastic thanks: "Thanks a lot for charging me twice" is about the charging.
  let base = summary.replace(/\?+$/, '').replace(/^(?:thanks?(?: you)?(?: so much| a lot| very much| a bunch)?|cheers) for (?=\w+ing\b)/i, '');
  // "Paid for next day delivery a week ago": the customer left out "I".
  if (/^(?:paid|ordered|bought|booked|called|rang|phoned|emailed|waited|tried|sent|asked|spent|been|got|had|received|reported|complained)\b/i.test(base)) base = `I ${base.charAt(0).toLowerCase()}${base.slice(1)}`;
  if (summary.endsWith('?') || /^(?:why|how come)\b/i.test(base)) base = questionToStatement(base) ?? '';
  if (!base || /^(?:can|could|would|will|please|is there|do you|does|what|when|where|which|who|cancel|close|terminate|send|stop|give|end|remove|refund|fix|sort|tell|let)\b/i.test(base)) return null;
  let text = toSecondPerson(base);
  // Lower-case the first letter unless the word is a name, product or acronym (capitalised elsewhere too).
  const first = /^[\p{L}'-]+/u.exec(text)?.[0] ?? '';
  if (first && first !== 'I' && !/^[A-Z0-9]{2,}$/.test(first) && !/[A-Z]/.test(first.slice(1)) && !proper.has(first.toLowerCase())) text = text.charAt(0).toLowerCase() + text.slice(1);
  return { text, hasVerb: verbRe.test(text) };
}

const taskPatterns: RegExp[] = [
  /\bhow (?:do|can|could|would|should|shall|might) (?:i|we|you|one)\s+(?:go about\s+|actually\s+)?(.+)/i,
  /\bhow to\s+(.+)/i,
  /\bis (?:it|there) (?:possible|a way|any way|an option) (?:for (?:me|us) )?to\s+(.+)/i,
  /^(?:can|could|may) (?:i|we)\s+(?:please\s+)?(.+)/i,
  /\bam i able to\s+(.+)/i,
  /\bwhere (?:do|can|could|should|would) (?:i|we)\s+(.+)/i,
  /\bwhat(?:'s| is) the (?:best |easiest |quickest |right )?way to\s+(.+)/i,
  /\b(?:wondering|want to know|like to know|need to know) how (?:i|we) (?:can |could |would |should |do )?(.+)/i,
];

const requestPatterns: RegExp[] = [
  /\b(?:i(?:'d| would) like to|i want to|i need to|i wish to|we(?:'d| would) like to|we need to)\s+(?!complain|know|ask|say|report|let you|give|make|raise|lodge|file|share|tell|leave|point out|mention|understand|speak|talk)(.+)/i,
  /\b(?:can|could|would|will) you(?: please| kindly)?\s+(?!believe|imagine|tell me|explain|let me know|advise)(.+)/i,
  /^please\s+(.+)/i,
];

/** Questions and requests come early in a message; later sentences are quotes, logs and signatures. */
const MAX_SCANNED_SENTENCES = 30;

function firstMatch(sentences: Sentence[], patterns: RegExp[]): string | null {
  for (const s of sentences.slice(0, MAX_SCANNED_SENTENCES)) {
    // Cheap gate before the tidy-up: every pattern needs one of these words.
    if (!/\b(?:how|is|can|could|may|am|where|what|wondering|want|like|need|wish|would|will|please)\b/i.test(s.text)) continue;
    const tidy = tidyClause(s.text);
    for (const re of patterns) {
      const m = re.exec(tidy);
      const body = m?.[1];
      if (!body) continue;
      const task = body
        .replace(/[?.!].*$/, '')
        .replace(/\s*(?:,\s*)?(?:please|at all|thanks|thank you)\s*$/i, '')
        .trim();
      if (task.length >= 3) return cap(toSecondPerson(task), 80);
    }
  }
  return null;
}

const extractTask = (sentences: Sentence[]) => firstMatch(sentences, taskPatterns);
// A request is phrased as something we do: "can you check my bill" → "check your bill".
const extractRequest = (sentences: Sentence[]) => {
  const found = firstMatch(sentences, requestPatterns);
  // One action, not a paragraph: stop at the first clause break.
  const r = found ? found.split(/\s*[:;,]\s*|\s+(?:because|as|since|so that|but)\s+/)[0]?.trim() ?? null : null;
  return r && r.split(' ').length <= 14 ? r : null;
};

const personStop = new Set(['I', 'The', 'It', 'This', 'That', 'Your', 'You', 'We', 'They', 'He', 'She', 'My', 'Our', 'Thanks', 'Thank', 'Hi', 'Hello', 'Dear', 'And', 'But', 'So', 'Just', 'Everything', 'Everyone', 'Today', 'Yesterday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Great', 'Brilliant', 'Amazing', 'Fantastic', 'Wonderful', 'Excellent', 'Really', 'Very', 'Honestly', 'Also', 'Please', 'Customer', 'Service', 'Support', 'Team', 'Broadband', 'Internet', 'Wi', 'Fi', 'Ofcom', 'Who', 'What', 'When']);
const personPatterns: RegExp[] = [
  /\b(?:engineer|technician|agent|advis[eo]r|driver|colleague|rep|representative|consultant|operator|lady|guy|gentleman|man|woman|manager|named|called)\s+([A-Z][a-z]{1,20})\b/,
  /\b(?:spoke to|speaking to|talked to|chatted with|thanks(?: so much| very much)? to|thank you(?: so much| very much)? to|shout[- ]?out to|credit to|thank)\s+([A-Z][a-z]{1,20})\b/,
  /\b([A-Z][a-z]{1,20})\s+(?:was|were|has been|went|did|sorted|fixed|helped|explained|stayed|called|rang|is)\b/,
  /\b([A-Z][a-z]{1,20})\s+(?:on|from|in|at)\s+(?:your|the)\s+(?:\w+\s+)?(?:team|desk|shop|store|chat|phone|helpline|line)\b/,
];

const roleRe = /\b(?:the|your|an?) ((?:\w+ )?(?:engineer|technician|installer|driver|agent|advis[eo]r|lady|man|guy|woman|team|staff|person|rep|courier|consultant))\b/i;

/** "the engineer", "your installer": who they praised, when no name is given. */
function extractRole(text: string): string | null {
  const m = roleRe.exec(text);
  return m?.[1] ? `our ${m[1].toLowerCase()}` : null;
}

function extractPerson(text: string): string | null {
  for (const re of personPatterns) {
    const m = re.exec(text);
    const name = m?.[1];
    if (name && !personStop.has(name)) return name;
  }
  return null;
}

function extractPraise(sentences: Sentence[], signals: Signals): { praisedFor: string | null; praise: string | null } {
  let best: Sentence | null = null;
  let bestScore = 0;
  for (const s of sentences) {
    const sc = countCues(s.lower, positiveCues);
    if (sc > bestScore) {
      best = s;
      bestScore = sc;
    }
  }
  if (!best || signals.sarcasm) return { praisedFor: null, praise: null };
  const text = tidyClause(best.text);
  // "thank you so much to Tom who fixed my router" → praise "Tom fixed your router".
  const who = /\bthank(?:s| you)(?: so much| very much)? to ([A-Z][a-z]{1,20}) who\s+(.+)/.exec(text);
  if (who?.[1] && who[2]) return { praisedFor: null, praise: cap(`${who[1]} ${toSecondPerson(who[2].replace(/[.!]+$/, ''))}`, 100) };
  const forMatch = /\bthank(?:s| you)(?: so much| very much| a million| again| loads)?(?: to [A-Z][a-z]+)?(?: for)\s+(.+)/i.exec(text);
  // What they thanked us for, up to the first break: "sorting my parcel out, you've been amazing" → "sorting my parcel out".
  const forWhat = forMatch?.[1]?.split(/\s*(?:,\s|;|\s-\s|!)\s*/)[0]?.replace(/[.!]+$/, '') ?? '';
  const praisedFor = forWhat ? cap(toSecondPerson(forWhat), 90) : null;
  // The part that carries the praise: "the outage was a pain but the texts were excellent" → the texts part.
  const parts = text.split(/\s*(?:[;:]|,\s(?=\w+ \w+)|\bbut\b|\bthough\b|\balthough\b)\s*/i).filter((p) => p.split(' ').length >= 3);
  const praisePart = parts.reduce((b, p) => (countCues(p.toLowerCase(), positiveCues) > countCues(b.toLowerCase(), positiveCues) ? p : b), parts[0] ?? text);
  const cleaned = praisePart.replace(/^(?:i (?:have|must|just want|wanted|want) to say|i must say|honestly|i have to admit)\s+(?:that\s+)?/i, '').trim();
  const converted = cleaned ? toSecondPerson(cleaned) : '';
  const lowered = /^(?:The|A|An|Your|Our|My|It|This|That|These|Those|Everything|Everyone)\b/.test(converted) ? converted.charAt(0).toLowerCase() + converted.slice(1) : converted;
  const statement = /\b(?:thank(?:s| you)|cheers)\b/i.test(cleaned) || !cleaned ? null : cap(lowered, 100);
  return { praisedFor, praise: statement && verbRe.test(statement) ? statement : null };
}

const detailPatterns: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/\b(order|ref(?:erence)?|ticket|case|invoice|tracking|booking)\s*(?:number|no\.?|num|#|id)?\s*[:#]?\s*([A-Z]{0,4}-?\d[\dA-Z-]{3,})\b/i, (m) => `${(m[1] ?? '').toLowerCase()} ${m[2] ?? ''}`],
  [/\berror(?: code| message)?\s*[:#]?\s*"?([A-Z]{0,6}[-_]?\d[\w-]{1,12})\b/i, (m) => `error ${m[1] ?? ''}`],
  [/\b(screenshots?|screen shots?|photos?|pictures?|video)\b/i, (m) => `the ${(m[1] ?? '').toLowerCase()}`],
];

function extractDetails(text: string): string[] {
  const out: string[] = [];
  for (const [re, fmt] of detailPatterns) {
    const m = re.exec(text);
    if (m) out.push(fmt(m).trim());
  }
  return out;
}

const promisedRe =
  /\b(?:you|they|he|she|it|your (?:\w+)|the (?:\w+)|i was|we were)\s+(?:(?:had |have )?promised|said|told (?:me|us)|assured (?:me|us)|guaranteed|confirmed|was supposed to|were supposed to|was meant to|were meant to|was due to|were due to|should have)\b[^.!?\n]{3,120}/i;

function extractPromised(sentences: Sentence[]): string | undefined {
  for (const s of sentences.slice(0, MAX_SCANNED_SENTENCES)) {
    const m = promisedRe.exec(s.text);
    if (m) return cap(tidyClause(m[0]), 140);
  }
  return undefined;
}

/** Questions we can turn back into statements for an apology: "why was I charged twice" → "I was charged twice". */
function questionToStatement(clause: string): string | null {
  const m = /^why (?:(?:has|have|is|are|was|were) (?:not |n't )?)(.+)$/i.exec(clause);
  if (!m?.[1]) return null;
  const aux = /^why (has|have|is|are|was|were)/i.exec(clause)?.[1]?.toLowerCase() ?? '';
  const rest = m[1];
  const subj = /^(i|we|you|my \w+|our \w+|the \w+|it|this)\s+(.+)$/i.exec(rest);
  return subj?.[1] && subj[2] ? `${subj[1]} ${aux} ${subj[2]}` : null;
}

const leavingSentence = (s: Sentence): boolean => {
  leavingCue.lastIndex = 0;
  const hit = leavingCue.test(s.lower) || cancelThingCue.test(s.lower);
  leavingCue.lastIndex = 0;
  return hit;
};

export function extractIssue(raw: string, signals: Signals, category: Category, language: 'en' | 'other'): IssueDetails {
  const sentences = signals.sentences;
  const amounts = extractAmounts(raw);
  const dates = extractDates(raw);
  const products = extractProducts(raw);
  const details = extractDetails(raw);
  const promised = extractPromised(sentences);

  const ranked = category === 'praise' || category === 'how-to' ? [] : rankProblemSentences(signals, category);
  let summarySentence: Sentence | null = null;
  if (category === 'cancellation') {
    // A leaver's issue is why they are going ("six weeks of dropped calls"), when they say why.
    const reason = ranked.find((s) => !leavingSentence(s));
    summarySentence = reason && scoreClause(reason.lower, category) >= 3 ? reason : (sentences.find(leavingSentence) ?? null);
  }
  if (category === 'how-to') summarySentence = sentences.find((s) => s.text.includes('?')) ?? null;
  if (category === 'praise') {
    summarySentence = sentences.reduce<Sentence | null>((b, s) => (countCues(s.lower, positiveCues) > (b ? countCues(b.lower, positiveCues) : 0) ? s : b), null);
  }
  summarySentence ??= ranked[0] ?? sentences.find((s) => !junk.test(s.lower)) ?? sentences[0] ?? null;

  const summary = summarySentence ? bestPart(summarySentence.text, category) : '';
  const issue: Issue = { summary, amounts, dates };
  if (promised) issue.promised = promised;
  if (products.length > 0) issue.products = products;

  // Our side of the clause only makes sense in English; other languages are quoted, never rewritten.
  const english = language === 'en' && category !== 'praise' && category !== 'how-to';
  // Words the customer capitalises mid-sentence are names and products; they keep their capitals.
  const proper = new Set<string>();
  for (const m of raw.matchAll(/(?<=[\p{L},;] )\p{Lu}[\p{L}'-]+/gu)) proper.add(m[0].toLowerCase());
  const main = english && summary ? clauseFrom(summary, proper) : null;
  const alternatives: Clause[] = [];
  if (english) {
    for (const s of ranked.slice(0, 3)) {
      // Another sentence replaces the issue only if it reports trouble itself ("I'm on an iPhone 13" does not).
      if (s === summarySentence || countCues(s.lower, problemCues) < 2) continue;
      const c = clauseFrom(bestPart(s.text, category), proper);
      if (c) alternatives.push(c);
    }
  }
  const clause = main?.text ?? null;
  const clauseHasVerb = main?.hasVerb ?? false;

  const task = language === 'en' && category === 'how-to' ? extractTask(sentences) : null;
  const request = language === 'en' ? extractRequest(sentences) : null;
  // Only gratitude has anything to extract; skipping it keeps complaints cheap.
  const { praisedFor, praise } = language === 'en' && signals.positive > 0 ? extractPraise(sentences, signals) : { praisedFor: null, praise: null };
  const person = extractPerson(raw);
  const role = extractRole(raw);
  return { issue, clause, clauseHasVerb, alternatives, task, request, praisedFor, praise, person, role, details };
}
