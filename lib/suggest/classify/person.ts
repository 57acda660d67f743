/**
 * Turns the customer's words into the agent's: "my router keeps dropping" → "your router keeps
 * dropping", "you charged me twice" → "we charged you twice". Apologies that reuse the customer's
 * own words read as listening (Packard & Berger 2021); this makes them grammatical from our side.
 */

// The customer's "you" is the company. As a subject it becomes "we", as an object "us".
const verbAfterYou =
  /^(?:have|had|has|did|didn't|do|don't|are|were|was|weren't|aren't|keep|kept|never|still|said|told|promised|charged|sent|cut|took|take|took|just|clearly|obviously|always|haven't|hadn't|can't|cannot|could|couldn't|should|shouldn't|will|won't|would|wouldn't|guys|people|lot|messed|missed|lost|broke|cancelled|canceled|changed|closed|billed|put|left|gave|moved|switched|stopped|failed|forgot|ignored|need|needed|owe|made|make|claimed|assured|confirmed|booked|installed|upgraded|increased|raised|also|then|all)$/i;

// After these words "you" is an object ("told you", "with you", "thank you"); elsewhere it is a subject ("how you treat me").
const objectBefore =
  /^(?:to|for|with|at|from|about|of|by|than|like|against|without|thank|tell|told|ask|asked|call|called|email|emailed|contact|contacted|pay|paid|show|showed|let|help|helped|give|gave|send|sent|charge|charged|trust|trusted|chase|chased|phone|phoned|ring|rang|remind|reminded|warn|warned|write|wrote|promise|promised|assure|assured|\w+ed)$/;

const simple: Record<string, string> = {
  my: 'your',
  mine: 'yours',
  me: 'you',
  myself: 'yourself',
  our: 'your',
  ours: 'yours',
  us: 'you',
  ourselves: 'yourselves',
  "i'm": "you're",
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
  "we're": "you're",
  "we've": "you've",
  "we'd": "you'd",
  "we'll": "you'll",
  "you're": "we're",
  "you've": "we've",
  "you'd": "we'd",
  "you'll": "we'll",
  your: 'our',
  yours: 'ours',
  yourself: 'ourselves',
  yourselves: 'ourselves',
};

const beFix: Record<string, string> = { am: 'are', was: 'were', "wasn't": "weren't" };

/** Converts one clause from the customer's point of view to the agent's. */
export function toSecondPerson(clause: string): string {
  const tokens = clause.split(/(\s+)/);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] ?? '';
    const m = /^([("']*)([A-Za-z']+)([^A-Za-z']*)$/.exec(tok);
    if (!m) {
      out.push(tok);
      continue;
    }
    const [, pre = '', word = '', post = ''] = m;
    const lower = word.toLowerCase();
    const next = (tokens[i + 2] ?? '').replace(/[^A-Za-z']/g, '');
    const prevOut = (out[out.length - 2] ?? '').toLowerCase();
    let rep: string | undefined;
    if (lower === 'i' || lower === 'we') rep = 'you';
    else if (lower === 'you') {
      // Start of clause or followed by a verb: subject. Otherwise an object ("told you", "for you").
      rep = i === 0 || verbAfterYou.test(next) || !objectBefore.test(prevOut.replace(/[^a-z']/g, '')) ? 'we' : 'us';
    } else if (beFix[lower] !== undefined && /^(you)$/.test(prevOut.replace(/[^a-z]/g, ''))) {
      rep = beFix[lower];
    } else if (simple[lower] !== undefined) rep = simple[lower];
    if (rep === undefined) {
      out.push(tok);
      continue;
    }
    // Keep the case the customer used, except that a converted "I" is a normal word mid-sentence.
    const cased = i === 0 && /^[A-Z]/.test(word) ? rep.charAt(0).toUpperCase() + rep.slice(1) : rep;
    out.push(pre + cased + post);
  }
  // "you guys" → "we guys" reads oddly; the company is just "we".
  return out.join('').replace(/\bwe guys\b/gi, 'we').replace(/\bus guys\b/gi, 'us');
}
