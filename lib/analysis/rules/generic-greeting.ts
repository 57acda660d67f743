import { compilePhrases, defineRule, matchAll } from '../rule';
import { findNameToken, firstName } from '../text';

const GENERIC = compilePhrases([
  "dear (?:valued |esteemed |loyal )?(?:customer|client|user|member|guest|subscriber|account ?holder|card ?holder|passenger|travell?er|shopper|patron|policy ?holder|applicant|sir or madam|sir ?/ ?madam|sir|madam|friend|valued one)s?",
  '(?:hello|hi|hey|greetings|good (?:morning|afternoon|evening|day)),? (?:(?:our|dear) )?(?:valued|esteemed|loyal) (?:customer|client|member|guest|subscriber|passenger|travell?er|shopper)s?',
  'to whom it may concern',
  'greetings from (?:the )?\\w+(?: \\w+)?',
]);

// Only "Hi there"/"Hello" style greetings count when the name is known: without a name there is no better option.
const NAMELESS = /^(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening|day))(?: there| all| team| folks| friend)?[\s,!.:;]*$/i;
const TRAILING_PUNCTUATION = /[\s,!.:;]+$/;

export default defineRule({
  id: 'generic-greeting',
  description: 'Opening that could be sent to anyone ("Dear Customer"), or a nameless "Hi there" when the name is known.',
  severity: 'warning',
  weight: 0.35,
  source: 'https://www.intercom.com/blog/how-we-use-intercom-for-customer-support/',
  check(doc, ctx) {
    const first = firstName(ctx.customerName);
    const fix = {
      replacement: first ? `Hi ${first}` : undefined,
      hint: first ? `Greet ${first} by name.` : "Use the customer's name from the ticket.",
    };
    // Salutations only matter at the top; a stock greeting further down is quoted history or a signature.
    const head = doc.greeting ? doc.greeting.end : Math.min(doc.text.length, (doc.sentences[0]?.end ?? 0) + 1);
    const hits = matchAll(GENERIC, doc.text, 0, Math.max(head, Math.min(doc.text.length, 200)));
    if (hits.length) {
      return hits.slice(0, 1).map((h) => ({ start: h.start, end: h.end, message: `“${h.text}” could be sent to anyone.`, fix }));
    }
    if (ctx.customerName && doc.greeting && !findNameToken(doc, ctx.customerName)) {
      const g = doc.greeting;
      const greetingText = doc.text.slice(g.start, g.end);
      if (NAMELESS.test(greetingText)) {
        const trimmed = greetingText.replace(TRAILING_PUNCTUATION, '');
        return [{ start: g.start, end: g.start + trimmed.length, message: `You know their name: greet ${first ?? 'them'} directly.`, fix }];
      }
    }
    return [];
  },
  examples: {
    flag: [
      { text: 'Dear Customer,\nYour refund was issued today.', span: 'Dear Customer' },
      { text: 'Dear Sir/Madam, thank you for your letter.', span: 'Dear Sir/Madam' },
      { text: 'Hello valued customer! Your plan renews soon.', span: 'Hello valued customer' },
      { text: 'To whom it may concern: the parcel was returned.', span: 'To whom it may concern' },
      { text: 'Hi there,\nI moved your booking to Friday.', span: 'Hi there', ctx: { customerName: 'Priya Shah' } },
    ],
    allow: [
      'Hi Priya, your refund went out today.',
      { text: 'Hi there, I moved your booking to Friday.', ctx: {} },
      { text: 'Hi Mr Okafor,\nthe engineer is booked for Tuesday.', ctx: { customerName: 'Mr Okafor' } },
      'Dear Sam, the valued customer discount is applied to order 5521.',
      { text: 'Hello Zoë, your card is on its way.', ctx: { customerName: 'Zoe\u0308 Martin' } },
    ],
  },
});
