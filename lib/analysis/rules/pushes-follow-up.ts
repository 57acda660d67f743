import { compilePhrases, defineRule, matchAll } from '../rule';
import { signals } from '../signals';

const PUSH = compilePhrases([
  "(?:please )?(?:feel free to|do) (?:reach out|contact us|get in touch|get back to us|call us|email us|write to us|let us know|reply|drop us a line|give us a (?:call|shout))",
  '(?:please )?contact us (?:again )?(?:if|should|when|at any time|anytime|in case)',
  "(?:please )?(?:(?:do )?let us know|get back to us|reach out to us|reach out again|write back to us|reply to this (?:e-?mail|message)|respond to this (?:e-?mail|message)|give us a call|call us back|contact our (?:\\w+ )?(?:team|department|helpline|hotline)) (?:if|should|when|in case|at any time|anytime|and we)",
  'if you have any (?:further |other |more |additional )?(?:questions|queries|concerns|problems|issues)(?: (?:in the meantime|regarding this|about this))?',
  'if you (?:need|require) (?:any )?(?:further|more|additional) (?:help|assistance|information|support)',
  '(?:if|should) (?:the|this|your) (?:issue|problem|matter) (?:persists?|continues?|recurs?|reoccurs?|returns?)',
  'should you (?:have|need|require|wish|experience)',
  '(?:you can|you may|you are welcome to) (?:always )?(?:contact|reach|call|email) us',
  'contact us again',
  // Sends the customer off to do the work somewhere else.
  '(?:please )?(?:contact|call|speak to|reach out to|get in touch with) (?:the|your) (?:merchant|bank|manufacturer|retailer|seller|provider|airline|hotel|embassy|card issuer|restaurant|local branch|insurer|landlord|carrier|courier)(?: directly)?',
  '(?:please )?(?:visit|refer to|see|check|consult|read) (?:our|the) (?:website|web ?site|help ?cent(?:re|er)|faq|faqs|support (?:page|site|article|cent(?:re|er))|knowledge ?base|status page|terms(?: and conditions)?|returns portal|online (?:form|portal)|community forum)',
  '(?:for more|for further|for additional) (?:information|details|help)(?:,)? (?:please )?(?:visit|see|refer to|check|consult|read|go to)',
  'reach out (?:to us )?(?:again|anytime|any time)',
]);

export default defineRule({
  id: 'pushes-follow-up',
  description: 'Hands the next move to the customer ("feel free to reach out"). A warning when the reply has no step of its own.',
  severity: 'warning',
  weight: 0.25,
  maxCount: 2,
  source: 'https://hbr.org/2010/07/stop-trying-to-delight-your-customers',
  check(doc) {
    const hits = matchAll(PUSH, doc.text);
    if (!hits.length) return [];
    // One polite closer after a real step is normal; it is the only forward-looking line that hurts.
    const owned = signals(doc).hasNextStep;
    return hits.map((h) => ({
      start: h.start,
      end: h.end,
      message: owned ? `“${h.text}” leaves the follow-up to the customer.` : `“${h.text}” leaves the follow-up to the customer, and nothing else says what happens next.`,
      severity: owned ? ('info' as const) : ('warning' as const),
      weight: owned ? 0.1 : 0.3,
      fix: { hint: 'Own the follow-up: “I’ll check on Friday that it went through and email you.”' },
    }));
  },
  examples: {
    flag: [
      { text: 'Please contact us again if the problem continues.', span: 'Please contact us again if' },
      { text: 'Feel free to reach out with any other questions.', span: 'Feel free to reach out' },
      { text: 'If you have any further questions, let us know.', span: 'If you have any further questions' },
      { text: 'Should you require anything else, we are here.', span: 'Should you require' },
    ],
    allow: [
      'I’ll check on Friday that the refund landed and email you either way.',
      'Let me know if the 4pm slot works for you.',
      'Our contact us page lists the depot hours.',
    ],
  },
});
