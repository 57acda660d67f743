/**
 * The sample helpdesk's customers: about twenty people with histories that show what
 * Rapport is for (a repeat caller, a missed promise, a long-standing customer, a leaver).
 * Built as a backup file relative to `now`, so the demo and the e2e suite load it through
 * the same restore path a real backup takes. Deterministic ids keep tests readable.
 */
import type { Backup } from '@/lib/schemas/backup';
import type { Channel, Customer, Interaction, Note, PromiseRecord } from '@/lib/schemas/records';
import { nameTokens } from '@/lib/identity';

const DAY = 86_400_000;

interface Person {
  name: string;
  email?: string;
  phone?: string;
  account?: string;
  since?: string;
  contacts: Array<[daysAgo: number, channel: Channel, subject: string, summary: string, outcome: string, agent: string]>;
  notes?: Array<[daysAgo: number, text: string, author: string]>;
  promises?: Array<[dueInDays: number, text: string]>;
}

const people: Person[] = [
  {
    name: 'Jane Doe', email: 'janedoe@gmail.com', phone: '+447700900001', account: 'AC-1042', since: '2019-02-19',
    contacts: [
      [2, 'email', 'Order 1042 arrived broken', 'Screen cracked on arrival; courier booked for Wednesday.', 'follow-up', 'Sam'],
      [9, 'phone', 'Order 1042 arrived broken', 'Called to report the cracked screen; asked for photos.', 'follow-up', 'Aisha'],
      [16, 'chat', 'Delivery delayed', 'Order 1042 late by three days; apologised, tracked it.', 'resolved', 'Tom'],
      [200, 'email', 'Address change', 'Moved to 14 Elm Road.', 'resolved', 'Sam'],
    ],
    notes: [[2, 'Prefers email. Waited in all day Wednesday for a courier who never came — do not ask her to wait in again.', 'Sam']],
    promises: [[-1, 'Courier to collect the broken order 1042 by 6pm'], [3, 'Replacement screen dispatched']],
  },
  {
    name: 'Priya Natarajan', email: 'priya@natarajan.example', phone: '+447700900123', since: '2016-06-03',
    contacts: [
      [1, 'ticket', 'Router keeps dropping', 'Drops every evening since the engineer visit on Monday.', 'follow-up', 'Sam'],
      [5, 'phone', 'Router keeps dropping', 'Line test passed; engineer visit booked for Monday.', 'follow-up', 'Leo'],
      [12, 'ticket', 'Slow broadband', 'Speeds below 10 Mbps in the evening.', 'follow-up', 'Aisha'],
    ],
    notes: [[5, 'Works from home; evenings matter most. Offer a call back rather than email.', 'Leo']],
    promises: [[-2, 'Engineer to call back by 8pm Wednesday']],
  },
  {
    name: 'Luis García', email: 'luis@garcia.example', since: '2023-03-11',
    contacts: [[6, 'ticket', 'Refund for March', 'Double charge of 42.10 in March; refund promised by Friday.', 'follow-up', 'Tom']],
    promises: [[2, 'Refund of 42.10 to reach his card']],
  },
  {
    name: 'Omar Haddad', email: 'omar@shop.example', since: '2021-09-01',
    contacts: [[40, 'email', 'Invoice copy', 'Sent a copy of the August invoice.', 'resolved', 'Aisha']],
  },
  { name: 'Mei Chen', email: 'mei.chen@example.org', phone: '+14155550134', since: '2012-01-15', contacts: [[3, 'phone', 'Thank-you call', 'Called to thank the team for the quick fix.', 'resolved', 'Leo'], [400, 'email', 'Plan upgrade', 'Upgraded to Family plan.', 'resolved', 'Sam']] },
  { name: 'Tomasz Kowalski', email: 'tomasz.k@example.pl', since: '2024-11-02', contacts: [[4, 'ticket', 'Leaving: moving abroad', 'Asked for PAC code and final bill.', 'follow-up', 'Tom']], notes: [[4, 'Leaving because he is moving to Poland; wants PAC code.', 'Tom']] },
  { name: 'Amara Okafor', email: 'amara@okafor.example', phone: '+447700900456', since: '2020-05-20', contacts: [[8, 'chat', 'Cannot log in', 'Password reset emails not arriving.', 'resolved', 'Aisha']] },
  { name: 'Sofia Rossi', email: 'sofia.rossi@example.it', since: '2018-10-10', contacts: [[20, 'email', 'Roaming charges', 'Charged roaming in Italy despite EU roaming plan.', 'follow-up', 'Sam']], promises: [[-5, 'Credit the roaming charges on next bill']] },
  { name: 'Ahmed Yusuf', phone: '+447700900789', since: '2022-02-14', contacts: [[11, 'phone', 'Outage in postcode', 'No service for six hours in LS6.', 'resolved', 'Leo']] },
  { name: 'Hannah Schmidt', email: 'hannah.schmidt@example.de', since: '2017-07-07', contacts: [[25, 'email', 'Parcel lost', 'Parcel marked delivered but not received.', 'resolved', 'Tom']] },
  { name: 'Kwame Mensah', email: 'kwame@mensah.example', since: '2025-01-09', contacts: [[1, 'chat', 'How to set up voicemail', 'Walked through voicemail set-up.', 'resolved', 'Aisha']] },
  { name: 'Elena Petrova', email: 'elena.petrova@example.com', since: '2015-04-22', contacts: [[14, 'ticket', 'Bill higher than usual', 'Bill 30% higher after price rise.', 'resolved', 'Sam'], [45, 'phone', 'Price rise', 'Explained April price rise.', 'resolved', 'Leo']] },
  { name: 'Diego Fernández', email: 'diego@fernandez.example', since: '2024-08-30', contacts: [[2, 'email', 'Damaged SIM', 'SIM card arrived snapped.', 'follow-up', 'Tom']], promises: [[1, 'New SIM posted first class']] },
  { name: 'Grace Liu', email: 'grace.liu@example.net', phone: '+61491570110', since: '2019-12-01', contacts: [[60, 'chat', 'Data add-on', 'Added 10 GB data add-on.', 'resolved', 'Aisha']] },
  { name: 'Noah Williams', email: 'noah.w@example.com', since: '2026-10-01', contacts: [[7, 'email', 'Welcome pack missing', 'Welcome pack did not arrive.', 'resolved', 'Sam']] },
  { name: 'Fatima Zahra', email: 'fatima.zahra@example.ma', since: '2014-03-03', contacts: [[10, 'phone', 'Complaint about engineer', 'Engineer was two hours late and rude.', 'escalated', 'Leo']], notes: [[10, 'Escalated to field team lead (Marta). Expect a call from her.', 'Leo']] },
  { name: 'Oliver Brown', email: 'oliver.brown@example.co.uk', since: '2021-06-18', contacts: [[18, 'ticket', 'Direct debit date', 'Moved direct debit to the 5th.', 'resolved', 'Tom']] },
  { name: 'Yuki Tanaka', email: 'yuki.tanaka@example.jp', since: '2020-09-09', contacts: [[22, 'email', 'Praise for support', 'Wrote to praise Aisha for her help.', 'resolved', 'Aisha']] },
  { name: 'Chloé Martin', email: 'chloe.martin@example.fr', since: '2023-12-12', contacts: [[13, 'chat', 'Cancel contract', 'Asked about early termination fee.', 'follow-up', 'Sam']] },
  { name: 'Samuel Adeyemi', email: 'samuel.adeyemi@example.ng', phone: '+447700900999', since: '2011-11-11', contacts: [[28, 'phone', 'Upgrade handset', 'Upgraded to new handset, kept number.', 'resolved', 'Leo']] },
];

const pad = (n: number) => String(n).padStart(2, '0');

export function sampleBackup(now: number): Backup {
  const customers: Customer[] = [];
  const interactions: Interaction[] = [];
  const notes: Note[] = [];
  const promises: PromiseRecord[] = [];
  people.forEach((p, i) => {
    const id = `demo-c${pad(i + 1)}`;
    customers.push({
      id,
      name: p.name,
      nameTokens: nameTokens(p.name),
      emails: p.email ? [p.email] : [],
      phones: p.phone ? [p.phone] : [],
      accountIds: p.account ? [p.account] : [],
      sourceKeys: [`demo:${id}`],
      ...(p.since ? { customerSince: p.since } : {}),
      createdAt: now - 30 * DAY,
      updatedAt: now - 30 * DAY,
    });
    p.contacts.forEach(([daysAgo, channel, subject, summary, outcome, agent], j) =>
      interactions.push({
        id: `${id}-i${pad(j + 1)}`,
        customerId: id,
        channel,
        at: now - daysAgo * DAY - (j + 1) * 3_600_000,
        agent,
        subject,
        summary,
        outcome,
        sourceKey: `demo:${id}-i${pad(j + 1)}`,
        origin: 'import',
      }),
    );
    p.notes?.forEach(([daysAgo, text, author], j) => notes.push({ id: `${id}-n${pad(j + 1)}`, customerId: id, at: now - daysAgo * DAY, text, author }));
    p.promises?.forEach(([dueInDays, text], j) =>
      promises.push({ id: `${id}-p${pad(j + 1)}`, customerId: id, text, dueAt: now + dueInDays * DAY, status: 'open', createdAt: now - 3 * DAY }),
    );
  });
  return {
    format: 'rapport-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    tables: { customers, interactions, notes, promises, merges: [], importJobs: [], sentReplies: [], overrides: [] },
  };
}
