/**
 * The vocabulary of "the customer already told us": how facts are phrased when given, and how a
 * draft asks for them. Every pattern is compiled once, here, and is linear on its input (no
 * nested quantifiers over the same characters), because askedAgain runs on every keystroke.
 */

export type FactKind = 'order-number' | 'account-number' | 'fault' | 'troubleshooting' | 'identity-verified' | 'email' | 'phone' | 'address';

// ---------------------------------------------------------------------------------------------
// Given: facts in what customers wrote, notes and call logs.

/** A reference value: letters, digits and dashes with at least two digits ("12345", "A-99812"). */
const REF = String.raw`#?\s?([A-Z0-9][A-Z0-9-]{1,30}[A-Z0-9])`;
const LEAD = String.raw`(?:\s+(?:number|no\.?|num|id|ref(?:erence)?)(?:\s+(?:number|no\.?))?)?\s*(?:is|was|:|=|-)?\s*`;
export const ORDER_GIVEN = new RegExp(String.raw`\border${LEAD}${REF}`, 'gi');
export const ACCOUNT_GIVEN = new RegExp(String.raw`\b(?:account|acct|customer)${LEAD}${REF}`, 'gi');
// The lookbehind makes a match start only where a token starts; without it every letter of a
// long message would begin a 64-character scan for an "@" (measured: 90 µs against 3 µs).
export const EMAIL_GIVEN = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,6}/giu;
/** International (+44 …) or trunk-prefixed (07…, 01…) numbers, spaces and dashes allowed inside. */
export const PHONE_GIVEN = /(?:\+|\b0)\d(?:[ -]?\d){8,13}\b/g;
export const ADDRESS_GIVEN =
  /\b(?:my (?:new |home |delivery |postal |current )?address(?: is|'s|:)|i live at|i(?:'ve| have)? (?:just )?moved to|please (?:deliver|send) (?:it )?to|deliver(?:ed)? to)\s*:?\s*([^\n.;!?]{6,100})/gi;
/** UK postcodes; enough to recognise that an address was given when only the postcode was. */
export const POSTCODE_GIVEN = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b/g;

/** Something broken, in the customer's words or an agent's note. */
export const FAULT_GIVEN =
  /\b(?:crash(?:es|ed|ing)?|keeps? (?:dropping|freezing|crashing|disconnecting|failing|buffering|cutting out|restarting|rebooting)|(?:isn't|is not|aren't|are not|stopped|not|doesn't|does not|don't|won't|will not|can't|cannot|couldn't|unable to) (?:work(?:ing)?|load(?:ing)?|connect(?:ing)?|turn(?:ing)? on|charg(?:e|ing)|start(?:ing)?|open(?:ing)?|log ?in|sign ?in|sync(?:ing)?|print(?:ing)?|send(?:ing)?|receiv(?:e|ing))|broken|error(?: code| message)?|faulty|freez(?:es|ing)|frozen|drops? out|dropping out|cuts? out|no (?:signal|internet|connection|dial tone|service|power)|disconnect(?:s|ed|ing)|(?:very |really )?slow (?:speeds?|internet|connection|broadband)|blank screen|black screen|won't let me)\b/i;

/** Agents recording that identity checks were passed (notes and call logs only). */
export const IDENTITY_GIVEN =
  /\b(?:(?:verified|confirmed|checked|validated) (?:the )?(?:customer(?:'s)? |caller(?:'s)? |their |his |her )?(?:id|identity)\b|(?:id|identity|idv|id&v|dpa) (?:was |has been |is )?(?:verified|confirmed|checked|passed|completed|done|ok)\b|passed (?:the )?(?:security|dpa|id&v|idv|verification)\b|security (?:questions? |checks? )?(?:passed|answered|completed|done|ok)\b|(?:completed|done) (?:the )?(?:security|dpa|id&v|idv|verification)(?: checks?| questions?)?\b)/i;

// ---------------------------------------------------------------------------------------------
// Troubleshooting steps: one table used both ways, so what counts as "the same step" cannot drift.

export interface Step {
  id: string;
  /** Gerund for messages: "restarting". */
  doing: string;
  /** Any form, for drafts ("have you restarted", "try rebooting", "restart your router"). */
  any: RegExp;
  /** Forms that say it was done ("restarted", "tried rebooting"). */
  done: RegExp;
  /** Objects that are part of the step itself ("the cache"), so no device is looked for. */
  selfContained?: boolean;
}

const step = (id: string, doing: string, any: string, done: string, selfContained = false): Step => ({
  id,
  doing,
  any: new RegExp(String.raw`\b(?:${any})\b`, 'i'),
  done: new RegExp(String.raw`\b(?:tried (?:to )?|attempted (?:to )?)(?:${any})\b|\b(?:${done})\b`, 'i'),
  selfContained,
});

// Order matters: the more specific step ("reset the password") is tried before the general one.
export const STEPS: Step[] = [
  step('reset password', 'resetting the password', String.raw`reset(?:ting)? (?:my |your |the )?password|password reset`, String.raw`reset (?:my |the )?password|password (?:was |has been )?reset`, true),
  step('clear cache', 'clearing the cache', String.raw`clear(?:ed|ing)? (?:out )?(?:the |my |your |all )?(?:browser |app )?(?:cache|cookies|browsing (?:data|history)|history|app data)`, String.raw`cleared (?:out )?(?:the |my |all )?(?:browser |app )?(?:cache|cookies|browsing (?:data|history)|history|app data)`, true),
  step('log out and in', 'logging out and back in', String.raw`(?:log|sign)(?:ged|ging)? (?:out|off) and (?:back )?(?:in|on)`, String.raw`(?:logged|signed) (?:out|off) and (?:back )?(?:in|on)`, true),
  step('reinstall', 'reinstalling', String.raw`re-?install(?:ed|ing)?|uninstall(?:ed|ing)? and (?:re-?)?install(?:ed|ing)?|delet(?:e|ed|ing) and re-?install(?:ed|ing)?`, String.raw`re-?installed|uninstalled and (?:re-?)?installed|deleted and re-?installed`),
  step('factory reset', 'factory-resetting', String.raw`factory[- ]reset(?:ting)?`, String.raw`factory[- ]reset`),
  step('restart', 'restarting', String.raw`re-?start(?:ed|ing)?|re-?boot(?:ed|ing)?|power[- ]?cycl(?:e|ed|ing)|turn(?:ed|ing)? (?:it |them |(?:\w+ ){1,2})?off and (?:back )?on(?: again)?|switch(?:ed|ing)? (?:it |them |(?:\w+ ){1,2})?off and (?:back )?on(?: again)?|unplug(?:ged|ging)?(?: it)?(?: and plug(?:ged|ging)? it back in)?`, String.raw`re-?started|re-?booted|power[- ]?cycled|turned (?:it |them |(?:\w+ ){1,2})?off and (?:back )?on|switched (?:it |them |(?:\w+ ){1,2})?off and (?:back )?on|unplugged`),
  step('reset', 'resetting', String.raw`reset(?:ting)?`, String.raw`reset`),
  step('update', 'updating', String.raw`updat(?:e|ed|ing)|upgrad(?:e|ed|ing)`, String.raw`updated|upgraded`),
  step('check cables', 'checking the cables', String.raw`check(?:ed|ing)? (?:all |that )?(?:the |my |your |all the )?(?:cables?|wires?|wiring|connections|plugs?|leads?)`, String.raw`checked (?:all )?(?:the |my |all the )?(?:cables?|wires?|wiring|connections|plugs?|leads?)`, true),
  step('another device', 'another device or browser', String.raw`(?:try|tried|trying|use|used|using) (?:a |another |a different |other )(?:browser|device|phone|computer|laptop|cable|socket|network)`, String.raw`(?:tried|used) (?:a |another |a different |other )(?:browser|device|phone|computer|laptop|cable|socket|network)`, true),
];

/** Devices a step is done to; synonyms share one name so "the hub" and "your router" are the same box. */
const DEVICES: Array<[string, RegExp]> = [
  ['router', /^(?:router|modem|hub|wi-?fi box|broadband box)$/i],
  ['app', /^(?:app|application)$/i],
  ['phone', /^(?:phone|handset|mobile|iphone|android|smartphone)$/i],
  ['computer', /^(?:computer|laptop|pc|mac|desktop)$/i],
  ['tv box', /^(?:tv box|set-top box|box|tv)$/i],
  ['browser', /^(?:browser)$/i],
  ['tablet', /^(?:tablet|ipad)$/i],
  ['printer', /^(?:printer)$/i],
  ['console', /^(?:console|xbox|playstation)$/i],
];
/** A device named just after the verb ("restart the router", "reboot your hub"), within a few words. */
export const DEVICE_AFTER =
  /^(?:\s+(?:the|my|your|our|his|her|their))?(?:\s+(?:wi-?fi|broadband|home|mobile|new|old))?\s+(router|modem|hub|wi-?fi box|broadband box|app|application|phone|handset|mobile|iphone|android|smartphone|computer|laptop|pc|mac|desktop|tv box|set-top box|box|tv|browser|tablet|ipad|printer|console|xbox|playstation)\b/i;

export function deviceName(word: string): string | undefined {
  for (const [name, re] of DEVICES) if (re.test(word)) return name;
  return undefined;
}

/** What a step was done to, read just after the verb; undefined when unnamed ("restart it"). */
export function deviceAfter(text: string, end: number): string | undefined {
  const m = DEVICE_AFTER.exec(text.slice(end, end + 60));
  return m?.[1] ? deviceName(m[1]) : undefined;
}

/** In a customer's message: a sentence that says the step was not (yet) done. */
export const NOT_DONE = /\b(?:haven't|have not|hasn't|has not|didn't|did not|not yet|can't|cannot|couldn't|could not|unable to|don't know how|should i|shall i|do i need|how do i|how can i|will|going to)\b/i;

// ---------------------------------------------------------------------------------------------
// Asked: how a draft requests each fact.

/** A sentence that asks the customer for something. */
export const REQUEST =
  /\b(?:(?:could|can|would|will|did|do|have|were) you|please|pls|kindly|may i|can i (?:have|get|ask|take|grab)|(?:i|we)(?:'ll| will| would|'d| do| also| just| first)* need|need (?:you|your|to (?:verify|confirm|check|take|get|have))|let me know|send (?:me|us|over|through|across)|provide|confirm|share|tell (?:me|us)|give (?:me|us)|reply with|quote|what(?:'s| is| was) (?:your|the)|which|try|trying|suggest|recommend|advise you|start by|go ahead and|let(?:'s| me| us) (?:just |quickly |first )?(?:verify|check|confirm|go through|start|take|get|run)|before (?:i|we) (?:can|go|continue|proceed)|first,|is it possible)\b/i;

/**
 * A clause that acknowledges the fact instead of asking for it ("thanks for sending your order
 * number", "as you mentioned", "I can see your account number here").
 */
export const ACK =
  /\b(?:thanks?|thank you|cheers) (?:\w+ )?for\b|(?<!\b(?:have|did|had|do|were)\s)\byou(?:'ve| have)? (?:already |kindly |just )?(?:gave|given|sent|provided|shared|confirmed|mentioned|told|tried|done|restarted|rebooted|cleared|reinstalled|updated|reset|verified|passed|answered|described|explained|included|quoted)\b|\byou already\b|\bas you (?:said|mentioned|noted|explained|described|confirmed)\b|\bsince you(?:'ve| have)?\b|\bno need\b|\b(?:don't|do not|no need to) worry about\b|\b(?:don't|do not|won't|will not|shouldn't|should not|doesn't) need\b|\bwithout (?:needing|asking|having)\b|\b(?:i|we)(?:'ve| have)? (?:got|found|located|noted|still have|already)\b|\b(?:i|we) (?:can )?see\b|\bon file\b|\balready (?:have|verified|passed|confirmed)\b|\b(?:is|was|has been) (?:already )?(?:verified|confirmed)\b/i;

/** Where a draft names each fact it might ask for. */
export const ASKED_FOR: Record<Exclude<FactKind, 'troubleshooting'>, RegExp> = {
  'order-number': /\border\s*(?:number|no\b\.?|num\b|#|id\b|ref(?:erence)?(?: number)?|confirmation(?: number)?|details)|\bwhich order\b/i,
  'account-number': /\b(?:account|acct|customer|membership)\s*(?:number|no\b\.?|num\b|#|id\b|ref(?:erence)?)/i,
  email: /\be-?mail address(?:es)?\b|\bbest e-?mail\b|\be-?mail (?:you (?:use|used|registered|signed up)|(?:that(?:'s| is) )?(?:on|linked|associated|registered|attached)|for (?:the|your) account)\b|\b(?:confirm|provide|send|give|share|verify|update|what(?:'s| is)) (?:me |us )?(?:your|the) e-?mail(?: address)?\b/i,
  phone: /\b(?:phone|mobile|telephone|contact|cell|callback|call-back|landline)\s*(?:number|no\b\.?|#)|\b(?:best |a |the )?number (?:to|we can|i can|on which) (?:reach|call|contact|ring|text)|\bbest number\b/i,
  address: /(?<!e-?mail\s|ip\s|mac\s|web\s)\b(?:(?:full|postal|home|delivery|shipping|billing|new|current|correct|street|mailing|installation|first line of (?:your|the)) )?address\b(?!\s+(?:the|this|that|it|these|those|your (?:concern|issue|complaint|question)s?))|\bpost ?code\b|\bzip ?code\b|\beircode\b/i,
  fault:
    /\b(?:describe|explain|outline|tell (?:me|us)(?: a (?:bit|little))?(?: more)?(?: about)?|(?:send|give|provide|share|have)(?: (?:me|us))?(?: (?:some|more|a few|the|any))? (?:more )?details? (?:of|about|on))\s+(?:(?:the|your|this)\s+)?(?:issue|problem|fault|error|trouble|difficult(?:y|ies)|what(?:'s| is)(?: going)? (?:wrong|on)|what(?: exactly)? (?:happened|went wrong|is happening|is going on)|what you(?:'re| are) (?:seeing|experiencing))\b|\bwhat(?:'s| is| seems to be| exactly is)(?: going)? (?:wrong|the (?:problem|issue|matter|fault))\b|\bwhat (?:problem|issue)s? (?:are|is) you\b|\bwhat(?:'s| is| has been) (?:been )?happening\b|\bwhat happened\b|\bwhat went wrong\b/i,
  'identity-verified':
    /\b(?:verify|confirm|check|validate|verifying|confirming|checking|validating) (?:your |the customer's |the account holder's |who you are|you(?:'re| are) the account holder)?(?:identity|id\b|details for security|who you are|a few details|some details|security)|\b(?:security|verification|dpa|id&v|idv) (?:questions?|checks?|details|process|steps?)\b|\b(?:answer|go through|pass|complete|run through)(?: a few| some| our| the)? security\b|\bdate of birth\b|\bmemorable (?:word|information|answer)\b|\bmother's maiden name\b/i,
};

/** Whether a value the draft already quotes back is the same reference: digits and letters only. */
export const refKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}@.+]/gu, '');
