import { definePhraseRule } from '../rule';

export default definePhraseRule({
  id: 'empty-promise',
  description: 'Promise of improvement with no specific change behind it ("this won\'t happen again", "we take this seriously").',
  severity: 'warning',
  weight: 0.25,
  maxCount: 2,
  source: 'https://www.nber.org/papers/w25676',
  phrases: [
    "(?:this|it|this issue|this problem|that|this mistake|this error) (?:will not|won't|will never|shall not|should not|shouldn't) (?:happen|occur|be repeated) again",
    "(?:we|I) (?:will|'ll|shall) ensure (?:that )?(?:this|it) (?:does not|doesn't|will not|won't|never) (?:happen|occur)s? again",
    "(?:we|I) (?:will|'ll|shall) (?:do|try to do|strive to do) (?:better|our (?:very )?best|everything (?:we|in our power) can)(?: (?:in (?:the )?future|next time|going forward))?",
    "(?:we are|we're|we) (?:constantly|continually|continuously|always) (?:working|striving|looking|trying|seeking) (?:hard )?(?:to|for ways to) (?:improve|enhance|better)",
    "(?:we|I) (?:take|are taking|'re taking) (?:this|these matters|this matter|such matters|matters like this|(?:all )?(?:customer )?(?:feedback|complaints)|your (?:feedback|concerns?|complaint|comments|privacy|security)|(?:data )?(?:privacy|security)) (?:very |extremely |really |incredibly )?seriously",
    '(?:we|I) (?:strive|aim|endeavou?r|are committed|am committed|are dedicated) to (?:provid|deliver|offer|ensur|giv|mak|be)\\w*(?: (?:the|an?|our) (?:best|highest|excellent|exceptional|great|outstanding|quality)\\w*)?',
    'lessons (?:have been|will be|were) learn(?:ed|t)',
    "(?:we|I) (?:will|'ll) (?:use|take) (?:your|this) feedback to (?:improve|help|make)",
    "(?:we|I) (?:will|'ll) (?:take|use) (?:this|it) as (?:a )?(?:learning|feedback|an opportunity)",
  ],
  message: (m) => `“${m}” promises nothing the customer can check.`,
  fix: { hint: 'Name the specific change, or leave the promise out.' },
  examples: {
    flag: [
      { text: 'We take your feedback very seriously.', span: 'We take your feedback very seriously' },
      { text: 'This will not happen again.', span: 'This will not happen again' },
      { text: 'We are constantly working to improve our service.', span: 'We are constantly working to improve' },
      { text: 'We strive to provide the best service.', span: 'We strive to provide the best' },
    ],
    allow: [
      'I have changed the depot’s note on your address so drivers use the side gate from now on.',
      'It happened again on Monday, so I replaced the router.',
    ],
  },
});
