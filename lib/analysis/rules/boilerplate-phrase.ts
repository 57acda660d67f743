import { compilePhrases, defineRule, matchAll } from '../rule';

/**
 * Stock openers, fillers and closers (detection.md §1.3 seed list). Each one alone is harmless; they add
 * up. Apologies, follow-up pushes, auto-responder lines and formal register have their own rules and are
 * deliberately not repeated here, so one phrase is never counted twice.
 */
export const BOILERPLATE = compilePhrases([
  // Openers
  'thank you (?:so much |very much )?for (?:contacting|reaching out to|getting in touch with|writing to|emailing|calling|messaging) (?:us|our (?:\\w+ )?(?:team|service|support|care|department)|\\w+(?: \\w+)? (?:support|team|customer (?:service|care|support)|care|help ?desk))',
  'thanks (?:so much |a lot |a bunch )?for (?:contacting|reaching out|getting in touch|writing in)(?: (?:to |with )?us)?',
  'thank you for (?:reaching out|getting in touch|writing in)',
  'thank you (?:so much |very much )?for (?:your|the) (?:e-?mail|message|inquiry|enquiry|query|request|ticket|feedback|interest|kind words|continued support|continued patience|loyalty|business)',
  'thank you (?:so much |very much )?for (?:your|the) (?:continued )?(?:patience|understanding|cooperation|co-operation|patience and understanding)(?! (?:while|as|with|during|over|through|since|on|in|this|these|last|yesterday))',
  'thank(?:s| you) (?:so much |very much )?for taking the time to (?:share|write|contact|reach|let us know|provide|give|leave|send|tell)',
  'thank(?:s| you) (?:so much |very much )?for bringing (?:this|it) (?:matter |issue )?to (?:our|my) attention',
  'thank(?:s| you)(?: again)? for (?:shopping|banking|flying|travell?ing|staying|dining|booking|choosing to (?:shop|bank|fly|travel)) with us',
  'thank(?:s| you)(?: again)? for using (?:our|the) (?:service|services|app|product|products|platform)',
  "(?:I|we) hope (?:you are|you're|this finds you|all is|everything is) (?:doing )?well",
  '(?:I|we) (?:completely |totally |fully |truly )?understand how important (?:this|it|that) (?:is|must be)',
  '(?:I|we) hope (?:this|my) (?:e-?mail|message|note|letter) finds you well',
  "(?:I|we) (?:completely |totally |fully |truly |really )?(?:understand|get) (?:your|how|just how) (?:frustrati(?:on|ng)|concerns?|inconvenien(?:ce|t)|upsetting|annoying|disappointing)(?: (?:this|that|it) (?:must be|has been|may have been|can be|is))?",
  "(?:we|I) can (?:only )?imagine how (?:frustrating|upsetting|annoying|inconvenient|disappointing) (?:this|that|it) (?:must be|has been|is|was|must have been)",
  // Corporate filler
  '(?:your|their) (?:feedback|call|business|satisfaction|custom|opinion|experience|time|privacy|safety|security|patience) (?:is|are) (?:very |extremely |incredibly |really |so |truly )?(?:important|valuable|valued|precious) to us',
  '(?:we|I) (?:truly |really |greatly |sincerely |do )?value (?:your|our) (?:business|feedback|loyalty|custom|customers|relationship|patience|opinion)',
  '(?:as )?(?:a|our|one of our) (?:valued|loyal|esteemed) (?:customer|client|member|guest)s?',
  '(?:we|I) (?:truly |really |greatly |sincerely |do )?appreciate your (?:patience|understanding|cooperation|co-operation|business|loyalty|feedback|continued support|support|time|patience and understanding)(?! (?:while|as|with|during|over|through|since|on|this))',
  'rest assured',
  '(?:so|in order) (?:that )?(?:we|I) (?:can|may|could) (?:look into|investigate|assist|help|check)(?: (?:this|it|you|your (?:\\w+ )?(?:case|request|issue|query|account|order|concern)))?(?: any)? further',
  '(?:assist|help) you (?:any )?further',
  '(?:is|are|was|were|be) (?:outside|beyond) (?:of )?our control',
  'circumstances beyond our control',
  'as a (?:gesture|token) of (?:goodwill|good will|our appreciation)',
  "(?:we're|we are) (?:so )?sorry to see you go",
  '(?:your|these|such) (?:feedback|comments|input|suggestions) (?:helps?|will help|allows?) us (?:to )?(?:improve|shape|make|get better|grow|serve)',
  '(?:we|I) (?:love|always love) hearing from (?:our|you)',
  '(?:we|I) value you as a (?:customer|client|member|guest)',
  "(?:we|I)(?:'ll| will|'d| would) be (?:more than )?(?:happy|glad|pleased|delighted) to (?:help|assist)(?! you (?:set|move|switch|book))",
  "(?:we are|we're|we) (?:unable|not able|not in a position) to (?:provide|offer|disclose|share|give|comment on|discuss) (?:any )?(?:further|more|additional)",
  "(?:we are|we're|I am|I'm) (?:always )?here (?:to help|for you)",
  "(?:it is|it's) (?:always )?(?:our|my) (?:pleasure|privilege) to (?:assist|help|serve)",
  '(?:I|we) (?:can )?assure you',
  "thank you for choosing (?:us|\\w+(?: \\w+)?)",
  'thank you for being (?:a|such a) (?:loyal|valued|great) (?:customer|member|client)',
  'for your (?:convenience|reference|peace of mind)',
  '(?:customer|your) satisfaction is (?:our|always our) (?:top |highest |number one |#1 )?priority',
  "(?:we are|we're|I am|I'm) (?:more than |always )?(?:happy|glad|pleased|delighted) to (?:assist|be of assistance|be of service|help you with (?:this|that|your (?:query|inquiry|enquiry|request|concern)))",
  "unfortunately,? (?:we are|we're) (?:unable|not able) to",
  '(?:we|I) (?:appreciate|thank you for) (?:you )?bringing (?:this|the) (?:matter |issue )?to (?:our|my) attention',
  'we understand (?:that )?(?:this|the situation) (?:is|may be|can be|has been) (?:frustrating|inconvenient|difficult|stressful)',
  // Closers
  'is there anything else (?:that )?(?:I|we) (?:can|could|may) (?:help|assist|do for) (?:you )?(?:with)?(?: today)?',
  "(?:if )?(?:there is|there's) anything else (?:(?:that )?(?:I|we) can (?:help|assist|do)(?: you)?(?: with)?)",
  'anything else (?:that )?(?:I|we) can (?:help|assist) (?:you )?with(?: today)?',
  'anything else (?:that )?(?:I|we) can do for you(?: today)?',
  'have an? (?:great|nice|wonderful|good|lovely|fantastic|blessed|pleasant|awesome|amazing|excellent|brilliant|terrific|super|fab|fabulous) (?:day|weekend|evening|one|afternoon|week|rest of (?:your|the) (?:day|week))',
  '(?:I|we) hope (?:this|that|the above|the information) (?:information )?(?:helps|clarifies|answers|resolves|was helpful|has been helpful|is helpful|assists)(?: (?:things|your (?:query|question|concern|issue)))?',
  '(?:we|I) look forward to (?:hearing from you|serving you|assisting you|helping you|your (?:reply|response)|welcoming you|seeing you|your continued)(?: again| soon| in the future)?',
  'thank you (?:again )?for your time(?: and (?:patience|understanding|consideration))?',
  '(?:we|I) hope to (?:have the (?:opportunity|pleasure|chance|privilege) to )?(?:see|serve|hear from|welcome|assist) you (?:again|back)(?: soon| in the future)?',
  '(?:we )?wish(?:ing)? you a (?:pleasant|great|wonderful|lovely|fantastic|safe|happy|good|nice) (?:flight|trip|journey|day|stay|weekend|holiday|evening)',
  'thank you for (?:being|staying) with us',
  "(?:we are|we're|I am|I'm) (?:always )?(?:happy|glad) to help(?: anytime| any time)?(?=[.!])",
  'happy (?:shopping|travels|travell?ing|browsing|gaming|listening|streaming|learning|baking|cooking|reading|flying)(?=\\s*[.!]|\\s*$)',
  'thanks (?:again )?for (?:your|the) (?:patience|understanding)(?! (?:while|as|with|during|over|through|since|on|this))',
]);

export default defineRule({
  id: 'boilerplate-phrase',
  description: 'Stock opener, filler or closer that could sit in any reply (team guides can add their own).',
  severity: 'warning',
  weight: 0.2,
  maxCount: 4,
  source: 'https://www.intercom.com/blog/how-we-use-intercom-for-customer-support/',
  check(doc, ctx) {
    const hits = matchAll(BOILERPLATE, doc.text);
    const extra = ctx.guide?.boilerplate;
    if (extra) {
      for (const h of matchAll(extra, doc.text)) if (!hits.some((b) => b.start < h.end && h.start < b.end)) hits.push(h);
      hits.sort((a, b) => a.start - b.start);
    }
    return hits.map((h) => ({
      start: h.start,
      end: h.end,
      message: `“${h.text}” is a stock phrase; it could be in any reply.`,
      fix: { hint: 'Cut it, or say the specific thing instead.' },
    }));
  },
  examples: {
    flag: [
      { text: 'Thank you for contacting us. Your order ships Monday.', span: 'Thank you for contacting us' },
      { text: 'I hope this email finds you well.', span: 'I hope this email finds you well' },
      { text: 'Your feedback is important to us.', span: 'Your feedback is important to us' },
      { text: 'Is there anything else I can help you with today?', span: 'Is there anything else I can help you with today' },
      { text: 'We appreciate your patience. Have a great day!', span: 'Have a great day' },
      { text: 'Thank you for your patience.', span: 'Thank you for your patience' },
      { text: 'Thanks for being awesome, Sam!', span: 'Thanks for being awesome', ctx: { guide: { boilerplate: ['thanks for being awesome'] } } },
    ],
    allow: [
      'Thank you for your patience while we rebuilt the billing export — it is fixed now.',
      'Thanks for the screenshots, Sam; they showed the error straight away.',
      'Day passes are great value, and I added one to your account.',
      { text: 'Thanks for being here.', ctx: { guide: { boilerplate: ['thanks for being awesome'] } } },
    ],
  },
});
