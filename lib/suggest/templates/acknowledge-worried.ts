import { defineTemplate } from './define-template';
import { finish, issueOr, lead, tail } from './phrases';

/** Worry: reassure with something checked, not with a promise nobody can keep. */
export default defineTemplate({
  id: 'acknowledge-worried',
  kind: 'acknowledge',
  description: 'Meet worry with a fact already checked and a first step already taken.',
  applies: (f) => f.failure && f.tone === 'worried',
  order: () => 30,
  variants: [
    (f) => finish(`${lead(f)}I can see why this is worrying: ${issueOr(f)}. Here's what I've checked so far: ⟨what you checked⟩.`),
    (f) => finish(`${lead(f)}let me take the worry off you: ${issueOr(f)}, and I've already ⟨first thing you did⟩.`),
    (f) => finish(`It makes sense that you're worried${tail(f)}: ${issueOr(f)}. The first thing I've checked is ⟨first step⟩.`),
  ],
  short: (f) => finish(`${lead(f)}I've already checked ⟨what you checked⟩, so you needn't worry about that.`),
  talkingPoint: () => 'Reassure with a fact you have checked, then the first step you took',
  examples: [{ message: "I'm really worried, there is a payment of £89 I don't recognise on my bill.", includes: ['⟨'] }],
});
