import type { Facts } from '../facts';
import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

const serviceName: Record<Facts['service'], string> = {
  mobile: 'your mobile contract',
  broadband: 'your broadband',
  tv: 'your TV service',
  energy: 'your energy account',
  online: 'your account',
  general: 'your account',
};

/** What they asked to close, in their words when we have them ("cancel your contract"). */
function closing(f: Facts): string {
  const own = f.request && /^(?:cancel|close|end|terminate|stop)\b/i.test(f.request) ? f.request.replace(/^(?:cancel|close|end|terminate|stop)\s+/i, '') : null;
  return own && /^(?:your|the)\b/i.test(own) && own.split(' ').length <= 4 ? own : serviceName[f.service];
}

/** Leaving: accept the decision plainly. No retention pitch, no "are you sure" (issue: help them leave well). */
export default defineTemplate({
  id: 'acknowledge-leaving',
  kind: 'acknowledge',
  description: 'Accept the decision to leave and make it easy; nothing that tries to keep them.',
  essential: true,
  applies: (f) => f.mood === 'leaving',
  order: () => 10,
  variants: [
    (f) => finish(`${lead(f)}I'll close ${closing(f)} as you asked, today.`),
    (f) => finish(`Understood${tail(f)}: I'm closing ${closing(f)} from ⟨end date⟩.`),
    (f) => finish(`${lead(f)}I'll handle closing ${closing(f)} myself; nothing to chase.`),
  ],
  talkingPoint: () => 'Confirm the closure and the end date; just help them go',
  examples: [{ message: 'I want to cancel my broadband contract, I am moving abroad next month.', includes: ['clos'] }],
});
