/**
 * Labelled drafts for askedAgain, kept with the unit (as the guide's examples are) and run by one
 * generic test that reports precision and recall. Each case names the customer history it is
 * read against, so a fact that was never given is a hard negative too.
 */
import type { CustomerText, FactKind } from './index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Thursday 26 March 2026, 15:00 UTC. */
export const EXAMPLE_NOW = Date.UTC(2026, 2, 26, 15);
/** The contact the drafts answer. */
export const EXAMPLE_CONTACT = 'T-300';

export const EXAMPLE_HISTORIES = {
  full: [
    {
      at: Date.UTC(2026, 2, 10, 10),
      source: 'message',
      contactKey: 'T-100',
      text: 'Hi, my order number is 12345 and the parcel never arrived. My account number is 5512-883.',
    },
    {
      at: EXAMPLE_NOW - 3 * DAY,
      source: 'message',
      contactKey: 'T-200',
      text: "The app crashes when I open settings. I've tried clearing the cache and I already restarted the router twice.",
    },
    {
      at: EXAMPLE_NOW - 2 * DAY,
      source: 'message',
      contactKey: 'T-200',
      text: 'You can reach me on 07700 900123 or at jane.doe@example.com. My new address is 14 Elm Street, Leeds LS1 4AB.',
    },
    { at: EXAMPLE_NOW - HOUR, source: 'note', contactKey: 'T-300', text: 'Verified ID via security questions. Customer chasing refund.' },
    { at: EXAMPLE_NOW - HOUR / 2, source: 'message', contactKey: 'T-300', text: 'Any news on my refund?' },
  ],
  orderOnly: [{ at: EXAMPLE_NOW - 5 * DAY, source: 'message', contactKey: 'T-050', text: "My order #A-99812 still hasn't arrived." }],
  unsure: [{ at: EXAMPLE_NOW - DAY, source: 'message', contactKey: 'T-250', text: "Should I restart the router? I haven't rebooted it yet, it keeps dropping." }],
} satisfies Record<string, CustomerText[]>;

export interface AskedExample {
  draft: string;
  history: keyof typeof EXAMPLE_HISTORIES;
  /** Defaults to EXAMPLE_CONTACT. */
  contact?: string;
  /** The kinds that should be flagged; empty for a hard negative. */
  expect: FactKind[];
}

export const ASKED_EXAMPLES: AskedExample[] = [
  // Asking again.
  { history: 'full', draft: 'Could you send me your order number?', expect: ['order-number'] },
  { history: 'full', draft: 'Can you please confirm your account number', expect: ['account-number'] },
  { history: 'full', draft: 'Have you tried restarting the router?', expect: ['troubleshooting'] },
  { history: 'full', draft: "Please describe the issue you're having.", expect: ['fault'] },
  { history: 'full', draft: "I'll need to verify your identity before we go on.", expect: ['identity-verified'] },
  { history: 'full', draft: 'Thanks for your patience, could you send me your order number?', expect: ['order-number'] },
  { history: 'full', draft: "What's your order number?", expect: ['order-number'] },
  { history: 'full', draft: 'Could you try clearing your cache and let me know?', expect: ['troubleshooting'] },
  { history: 'full', draft: 'Please reboot your hub and try again.', expect: ['troubleshooting'] },
  { history: 'full', draft: 'Restart the router, then check the lights on the front.', expect: ['troubleshooting'] },
  { history: 'full', draft: 'Can you tell me more about the problem?', expect: ['fault'] },
  { history: 'full', draft: 'Hello again! What seems to be the problem?', expect: ['fault'] },
  { history: 'full', draft: 'Could you confirm your email address?', expect: ['email'] },
  { history: 'full', draft: "What's the best number to reach you on?", expect: ['phone'] },
  { history: 'full', draft: 'Can you confirm your delivery address, please?', expect: ['address'] },
  { history: 'full', draft: 'Could you send your postcode so I can check coverage?', expect: ['address'] },
  { history: 'full', draft: 'Before I can help, can you answer a few security questions?', expect: ['identity-verified'] },
  { history: 'full', draft: 'Could you provide your account number and order number so I can look into this?', expect: ['order-number', 'account-number'] },
  { history: 'full', draft: "I'd suggest turning the router off and on again.", expect: ['troubleshooting'] },
  { history: 'full', draft: "Hi Jane, I'm sorry about the delay. Can I take your order reference?", expect: ['order-number'] },
  { history: 'full', draft: 'Please reply with your order no. and a photo of the label.', expect: ['order-number'] },
  { history: 'full', draft: 'Have you tried rebooting it?', expect: ['troubleshooting'] },
  { history: 'full', draft: 'Would you mind telling me what happened?', expect: ['fault'] },
  { history: 'full', draft: 'Let me just verify your identity first.', expect: ['identity-verified'] },
  { history: 'full', draft: 'Sorry to hear that.\nCould you send me your order number again?', expect: ['order-number'] },
  { history: 'orderOnly', draft: 'To look into this, could you give me your order number?', expect: ['order-number'] },
  { history: 'full', draft: 'Could you clear the cache and restart the router for me?', expect: ['troubleshooting', 'troubleshooting'] },

  // Hard negatives: mentions, different asks, facts never given, other contacts.
  { history: 'full', draft: 'Your order 12345 has shipped and should arrive tomorrow.', expect: [] },
  { history: 'full', draft: 'I can see your order number 12345 here, thanks.', expect: [] },
  { history: 'full', draft: "Thanks for sending your order number, I've passed it to the warehouse.", expect: [] },
  { history: 'full', draft: 'Could you send me a photo of the damaged item?', expect: [] },
  { history: 'full', draft: "As you've already restarted the router, I've booked an engineer.", expect: [] },
  { history: 'full', draft: 'Could you restart the app for me?', expect: [] },
  { history: 'full', draft: 'Have you tried updating the app?', expect: [] },
  { history: 'orderOnly', draft: 'Please describe the issue.', expect: [] },
  { history: 'full', contact: 'T-400', draft: "I'll need to verify your identity.", expect: [] },
  { history: 'full', draft: "We'll address this as soon as we can, could you bear with me?", expect: [] },
  { history: 'orderOnly', draft: 'Could you confirm your email address?', expect: [] },
  { history: 'full', draft: "I've escalated the issue to our engineers.", expect: [] },
  { history: 'full', draft: 'Can you confirm order 12345 is the one with the broken item?', expect: [] },
  { history: 'full', draft: 'I restarted the line from our side, could you check now?', expect: [] },
  { history: 'full', draft: 'Your account number ending 883 is on file.', expect: [] },
  { history: 'full', draft: "Could you tell me which version of the app you're on?", expect: [] },
  { history: 'full', draft: "I'm sorry the app keeps crashing when you open settings.", expect: [] },
  { history: 'full', draft: "Please don't worry about your order number, we have everything we need.", expect: [] },
  { history: 'full', draft: 'Thank you for confirming your identity earlier.', expect: [] },
  { history: 'full', draft: "Once you've restarted the router, the lights should turn green.", expect: [] },
  { history: 'full', draft: 'Is your phone number still 07700 900123?', expect: [] },
  { history: 'orderOnly', draft: 'Could you confirm your account number?', expect: [] },
  { history: 'full', draft: 'Can you describe the noise the router makes?', expect: [] },
  { history: 'unsure', draft: 'Have you tried restarting the router?', expect: [] },
  { history: 'full', draft: "I'll send you an email with the tracking link.", expect: [] },
  { history: 'full', draft: 'We have refunded order 12345 to your account.', expect: [] },

  // Written after the matcher was tuned and left as first run, so the figures are not only a
  // measure of the cases it was built on. First run: all 10 positives found, one false positive
  // ("keep your order number handy": a request that names the number without asking for it).
  // Kept as a known miss rather than tuned away.
  { history: 'full', draft: 'Just so I can pull up your details, what is your account number?', expect: ['account-number'] },
  { history: 'full', draft: 'Could you reply with the email address on the account?', expect: ['email'] },
  { history: 'full', draft: 'Can you power cycle the router for me and see if the lights change?', expect: ['troubleshooting'] },
  { history: 'full', draft: 'To get started, please clear your browser cache.', expect: ['troubleshooting'] },
  { history: 'full', draft: "So I can check, what's the order number?", expect: ['order-number'] },
  { history: 'full', draft: "Could you let me know what's going wrong with the app?", expect: ['fault'] },
  { history: 'full', draft: 'For security, please confirm your date of birth.', expect: ['identity-verified'] },
  { history: 'full', draft: 'May I have a contact number in case we get cut off?', expect: ['phone'] },
  { history: 'orderOnly', draft: 'Please could you share the order number with me?', expect: ['order-number'] },
  { history: 'full', draft: 'Would you be able to give us your full address?', expect: ['address'] },
  { history: 'full', draft: 'The order number you gave, 12345, shows as delivered.', expect: [] },
  { history: 'full', draft: "I've checked your account and everything looks fine.", expect: [] },
  { history: 'full', draft: 'Please keep your order number handy for when the courier calls.', expect: [] },
  { history: 'full', draft: "We've reset your line from our end, so there's no need to restart anything.", expect: [] },
  { history: 'full', draft: 'Let me know if the app crashes again.', expect: [] },
  { history: 'full', draft: "I'll email the engineer's report to your email address today.", expect: [] },
  { history: 'full', draft: 'Could you tell me when the problem started?', expect: [] },
  { history: 'orderOnly', draft: 'Have you tried restarting the router?', expect: [] },
];
