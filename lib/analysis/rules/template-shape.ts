import { compilePhrases, defineRule, matchAll } from '../rule';
import type { RawFinding } from '../rule';

const DONT_HESITATE = compilePhrases([
  "(?:please )?(?:do not|don't|dont|never) hesitate to (?:contact|reach out to|reach|call|email|e-mail|get in touch with|ask|let|write to|reply to|get back to)(?: us| me| our (?:\\w+ )?(?:team|department|support(?: team)?)| know)?",
  "(?:please )?(?:do not|don't|dont) hesitate to (?:get in touch|reach out|ask)",
]);

// Words that make a signature line an organisation rather than a person.
const ORG_WORD =
  /\b(?:team|teams|department|dept|services?|support|care|relations|operations|desk|help ?desk|helpline|centre|center|crew|family|bookings|reservations|specialists?|representatives?|advisors?|advisers?|agents?|office|billing|accounts?|customers?|complaints|claims|collections|membership|members|guests?|lending|mortgages?|payments|experience|success|sales|returns|management|administration|admin|desk)\b/i;
const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const NAME_SEPARATOR = /[,(|–—]|\s-\s/;
const WHITESPACE = /\s+/;
const THE = /^the$/i;
const SENTENCE_END = /[.?]$/;
const VALEDICTION_HEAD = /^[ \t]*(?:(?:kind|kindest|warm|warmest|best|many|with|yours)[ \t]+)?(?:regards|wishes|thanks|thank you|sincerely|faithfully|truly|best|cheers|respectfully|all the best|take care|talk soon|thanks again|many thanks|yours)[ \t]*[,.!—–-]*[ \t]*/i;
// Corporate footer lines: legal text, ticket references, phone/URL blocks.
const FOOTER =
  /\b(?:this (?:e-?mail|message) (?:and any attachments )?(?:is|are|may be) (?:confidential|intended)|confidentiality notice|please consider the environment|ticket (?:#|number|no\.?|id|ref)|case (?:#|number|no\.?|id|ref)|reference (?:#|number|no\.?)|registered (?:office|in england)|company (?:no\.?|number)|follow us on|https?:\/\/|www\.|tel(?:ephone)?[:.]|phone[:.]|toll[- ]free)/i;

/** "Dana", "Jo Smith", "Dana (billing)", "Omar, Claims": a person signs, whatever follows the name. */
function isPersonLine(line: string): boolean {
  const head = line.trim().split(NAME_SEPARATOR)[0]!.trim();
  const words = head.split(WHITESPACE).filter(Boolean);
  if (words.length === 0 || words.length > 3 || THE.test(words[0]!)) return false;
  return words.every((w) => CAPITALISED_WORD.test(w) && !ORG_WORD.test(w));
}

/** Lines of a sign-off block, with the valediction itself removed ("Kind regards, Acme Team" → "Acme Team"). */
function signatureLines(block: string): string[] {
  const lines = block.split('\n');
  lines[0] = lines[0]!.replace(VALEDICTION_HEAD, '');
  return lines.map((l) => l.trim()).filter(Boolean);
}

const HEAVY_SIGNOFF_LINES = 5;

export default defineRule({
  id: 'template-shape',
  description: 'Shaped like a macro: "do not hesitate to contact us", a team instead of a person signing, a heavy signature block.',
  severity: 'warning',
  weight: 0.3,
  maxCount: 2,
  source: 'https://www.intercom.com/blog/how-we-use-intercom-for-customer-support/',
  check(doc) {
    const out: RawFinding[] = matchAll(DONT_HESITATE, doc.text).map((h) => ({
      start: h.start,
      end: h.end,
      message: `“${h.text}” is the stock macro closer.`,
      fix: { hint: 'End on your own next step instead of an invitation to write again.' },
    }));
    // The sign-off block, or failing that the last line (a team name with no valediction above it).
    const end = doc.text.trimEnd().length;
    const lastLineStart = doc.text.lastIndexOf('\n', end - 1) + 1;
    const block = doc.signoff ?? (lastLineStart > 0 && end - lastLineStart <= 40 && !SENTENCE_END.test(doc.text.slice(lastLineStart, end)) ? { start: lastLineStart, end } : null);
    if (block) {
      const text = doc.text.slice(block.start, block.end);
      const lines = text.split('\n').filter((l) => l.trim()).length;
      const signature = signatureLines(text);
      const signedByPerson = signature.some(isPersonLine);
      const team = !signedByPerson && signature.some((l) => ORG_WORD.test(l) && l.split(WHITESPACE).length <= 6);
      if (team && text.length <= 200 && (doc.signoff || signature.length === 1)) {
        out.push({
          start: block.start,
          end: block.end,
          message: 'Signed by a team, not a person: nobody owns this reply.',
          fix: { hint: 'Sign with your own name.' },
        });
      } else if (doc.signoff && (lines >= HEAVY_SIGNOFF_LINES || FOOTER.test(text))) {
        out.push({
          start: block.start,
          end: block.end,
          message: 'Heavy signature block: it reads like a form letter.',
          fix: { hint: 'Keep the sign-off to your name.' },
        });
      }
    }
    return out;
  },
  examples: {
    flag: [
      { text: 'Your plan is active. Please do not hesitate to contact us.', span: 'Please do not hesitate to contact us' },
      { text: 'Your card is on its way.\n\nKind regards,\nCustomer Support Team', span: 'Kind regards,\nCustomer Support Team' },
      { text: 'Your card is on its way.\n\nKind regards, Customer Support Team', span: 'Kind regards, Customer Support Team' },
      { text: 'Your card is on its way.\nThanks,\nThe Acme Team', span: 'Thanks,\nThe Acme Team' },
      { text: 'Your card is on its way.\n\nSincerely,\nAccount Services', span: 'Sincerely,\nAccount Services' },
      { text: 'Your order is ready.\nThe FoodNow Team', span: 'The FoodNow Team' },
      {
        text: 'Your card is on its way.\n\nBest regards,\nJo Smith\nCustomer Care Advisor\nAcme Bank plc\nTel: 0800 000 000\nwww.acme.example',
        span: 'Best regards,\nJo Smith\nCustomer Care Advisor\nAcme Bank plc\nTel: 0800 000 000\nwww.acme.example',
      },
    ],
    allow: [
      'Your card is on its way.\n\nThanks,\nSam',
      'Your card is on its way; I’ll text you when it’s delivered.\nCheers, Dana (billing)',
      'I asked the support team lead, Ana, and she agreed to waive the fee.',
      'Don’t worry about the fee; I waived it.',
      'Your card is on its way.\n\nKind regards,\nDana\nCustomer Support',
      'I fixed the export.\nOur support team is on it.',
    ],
  },
});
