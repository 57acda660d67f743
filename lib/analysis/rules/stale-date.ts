import { defineRule } from '../rule';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// Only dates with a year: without one, "3 March" may well mean next March.
const DATE = new RegExp(
  [
    `\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH}\\.?,? (\\d{4})\\b`,
    `\\b${MONTH}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`,
    '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b',
  ].join('|'),
  'gi',
);
// The date has to be something promised, not a record of the past ("you paid on 3 March 2024").
const FUTURE_CUE = /(?:\b(?:will|shall|expect|expected|scheduled|due|going to|until|before|starting|effective|valid (?:until|through)|arrives?|ships?|dispatch(?:es)?)\b|['’]ll\b)/i;

function parse(m: RegExpExecArray): Date | null {
  let y: number, mo: number, d: number;
  if (m[1] && m[2] && m[3]) [d, mo, y] = [Number(m[1]), MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()), Number(m[3])];
  else if (m[4] && m[5] && m[6]) [mo, d, y] = [MONTHS.indexOf(m[4].slice(0, 3).toLowerCase()), Number(m[5]), Number(m[6])];
  else if (m[7] && m[8] && m[9]) [y, mo, d] = [Number(m[7]), Number(m[8]) - 1, Number(m[9])];
  else return null;
  const date = new Date(Date.UTC(y, mo, d));
  return date.getUTCMonth() === mo && date.getUTCDate() === d ? date : null;
}

export default defineRule({
  id: 'stale-date',
  description: 'Promises a date that has already passed: usually left over from the reply this one was copied from. Needs `now`.',
  severity: 'warning',
  weight: 0.35,
  check(doc, ctx) {
    if (!ctx.now) return [];
    const today = Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate());
    const out = [];
    for (const s of doc.bodySentences) {
      const sentence = doc.text.slice(s.start, s.end);
      if (!FUTURE_CUE.test(sentence)) continue;
      DATE.lastIndex = 0;
      for (let m = DATE.exec(sentence); m; m = DATE.exec(sentence)) {
        const date = parse(m);
        if (date && date.getTime() < today) {
          out.push({
            start: s.start + m.index,
            end: s.start + m.index + m[0].length,
            message: `“${m[0]}” has already passed: is this left over from an earlier reply?`,
            fix: { hint: 'Put in the date that applies to this customer.' },
          });
        }
      }
    }
    return out;
  },
  examples: {
    flag: [
      { text: 'The engineer will visit on 3 March 2024 between 8 and 12.', span: '3 March 2024', ctx: { now: new Date('2025-06-01T10:00:00Z') } },
      { text: 'Your new card ships by 2025-01-15.', span: '2025-01-15', ctx: { now: new Date('2025-06-01T10:00:00Z') } },
    ],
    allow: [
      { text: 'The engineer will visit on 3 March 2026 between 8 and 12.', ctx: { now: new Date('2025-06-01T10:00:00Z') } },
      { text: 'You paid on 3 March 2024, and that payment is fine.', ctx: { now: new Date('2025-06-01T10:00:00Z') } },
      'The engineer will visit on 3 March 2024 between 8 and 12.',
    ],
  },
});
