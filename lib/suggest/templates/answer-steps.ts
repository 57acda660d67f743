import { defineTemplate } from './define-template';
import { SHORT_SNIPPET_WORDS, wordCount } from '../specifics';
import { finish, lead, tail } from './phrases';

/** A how-to question gets the answer first: steps, where, how long. No apology. */
export default defineTemplate({
  id: 'answer-steps',
  kind: 'next-step',
  description: 'Answer a how-to question directly with the steps.',
  applies: (f) => f.category === 'how-to',
  order: () => 10,
  variants: [
    (f) => (f.task ? finish(`${lead(f)}here's how to ${f.task}: ⟨first step⟩, then ⟨second step⟩, and I'll check it worked by ⟨day⟩.`) : null),
    (f) => (f.task ? finish(`To ${f.task}${tail(f)}, go to ⟨where⟩ and choose ⟨option⟩; I've checked nothing on your account blocks it.`) : null),
    (f) => (f.task ? finish(`${lead(f)}you can ${f.task} from ⟨app, website or phone⟩ right now: ⟨steps⟩.`) : null),
  ],
  short: (f) => {
    const withTask = f.task ? finish(`To ${f.task}${tail(f)}: ⟨first step⟩, then ⟨second step⟩.`) : null;
    return withTask && wordCount(withTask) <= SHORT_SNIPPET_WORDS ? withTask : finish(`${lead(f)}here's how: ⟨first step⟩, then ⟨second step⟩.`);
  },
  talkingPoint: (f) => `Answer directly: how to ${f.task ?? 'do what they asked'}`,
  examples: [{ message: 'How do I change my Wi-Fi password?', includes: ['change your Wi-Fi password'] }],
});
