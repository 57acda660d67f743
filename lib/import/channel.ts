import type { Channel } from '@/lib/schemas/records';

/**
 * Channel names as helpdesks export them (Zendesk "Via", Salesforce "Case Origin", Freshdesk
 * "Source", Help Scout "Type"), keyed by their letters only so "E-mail", "e_mail" and
 * "EMAIL" are one entry. Anything not listed is 'other', never an error: the channel is
 * context for the agent, not identity.
 */
const SYNONYMS: Record<Channel, readonly string[]> = {
  email: ['email', 'mail', 'emails', 'inboundemail', 'outboundemail', 'emailinbound', 'emailoutbound', 'mailbox', 'emailtocase', 'forwarding', 'forwardedemail'],
  phone: [
    'phone', 'phonecall', 'call', 'calls', 'voice', 'telephone', 'tel', 'telephony', 'inboundcall', 'outboundcall', 'incomingcall',
    'outgoingcall', 'phonecallincoming', 'phonecalloutgoing', 'voicemail', 'callback', 'ivr', 'talk',
  ],
  chat: ['chat', 'livechat', 'webchat', 'messaging', 'nativemessaging', 'messenger', 'inappchat', 'inappmessaging', 'chatbot', 'bot', 'whatsapp', 'line', 'wechat', 'telegram'],
  ticket: ['ticket', 'web', 'webform', 'form', 'contactform', 'portal', 'helpcenter', 'helpdesk', 'supportportal', 'feedbackwidget', 'widget', 'case', 'closedticket'],
  sms: ['sms', 'text', 'textmessage', 'mms', 'txt'],
  social: [
    'social', 'socialmedia', 'twitter', 'x', 'tweet', 'facebook', 'facebookmessenger', 'fb', 'instagram', 'linkedin', 'tiktok',
    'youtube', 'reddit', 'googlebusinessmessages', 'appstorereview', 'review',
  ],
  'in-person': ['inperson', 'walkin', 'store', 'instore', 'branch', 'visit', 'facetoface', 'meeting', 'counter', 'shop', 'onsite'],
  other: [],
};

const LOOKUP = new Map<string, Channel>();
for (const [channel, names] of Object.entries(SYNONYMS) as Array<[Channel, readonly string[]]>) {
  for (const n of names) LOOKUP.set(n, channel);
}

// A file has a handful of distinct channel values over many rows.
const memo = new Map<string, Channel>();

export function toChannel(raw: string): Channel {
  let channel = memo.get(raw);
  if (channel === undefined) {
    channel = lookup(raw);
    if (memo.size >= 1000) memo.clear();
    memo.set(raw, channel);
  }
  return channel;
}

function lookup(raw: string): Channel {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  const hit = LOOKUP.get(key);
  if (hit) return hit;
  // "Phone call (incoming)", "Inbound e-mail", "Chat transcript": the first listed word decides.
  for (const word of raw.toLowerCase().split(/[^a-z]+/)) {
    if (word.length < 3) continue;
    const w = LOOKUP.get(word);
    if (w) return w;
  }
  return 'other';
}
