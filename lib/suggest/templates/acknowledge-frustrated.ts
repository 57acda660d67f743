import { defineTemplate } from './define-template';
import { finish, issueOr, lead, tail } from './phrases';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Frustration (including sarcasm): acknowledge the hassle they have already been through. */
export default defineTemplate({
  id: 'acknowledge-frustrated',
  kind: 'acknowledge',
  description: 'Acknowledge the effort the customer has already spent, with the specific failure.',
  applies: (f) => f.failure && f.tone === 'frustrated',
  order: () => 30,
  variants: [
    (f) => finish(`${lead(f)}you've had to chase us for this, and you shouldn't have: ${issueOr(f)}. I'm taking it on today.`),
    (f) => finish(`${lead(f)}I can see why you're fed up. ${cap(issueOr(f))}, and I'm making it my job to finish it today.`),
    (f) => finish(`That's a lot of hassle for something that should have just worked${tail(f)}: ${issueOr(f)}. I'm picking it up now.`),
  ],
  short: (f) => finish(`${lead(f)}you shouldn't have had to chase this. I'm on it today.`),
  talkingPoint: () => 'Acknowledge the hassle so far; say what you will do differently',
  examples: [{ message: 'Great, third time I am writing about my bill. Fantastic service.', includes: ['third time'] }],
});
