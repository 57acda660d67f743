import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** The short answer first, then the detail that applies to them. */
export default defineTemplate({
  id: 'answer-confirm',
  kind: 'acknowledge',
  description: 'Give the short answer to a question, checked against their account.',
  applies: (f) => f.category === 'how-to',
  order: () => 15,
  variants: [
    (f) => (f.task ? finish(`Yes${tail(f)}, you can ${f.task}: ⟨how⟩. I've checked your account for it.`) : null),
    (f) => finish(`The short answer${tail(f)}: ⟨direct answer⟩.`),
    (f) => finish(`${lead(f)}I've checked your account: ⟨the answer for them⟩.`),
  ],
  talkingPoint: () => 'Give the answer first, then the detail that applies to them',
  examples: [{ message: 'Can I pay my bill by bank transfer?', includes: ['⟨'] }],
});
