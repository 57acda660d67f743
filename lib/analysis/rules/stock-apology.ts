import { definePhraseRule } from '../rule';

const HARM = '(?:inconvenience|trouble|frustration|confusion|issues?|problems?|disappointment|difficulties|delays?|distress|annoyance|hassle)';
// After "the", everyday words ("sorry for the delay/hassle") are how people talk; only the stock nouns count,
// and not when a specific qualifier follows ("sorry for the confusion on the bill").
const STOCK_HARM = '(?:inconvenience|inconveniences|frustration|disappointment|distress|annoyance|confusion|issues|problems|difficulties)(?! (?:on|with|about|over|around|regarding|in|at|from|of|caused by) (?:the|your|my|our|this|that) )';
const CAUSED = '(?: (?:this|that|it|we) (?:may|might|could|has|have) (?:have )?caused(?: you)?| caused(?: (?:to )?you)?| this (?:has|may have) caused| you (?:may have )?(?:experienced|faced|encountered))?';
const SUBJECT = "(?:(?:we|I|I'm|I am|we're|we are|we'd like to|I'd like to|we would like to|I would like to) (?:do |sincerely |deeply |truly |really |so |very |greatly |once again |again )*)?";

export default definePhraseRule({
  id: 'stock-apology',
  description: 'Apology for "any inconvenience" or hedged with "if": it names no harm and takes no responsibility.',
  severity: 'warning',
  weight: 0.35,
  maxCount: 2,
  source: 'https://www.thinkhdi.com/library/supportworld/2017/nonpologies-apologize-customers-like-you-mean-it',
  phrases: [
    `${SUBJECT}(?:apologi[sz]e|regret|sorry) for any ${HARM}${CAUSED}`,
    `${SUBJECT}(?:apologi[sz]e|regret|sorry) for (?:the|all the|all of the) ${STOCK_HARM}${CAUSED}`,
    // The formal verbs make even everyday nouns a form phrase: "We apologise for the delay."
    `${SUBJECT}(?:apologi[sz]e|regret) (?:for )?the (?:delay|delays|wait|trouble|hassle)(?! (?:on|with|about|over|around|regarding|in|at|from|of|caused by) (?:the|your|my|our|this|that) )`,
    `${SUBJECT}regret any ${HARM}${CAUSED}`,
    `(?:please accept )?(?:our|my) (?:sincere(?:st)? |deepest |humble |heartfelt )?apologies for any ${HARM}${CAUSED}`,
    `(?:please accept )?(?:our|my) (?:sincere(?:st)? |deepest |humble |heartfelt )?apologies for the ${STOCK_HARM}${CAUSED}`,
    'please accept (?:our|my) (?:sincere(?:st)? |deepest |humble |heartfelt )?apologies',
    `apologies for any ${HARM}${CAUSED}`,
    `apologies for the ${STOCK_HARM}${CAUSED}`,
    "(?:we|I) (?:apologi[sz]e|am sorry|'m sorry|are sorry|'re sorry) (?:for the delay in (?:our )?(?:response|responding|reply|replying|getting back to you))",
    "(?:I'm |I am |we're |we are |we )?(?:so |very |truly )?sorry (?:if|that) you (?:were|are|feel|felt|have been|may have been|might have been|might feel|may feel) (?:upset|offended|disappointed|frustrated|unhappy|inconvenienced|dissatisfied|let down|hurt)",
    "(?:we|I) (?:apologi[sz]e|are sorry|'re sorry|am sorry|'m sorry) if (?:this|that|it|we|our|any) (?:\\w+ ){0,3}?(?:has |have |may have |might have )?(?:caused|upset|offended|inconvenienced|disappointed|frustrated)",
    "(?:we|I) regret (?:that|to hear that) your (?:recent )?(?:experience|stay|visit|order|journey|flight)",
    'if you were (?:upset|offended|inconvenienced|disappointed|unhappy|dissatisfied|hurt)',
    'mistakes were made',
    "(?:(?:we are|we're|I am|I'm) (?:so |very |truly |really )?)?sorry to hear (?:about |of )?(?:your (?:recent )?experience|the (?:issue|issues|problem|problems|trouble|inconvenience|difficulties|difficulty)|any (?:issues|trouble|inconvenience))(?! (?:with|on|at|in|from) (?:your|the) \\w+ (?:on|at|from|in) )",
    "sorry to hear (?:that )?you(?:'re| are|'ve been| have been|'ve| have) (?:experiencing|having|facing|encountering|experienced|had|faced|encountered) (?:some |any |a few )?(?:issues|trouble|difficulties|problems|an issue|a problem)",
    "sorry (?:to hear )?(?:that )?(?:your|the) (?:\\w+ )?(?:did not|didn't|has not|hasn't|does not|doesn't) (?:meet|live up to) (?:your |our )?(?:expectations|standards)",
    "(?:we|I) (?:apologi[sz]e|are sorry|'re sorry|am sorry|'m sorry) (?:that )?(?:your|the) (?:\\w+ )?(?:did not|didn't|has not|hasn't) (?:meet|live up to) (?:your |our )?(?:expectations|standards)",
  ],
  message: (m) => `“${m}” apologises for nothing in particular and takes no responsibility.`,
  fix: { hint: 'Name what went wrong in their words and own it: “I’m sorry your order #… arrived broken — that’s on us.”' },
  examples: {
    flag: [
      { text: 'We apologize for any inconvenience this may have caused.', span: 'We apologize for any inconvenience this may have caused' },
      { text: 'Sorry for any inconvenience caused. Your account is fixed.', span: 'Sorry for any inconvenience caused' },
      { text: "I'm sorry if you were upset by the wait.", span: "I'm sorry if you were upset" },
      { text: 'Please accept our sincere apologies for the inconvenience.', span: 'Please accept our sincere apologies for the inconvenience' },
      { text: 'We regret any inconvenience.', span: 'We regret any inconvenience' },
      { text: 'Mistakes were made during the migration.', span: 'Mistakes were made' },
      { text: 'We apologise if this has caused you any trouble.' },
    ],
    allow: [
      'I’m sorry the engineer missed your 9am slot on Tuesday — that was our scheduling error.',
      'Sorry, I misread your question about the Pixel 7 warranty.',
      'There was no inconvenience at all, and I refunded the 42.10 today.',
      'I apologise for sending you the wrong tracking link for order 5521.',
      'Sorry for the delay, Sam: the part arrived this morning and I fitted it.',
      "I'm sorry for the confusion on the bill: the £12.50 is a one-off fee.",
    ],
  },
});
