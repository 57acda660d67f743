import { definePhraseRule } from '../rule';

export default definePhraseRule({
  id: 'vague-reference',
  description: 'Abstract stand-in ("the matter", "the issue you are experiencing") where the customer\'s own words belong.',
  severity: 'info',
  weight: 0.1,
  maxCount: 2,
  source: 'https://doi.org/10.1093/jcr/ucaa038',
  phrases: [
    '(?:the|this|that|your|said) matter(?! of| to)',
    'the (?:above|aforementioned|said|mentioned) (?:matter|issue|request|query|item|order|case|concern|problem)',
    'the (?:issue|problem|item|product|order|matter) (?:at hand|in question)',
    "the (?:issue|issues|problem|problems|difficulties|trouble|inconvenience) (?:that )?you(?:'re| are| were| have been| may be| might be)? (?:experiencing|facing|having|encountering|reporting|describing|mentioning)",
    "the (?:issue|problem|concern) (?:that )?you (?:have )?(?:reported|raised|mentioned|described|experienced|encountered)",
    'your (?:concern|query|enquiry|inquiry)(?:\\s+(?:regarding|about|with) (?:this|the|your) (?:matter|issue))?',
  ],
  message: (m) => `“${m}” could mean anything; name the actual thing.`,
  fix: { hint: 'Use their words: “the double charge on 3 March”, “your Pixel 7’s cracked screen”.' },
  examples: {
    flag: [
      { text: 'We are looking into the issue you are experiencing.', span: 'the issue you are experiencing' },
      { text: 'Regarding your concern, the matter is closed.', span: 'your concern' },
    ],
    allow: ['The double charge on 3 March is reversed.', 'No matter what, I will call you at 5.'],
  },
});
