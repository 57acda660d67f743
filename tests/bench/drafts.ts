/**
 * The 250-word drafts every analyzer-speed figure uses: Rapport in Node, Rapport in Chromium and the
 * peer linters all read exactly these texts, so their times compare. Deterministic (seeded), so runs
 * compare across days too.
 */

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Priya', 'Tom', 'Aisha', 'Marco', 'Helen', 'Kofi', 'Yuki', 'Lena', 'Omar', 'Grace', 'Dev', 'Sofia'];
const THINGS = ['router', 'invoice', 'parcel', 'refund', 'booking', 'meter reading', 'debit card', 'data plan', 'seat', 'export', 'SIM', 'boiler', 'direct debit', 'suitcase', 'subscription'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'tomorrow', 'today'];
// Sentence templates shared across many replies, as real reply histories (macros plus edits) are.
const SENTENCES = [
  'Thank you for contacting us about your {t}.',
  'I checked your {t} this morning and found the problem.',
  'We apologize for any inconvenience this may have caused.',
  'Your request has been forwarded to the relevant department.',
  'I have refunded {n} to your card and it should arrive by {d}.',
  'The engineer is booked for {d} between 8am and 1pm.',
  'Your {t} was delayed at the depot after a scanner fault.',
  'I moved your {t} to {d} so it fits around your work.',
  'If you have any further questions, please do not hesitate to contact us.',
  'I will call you on {d} at {n}pm to confirm it worked.',
  'The charge of {n} on your {t} came from a duplicate payment.',
  'Please allow {n} working days for the change to show.',
  'I have added a note so this does not happen again with your {t}.',
  'Your {t} is now active and you should see it in the app.',
  'Could you send me a photo of the {t} label?',
  'I am sorry the {t} arrived late; that was our mistake.',
  'Our team is looking into this and will update you shortly.',
  'I escalated your {t} to Marta in billing who will email you {d}.',
];

function fill(template: string, rnd: () => number): string {
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  return template.replace('{t}', pick(THINGS)).replace('{d}', pick(DAYS)).replace('{n}', String(1 + Math.floor(rnd() * 500)));
}

/** A past reply as a reply history holds them: greeting, 3–6 template sentences, signature. */
export function generatedReply(rnd: () => number): string {
  const n = 3 + Math.floor(rnd() * 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(fill(SENTENCES[Math.floor(rnd() * SENTENCES.length)]!, rnd));
  return `Hi ${NAMES[Math.floor(rnd() * NAMES.length)]},\n${parts.join(' ')}\nBest,\nSam`;
}

export function draftOf(words: number, rnd: () => number): string {
  let text = `Hi Priya,\n`;
  while (text.split(/\s+/).length < words) text += `${fill(SENTENCES[Math.floor(rnd() * SENTENCES.length)]!, rnd)} `;
  return `${text.trim()}\nKind regards,\nSam`;
}

/** The context the drafts answer (the sidebar passes the customer's name and last message). */
export const DRAFT_CONTEXT = { customerName: 'Priya Shah', customerMessage: 'My router keeps dropping every evening since order 48213 was delivered.' };

/**
 * Sixteen different 250-word drafts, cycled through by every timing loop: one draft repeated would let
 * caches and the JIT specialise on a single text, which an agent's varied replies never allow.
 */
export function drafts250(count = 16): string[] {
  const rnd = mulberry32(20240601);
  return Array.from({ length: count }, () => draftOf(250, rnd));
}

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
