import type { Facts } from '../facts';
import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** What a leaving customer needs to go, by service: codes, final bill, returns, data. */
const kits: Record<Facts['service'], { text: string; brief: string; short: string }> = {
  mobile: {
    text: 'your PAC code is ⟨PAC code⟩ (valid for 30 days), your unlock code is ⟨unlock code⟩, and your final bill of ⟨amount⟩ arrives by ⟨date⟩',
    brief: 'PAC ⟨PAC code⟩, unlock ⟨unlock code⟩, final bill by ⟨date⟩',
    short: 'PAC code, unlock code and final bill',
  },
  broadband: {
    text: 'your service ends on ⟨end date⟩, a prepaid bag for the router reaches you by ⟨date⟩, and your final bill of ⟨amount⟩ arrives by ⟨bill date⟩',
    brief: 'service ends ⟨end date⟩; router bag and final bill follow',
    short: 'end date, router return and final bill',
  },
  tv: {
    text: 'your TV service ends on ⟨end date⟩, a returns bag for the box reaches you by ⟨date⟩, and your final bill of ⟨amount⟩ arrives by ⟨bill date⟩',
    brief: 'TV ends ⟨end date⟩; box bag and final bill follow',
    short: 'end date, box return and final bill',
  },
  energy: {
    text: 'your supply moves over on ⟨switch date⟩, a meter reading that day keeps the last bill exact, and your final bill of ⟨amount⟩ arrives by ⟨bill date⟩',
    brief: 'switch ⟨date⟩; meter reading that day; final bill follows',
    short: 'switch date, final meter reading and final bill',
  },
  online: {
    text: 'your data export is ready at ⟨download link⟩, the account closes on ⟨end date⟩, and your remaining balance of ⟨amount⟩ is refunded by ⟨date⟩',
    brief: 'data export ⟨link⟩; closes ⟨end date⟩; balance refunded',
    short: 'data export, closing date and refund of any balance',
  },
  general: {
    text: 'your account closes on ⟨end date⟩, your final bill of ⟨amount⟩ arrives by ⟨bill date⟩, and I am emailing you written confirmation today',
    brief: 'account closes ⟨end date⟩; final bill ⟨amount⟩ by ⟨date⟩',
    short: 'closing date, final bill and written confirmation',
  },
};

/** The thing they are closing, as they called it, so the exit kit names their words. */
function what(f: Facts): string {
  const own = f.request && /^(?:cancel|close|end|terminate|stop)\s+(?:your|the)\b/i.test(f.request) ? f.request.replace(/^\S+\s+/, '') : null;
  return f.anchor ?? (own && own.split(' ').length <= 4 ? own : 'everything');
}

/** Leaving: give them everything they need to go, in one message, so they never have to call again. */
export default defineTemplate({
  id: 'next-step-leaving',
  kind: 'next-step',
  description: 'The exit kit for the service: codes, final bill, returns or data export.',
  essential: true,
  applies: (f) => f.mood === 'leaving',
  order: () => 30,
  variants: [
    (f) => finish(`Here's what you need for ${what(f)}${tail(f)}: ${kits[f.service].text}. I'll email it all today.`),
    (f) => finish(`${lead(f)}to close ${what(f)} cleanly: ${kits[f.service].text}. I'll confirm it in writing today.`),
    (f) => finish(`${lead(f)}for ${what(f)}: ${kits[f.service].text}. I'll email all of this today as well.`),
  ],
  short: (f) => finish(`${f.name ? `${f.name}: ` : ''}${kits[f.service].brief}.`),
  talkingPoint: (f) => `Give them the ${kits[f.service].short}`,
  examples: [
    { message: 'I want to leave, please send me my PAC code.', includes: ['PAC code'] },
    { message: 'Please cancel my broadband, I am moving in with my partner.', includes: ['router'] },
  ],
});
