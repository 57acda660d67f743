/**
 * Facts about a draft that more than one rule needs (is there a next step? a concrete time?),
 * computed once per draft and memoised on the Doc.
 */
import { compilePhrases, matchAll } from './rule';
import type { Doc, Span } from './text';

const MONTH = '(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)';
const WEEKDAY = '(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)day';
const SMALL_NUMBER = '(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)';

/**
 * A time a customer can hold someone to. Deliberately excludes "24–48 hours" and "a few days", which
 * are how auto-responders avoid committing (see VAGUE_TIME).
 */
export const CONCRETE_TIME = new RegExp(
  [
    '\\b(?:today|tonight|tomorrow|tmrw|this (?:morning|afternoon|evening|week|weekend)|next (?:week|month)|right now|just now',
    `(?:next |this |on |by |until |before )?${WEEKDAY}`,
    'end of (?:the )?(?:day|week|month)|eod|cob|noon|midday|midnight|overnight|first thing',
    '\\d{1,2}(?::\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)|\\d{1,2}:\\d{2}',
    `(?:within|in|for) (?:the next )?${SMALL_NUMBER} (?:minutes?|mins?|hours?|hrs?|(?:business |working )?days?|weeks?)`,
    '\\d+\\s?(?:-|–|to)\\s?\\d+ (?:business|working) days',
    `${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}`,
    // "24/7" is an opening-hours boast, not a date.
    '\\d{4}-\\d{2}-\\d{2}|(?!24/7\\b)\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)(?![\\w])',
  ].join('|'),
  'gi',
);

/** Time words that promise nothing (Statuspage test of 100 SaaS auto-replies; detection.md S8). */
export const VAGUE_TIME = compilePhrases([
  'shortly',
  'as soon as (?:possible|we can|we are able|we\'re able|practicable)',
  'asap',
  'in due course',
  'in the (?:near|coming) future',
  'at (?:the|our) earliest (?:opportunity|possible time|convenience)',
  'in a timely (?:manner|fashion)',
  'at some point',
  'in the coming (?:days|weeks)',
  '(?:within|in) (?:a few|several|the next few|a couple of) (?:business |working )?(?:days|weeks|hours)',
  '(?:within )?24 ?(?:-|–|to) ?48 (?:business )?hours',
  '(?:within|in) (?:\\d+|a few) ?(?:-|–|to) ?\\d+ (?:business |working )?weeks',
  // "soon" only after a promise ("we will be in touch soon"), not "feel better soon". The literal comes
  // first so the lookbehind runs only where "soon" already matched.
  '(?:very )?soon(?<=(?:\\bwill|\'ll|\\bshould|\\bshall)\\b[^.!?\\n]{0,50})',
  'as quickly as possible',
]);

// "I've refunded…", "Done:", "is now fixed": the reply closes the loop, so it needs no further step.
const RESOLUTION = new RegExp(
  [
    "\\b(?:I|I've|I’ve|I have|we've|we’ve|we have|I just|we just|I've just|I’ve just|just|has|have|has been|have been|was|were|is now|are now)\\s+(?:now\\s+|also\\s+|already\\s+)?",
    '(?:refunded|cancell?ed|credited|sent|resent|re-sent|reissued|issued|updated|fixed|changed|reset|unlocked|removed|added|booked|rebooked|moved|applied|waived|reversed|processed|raised|restored|enabled|disabled|switched|upgraded|downgraded|replaced|shipped|dispatched|arranged|scheduled|corrected|merged|reopened|extended|activated|deactivated|released|approved|submitted|paid|transferred|emailed|called|created|deleted|renewed|adjusted|cleared|refreshed|patched|deployed|rolled back|put through|posted|returned|reconnected|re-enabled|reinstated|ordered|upgraded|lifted|unblocked|verified|recovered|found|tracked down|sorted|booked you|set up|turned (?:on|off)|taken off|pushed|checked|asked|contacted|spoken to|spoke to|spoke with|chased|looked into|logged|flagged|escalated|passed|rang|phoned)\\b',
  ].join(''),
  'gi',
);
const DONE = /\b(?:(?:you )?(?:won't|won’t|will not) (?:see (?:it|this|that|the \w+) again|be charged|need to)|no (?:further )?action (?:is )?(?:needed|required)|(?:you )?(?:don't|don’t|do not) (?:need|have) to do anything|nothing (?:else )?(?:is )?needed|done|sorted|fixed|all set|taken care of|went out|is on (?:its|the) way|are on (?:their|the) way|should (?:now |already )?(?:see|work|arrive|land|show|be there|reach)|is (?:back|live|working) (?:now|again)|now (?:live|active|working|fixed|showing|shows|resolved))\b/i;

// A named owner + an action ("I'll call…", "let me check…"). Only the first person singular: "we will
// look into it" names no owner (Packard, Moore & McFerran 2018) and counts only if it carries a concrete time.
const COMMITMENT =
  /\b(?:I'll|I’ll|I will|I'm going to|I’m going to|I am going to|let me|I'm|I’m|I am)\s+(?:\w+\s+){0,2}?(?:call|ring|phone|email|text|message|update|check|chase|follow|look|send|ship|refund|credit|book|rebook|fix|escalate|ask|confirm|arrange|keep|reply|post|waive|cancel|change|monitor|watch|test|try|pass|flag|raise|review|open|add|remove|set|push|reach|visit|replace|swap|collect|pick|deliver|move|reset|reconnect|process|investigate|dig|hold|put|sort|handle|make|walk|talk|meet|run|reverse|repair|restore|waive)\w*\b/i;

// A question to the customer is an owned next step when it is not one of the stock closers.
const STOCK_QUESTION = /\b(?:anything else|any (?:other|further|more) questions|(?:can|could|may) (?:I|we) (?:help|assist) (?:you )?with|is there (?:anything|something))\b/i;

export interface Signals {
  concreteTimes: Span[];
  hasConcreteTime: boolean;
  hasResolution: boolean;
  hasCommitment: boolean;
  hasQuestion: boolean;
  /** Any of the above: the reply says what happens next, or that nothing needs to. */
  hasNextStep: boolean;
}

const memo = new WeakMap<Doc, Signals>();

export function signals(doc: Doc): Signals {
  const cached = memo.get(doc);
  if (cached) return cached;
  const { text, body } = doc;
  const concreteTimes = matchAll(CONCRETE_TIME, text, body.start, body.end).map(({ start, end }) => ({ start, end }));
  const bodyText = text.slice(body.start, body.end);
  RESOLUTION.lastIndex = 0;
  const hasResolution = RESOLUTION.test(bodyText) || DONE.test(bodyText);
  const hasCommitment = COMMITMENT.test(bodyText);
  let hasQuestion = false;
  for (const s of doc.bodySentences) {
    if (text.charCodeAt(s.end - 1) === 63 /* ? */ && !STOCK_QUESTION.test(text.slice(s.start, s.end))) {
      hasQuestion = true;
      break;
    }
  }
  const hasConcreteTime = concreteTimes.length > 0;
  const result: Signals = {
    concreteTimes,
    hasConcreteTime,
    hasResolution,
    hasCommitment,
    hasQuestion,
    hasNextStep: hasConcreteTime || hasResolution || hasCommitment || hasQuestion,
  };
  memo.set(doc, result);
  return result;
}

/** Words in the draft body, excluding greeting and sign-off. */
export function bodyWordCount(doc: Doc): number {
  let n = 0;
  for (const t of doc.tokens) if (t.start >= doc.body.start && t.end <= doc.body.end) n++;
  return n;
}
