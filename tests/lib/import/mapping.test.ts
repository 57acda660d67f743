import { describe, expect, it } from 'vitest';
import { checkMapping, mapRow, suggestMapping, toChannel, type MapOptions } from '@/lib/import';
import type { ColumnMapping, ImportRow } from '@/lib/schemas/import';

const OPTS: MapOptions = { defaultRegion: 'GB', dateOrder: 'DMY', now: new Date(2024, 0, 1) };
const local = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();

function ok(raw: Record<string, string>, mapping: ColumnMapping, opts: MapOptions = OPTS): ImportRow {
  const r = mapRow(raw, 7, mapping, opts);
  if (!r.ok) throw new Error(`expected a row, got: ${r.error.reason}`);
  return r.row;
}
function reason(raw: Record<string, string>, mapping: ColumnMapping, opts: MapOptions = OPTS): string {
  const r = mapRow(raw, 7, mapping, opts);
  if (r.ok) throw new Error('expected a row error');
  expect(r.error.row).toBe(7);
  return r.error.reason;
}

describe('suggestMapping', () => {
  it('maps a Zendesk ticket export and lists what it does not use', () => {
    const headers = ['Id', 'Requester', 'Requester email', 'Requester external id', 'Assignee', 'Group', 'Subject', 'Status', 'Via', 'Created at', 'Updated at', 'Tags'];
    expect(suggestMapping(headers)).toEqual({
      mapping: {
        Id: 'interaction.ticketId',
        Requester: 'customer.name',
        'Requester email': 'customer.email',
        'Requester external id': 'customer.accountId',
        Assignee: 'interaction.agent',
        Subject: 'interaction.subject',
        Status: 'interaction.outcome',
        Via: 'interaction.channel',
        'Created at': 'interaction.at',
      },
      unknown: ['Group', 'Updated at', 'Tags'],
    });
  });

  it('maps a Salesforce contact export, combining first and last name and ignoring the job title', () => {
    const { mapping, unknown } = suggestMapping(['Contact ID', 'First Name', 'Last Name', 'Email', 'Phone', 'Mobile', 'Account Name', 'Title', 'Created Date', 'Email Opt Out']);
    expect(mapping).toEqual({
      'Contact ID': 'customer.sourceId',
      'First Name': 'customer.name',
      'Last Name': 'customer.name',
      Email: 'customer.email',
      Phone: 'customer.phone',
      Mobile: 'customer.phone',
      'Created Date': 'customer.since',
    });
    expect(unknown).toEqual(['Account Name', 'Title', 'Email Opt Out']);
  });

  it('maps Salesforce cases, HubSpot, Freshdesk and Help Scout headers', () => {
    expect(suggestMapping(['Case Number', 'Subject', 'Description', 'Case Origin', 'Date/Time Opened', 'Case Owner', 'Contact Email', 'Case ID']).mapping).toEqual({
      'Case Number': 'interaction.ticketId',
      Subject: 'interaction.subject',
      Description: 'interaction.summary',
      'Case Origin': 'interaction.channel',
      'Date/Time Opened': 'interaction.at',
      'Case Owner': 'interaction.agent',
      'Contact Email': 'customer.email',
      'Case ID': 'interaction.sourceId',
    });
    expect(suggestMapping(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Create Date', 'Contact owner']).mapping).toEqual({
      'Record ID': 'customer.sourceId',
      'First Name': 'customer.name',
      'Last Name': 'customer.name',
      Email: 'customer.email',
      'Phone Number': 'customer.phone',
      'Mobile Phone Number': 'customer.phone',
      'Create Date': 'customer.since',
    });
    expect(suggestMapping(['Ticket ID', 'Subject', 'Source', 'Agent', 'Created time', 'Full name', 'Email', 'Work phone', 'Company Name']).mapping).toEqual({
      'Ticket ID': 'interaction.ticketId',
      Subject: 'interaction.subject',
      Source: 'interaction.channel',
      Agent: 'interaction.agent',
      'Created time': 'interaction.at',
      'Full name': 'customer.name',
      Email: 'customer.email',
      'Work phone': 'customer.phone',
    });
    expect(suggestMapping(['Conversation ID', 'Number', 'Customer Name', 'Customer Email', 'Type', 'Assigned To', 'Created At']).mapping).toEqual({
      'Conversation ID': 'interaction.sourceId',
      Number: 'interaction.ticketId',
      'Customer Name': 'customer.name',
      'Customer Email': 'customer.email',
      Type: 'interaction.channel',
      'Assigned To': 'interaction.agent',
      'Created At': 'interaction.at',
    });
  });

  it('maps generic headers however they are spelled', () => {
    const { mapping, unknown } = suggestMapping([
      'E-mail address',
      'customer_email',
      'CustomerSince',
      'Account number',
      'Date',
      'Channel',
      'Notes',
      'Favourite colour',
      'Email (2)',
    ]);
    expect(mapping).toEqual({
      'E-mail address': 'customer.email',
      customer_email: 'customer.email',
      CustomerSince: 'customer.since',
      'Account number': 'customer.accountId',
      Date: 'interaction.at',
      Channel: 'interaction.channel',
      Notes: 'note.text',
      'Email (2)': 'customer.email',
    });
    expect(unknown).toEqual(['Favourite colour']);
  });

  it('prefers a full-name column over name parts, leaving the parts unmapped', () => {
    const { mapping, unknown } = suggestMapping(['First name', 'Full name', 'Last name', 'Email']);
    expect(mapping).toEqual({ 'Full name': 'customer.name', Email: 'customer.email' });
    expect(unknown).toEqual(['First name', 'Last name']);
  });

  it('reads "Created at" as the customer date in a customer list, the contact date in history', () => {
    expect(suggestMapping(['Name', 'Email', 'Created at']).mapping['Created at']).toBe('customer.since');
    expect(suggestMapping(['Name', 'Email', 'Subject', 'Created at']).mapping['Created at']).toBe('interaction.at');
  });

  it('never claims agent, company or marketing columns for the customer', () => {
    const { mapping } = suggestMapping(['Agent email', 'Assignee ID', 'Company phone', 'Email opt-out', 'Date of birth', 'Last activity date', 'Email']);
    expect(mapping).toEqual({ Email: 'customer.email' });
  });

  it('maps one column per single-valued field', () => {
    const { mapping, unknown } = suggestMapping(['Subject', 'Ticket subject', 'Status', 'Resolution', 'Channel']);
    expect(mapping).toEqual({ Subject: 'interaction.subject', Resolution: 'interaction.outcome', Channel: 'interaction.channel' });
    expect(unknown).toEqual(['Ticket subject', 'Status']);
  });

  it('returns a mapping that is its own suggestion (idempotent on the mapped headers)', () => {
    const { mapping } = suggestMapping(['Requester', 'Requester email', 'Subject', 'Via', 'Created at']);
    expect(suggestMapping(Object.keys(mapping)).mapping).toEqual(mapping);
  });
});

describe('checkMapping', () => {
  it('asks for an identity column and for a date when there is contact history', () => {
    expect(checkMapping({ Subject: 'interaction.subject' })).toHaveLength(2);
    expect(checkMapping({ Email: 'customer.email', Subject: 'interaction.subject' })).toEqual([expect.stringMatching(/date/)]);
    expect(checkMapping({ Email: 'customer.email', Subject: 'interaction.subject', When: 'interaction.at' })).toEqual([]);
  });
});

describe('mapRow', () => {
  const tickets: ColumnMapping = {
    Id: 'interaction.ticketId',
    Requester: 'customer.name',
    'Requester email': 'customer.email',
    Phone: 'customer.phone',
    Assignee: 'interaction.agent',
    Subject: 'interaction.subject',
    Description: 'interaction.summary',
    Status: 'interaction.outcome',
    Via: 'interaction.channel',
    'Created at': 'interaction.at',
    Since: 'customer.since',
    Notes: 'note.text',
  };

  it('maps, normalises and validates a full row', () => {
    const row = ok(
      {
        Id: '#1042',
        Requester: ' Jane Doe ',
        'Requester email': 'J.A.N.E+orders@GoogleMail.com',
        Phone: '07700 900123',
        Assignee: 'Aisha',
        Subject: 'Order arrived broken',
        Description: 'Cracked screen',
        Status: 'solved',
        Via: 'Phone call (incoming)',
        'Created at': '19/02/2019 14:30',
        Since: 'Feb 19, 2015',
        Notes: 'Prefers email',
      },
      tickets,
    );
    expect(row).toEqual({
      row: 7,
      customer: { name: 'Jane Doe', emails: ['jane@gmail.com'], phones: ['+447700900123'], since: '2015-02-19' },
      interaction: {
        ticketId: '1042',
        agent: 'Aisha',
        subject: 'Order arrived broken',
        summary: 'Cracked screen',
        outcome: 'solved',
        channel: 'phone',
        at: local(2019, 2, 19, 14, 30),
      },
      note: { text: 'Prefers email' },
    });
  });

  it('combines first and last name columns in name order, whatever the column order', () => {
    const mapping: ColumnMapping = { Surname: 'customer.name', Email: 'customer.email', 'First name': 'customer.name', 'Middle name': 'customer.name' };
    expect(ok({ Surname: 'Doe', Email: 'jane@example.com', 'First name': 'Jane', 'Middle name': 'Q.' }, mapping).customer.name).toBe('Jane Q. Doe');
    expect(ok({ Surname: 'Doe', Email: 'jane@example.com', 'First name': '', 'Middle name': '' }, mapping).customer.name).toBe('Doe');
  });

  it('joins unrecognised name columns in mapping order, and lets a full-name column win', () => {
    expect(ok({ Vorname: 'Jana', Nachname: 'Novák' }, { Vorname: 'customer.name', Nachname: 'customer.name' }).customer.name).toBe('Jana Novák');
    const all: ColumnMapping = { 'First name': 'customer.name', 'Last name': 'customer.name', 'Full name': 'customer.name' };
    expect(ok({ 'First name': 'Jane', 'Last name': 'Doe', 'Full name': 'Jane Q. Doe' }, all).customer.name).toBe('Jane Q. Doe');
    expect(ok({ 'First name': 'Jane', 'Last name': 'Doe', 'Full name': '' }, all).customer.name).toBe('Jane Doe');
  });

  it('reads phone numbers without a country code in the default region', () => {
    const mapping: ColumnMapping = { Phone: 'customer.phone', Mobile: 'customer.phone' };
    expect(ok({ Phone: '020 7946 0958', Mobile: '+1 415 555 2671' }, mapping).customer.phones).toEqual(['+442079460958', '+14155552671']);
    expect(ok({ Phone: '(415) 555-2671', Mobile: '' }, mapping, { ...OPTS, defaultRegion: 'US' }).customer.phones).toEqual(['+14155552671']);
  });

  it('splits cells holding several addresses or numbers, and de-duplicates', () => {
    const mapping: ColumnMapping = { Emails: 'customer.email', Email: 'customer.email', Phones: 'customer.phone' };
    const row = ok({ Emails: 'jane@example.com; Jane@Example.com, jd@example.org', Email: 'Doe, Jane <jane@example.com>', Phones: '020 7946 0958 / 07700 900123' }, mapping);
    expect(row.customer.emails).toEqual(['jane@example.com', 'jd@example.org']);
    expect(row.customer.phones).toEqual(['+442079460958', '+447700900123']);
  });

  it('treats placeholders in identity and date columns as empty', () => {
    const mapping: ColumnMapping = { Email: 'customer.email', Phone: 'customer.phone', Since: 'customer.since', Name: 'customer.name' };
    expect(ok({ Email: 'N/A', Phone: '-', Since: 'unknown', Name: 'Jane' }, mapping).customer).toEqual({ name: 'Jane', emails: [], phones: [] });
  });

  it('names the column and value of an invalid email or phone', () => {
    expect(reason({ Email: 'jane(at)example.com' }, { Email: 'customer.email' })).toBe('column "Email": "jane(at)example.com" is not a valid email address');
    expect(reason({ Tel: '12345' }, { Tel: 'customer.phone' })).toMatch(/^column "Tel": "12345" is not a phone number .*GB/);
  });

  it.each([
    ['2019-02-19', local(2019, 2, 19)],
    ['2019-02-19T14:30:00Z', Date.UTC(2019, 1, 19, 14, 30)],
    ['19/02/2019', local(2019, 2, 19)],
    ['2019-02-19 14:30', local(2019, 2, 19, 14, 30)],
    ['Feb 19, 2019', local(2019, 2, 19)],
    ['19 February 2019', local(2019, 2, 19)],
    ['1550586600', Date.UTC(2019, 1, 19, 14, 30)],
    ['1550586600000', Date.UTC(2019, 1, 19, 14, 30)],
    ['43515', local(2019, 2, 19)],
  ])('reads the contact date %j', (value, at) => {
    expect(ok({ Email: 'jane@example.com', When: value }, { Email: 'customer.email', When: 'interaction.at' }).interaction?.at).toBe(at);
  });

  it('writes the customer date as YYYY-MM-DD', () => {
    const mapping: ColumnMapping = { Email: 'customer.email', 'Customer since': 'customer.since' };
    expect(ok({ Email: 'a@example.com', 'Customer since': '02/19/2019 11:00 PM' }, mapping, { ...OPTS, dateOrder: 'MDY' }).customer.since).toBe('2019-02-19');
  });

  it('names the column and value of a date it cannot read', () => {
    const r = reason({ Email: 'jane@example.com', 'Created at': 'next Tuesday' }, { Email: 'customer.email', 'Created at': 'interaction.at' });
    expect(r).toMatch(/^column "Created at": "next Tuesday" is not a date/);
    expect(reason({ Email: 'jane@example.com', Since: '31/02/2019' }, { Email: 'customer.email', Since: 'customer.since' })).toMatch(/column "Since": "31\/02\/2019"/);
  });

  it.each([
    ['e-mail', 'email'],
    ['Inbound Email', 'email'],
    ['Phone call', 'phone'],
    ['voice', 'phone'],
    ['Phone call (outgoing)', 'phone'],
    ['chat', 'chat'],
    ['Live Chat', 'chat'],
    ['native_messaging', 'chat'],
    ['web', 'ticket'],
    ['Web form', 'ticket'],
    ['Twitter', 'social'],
    ['Facebook Messenger', 'social'],
    ['SMS', 'sms'],
    ['Text message', 'sms'],
    ['walk-in', 'in-person'],
    ['carrier pigeon', 'other'],
    ['', 'other'],
  ])('maps the channel %j to %j', (value, channel) => {
    expect(toChannel(value)).toBe(channel);
    const mapping: ColumnMapping = { Email: 'customer.email', When: 'interaction.at', Via: 'interaction.channel' };
    expect(ok({ Email: 'a@example.com', When: '2019-02-19', Via: value }, mapping).interaction?.channel).toBe(channel);
  });

  it('keeps HTML and script in every text field as the exact text', () => {
    const evil = '<script>alert("x")</script><b onclick="steal()">&amp; bold</b>';
    const mapping: ColumnMapping = {
      N: 'customer.name',
      S: 'customer.sourceId',
      A: 'customer.accountId',
      G: 'interaction.agent',
      Sub: 'interaction.subject',
      Sum: 'interaction.summary',
      O: 'interaction.outcome',
      T: 'interaction.ticketId',
      I: 'interaction.sourceId',
      Note: 'note.text',
      When: 'interaction.at',
    };
    const raw = Object.fromEntries(Object.keys(mapping).map((k) => [k, k === 'When' ? '2019-02-19' : evil]));
    const row = ok(raw, mapping);
    expect(row.customer).toEqual({ name: evil, sourceId: evil, accountId: evil, emails: [], phones: [] });
    expect(row.interaction).toEqual({
      agent: evil,
      subject: evil,
      summary: evil,
      outcome: evil,
      ticketId: evil,
      sourceId: evil,
      channel: 'other',
      at: local(2019, 2, 19),
    });
    expect(row.note).toEqual({ text: evil });
  });

  it('reports a row with no way to identify the customer', () => {
    expect(reason({ Email: '', Name: '  ', Subject: 'Hi', When: '2019-02-19' }, { Email: 'customer.email', Name: 'customer.name', Subject: 'interaction.subject', When: 'interaction.at' })).toBe(
      'no way to tell which customer this is: "Email", "Name" are all empty',
    );
    expect(reason({ Subject: 'Hi', When: '2019-02-19' }, { Subject: 'interaction.subject', When: 'interaction.at' })).toMatch(/no column is mapped/);
  });

  it('accepts any single identifier: source id, account id or name alone', () => {
    expect(ok({ Id: '77' }, { Id: 'customer.sourceId' }).customer.sourceId).toBe('77');
    expect(ok({ Acct: 'AC-1' }, { Acct: 'customer.accountId' }).customer.accountId).toBe('AC-1');
    expect(ok({ Who: 'Jane' }, { Who: 'customer.name' }).customer.name).toBe('Jane');
  });

  it('reports contact details without a date', () => {
    expect(reason({ Email: 'a@example.com', Subject: 'Hi', When: '' }, { Email: 'customer.email', Subject: 'interaction.subject', When: 'interaction.at' })).toMatch(
      /column "When" is empty/,
    );
  });

  it('makes no contact from a customer row, even with a channel column', () => {
    const row = ok({ Email: 'a@example.com', Via: 'email' }, { Email: 'customer.email', Via: 'interaction.channel' });
    expect(row.interaction).toBeUndefined();
  });

  it('shortens long free text with a mark, and rejects over-long short fields naming the column', () => {
    const mapping: ColumnMapping = { Email: 'customer.email', When: 'interaction.at', Body: 'interaction.summary', Title: 'interaction.subject' };
    const long = 'x'.repeat(5000);
    const row = ok({ Email: 'a@example.com', When: '2019-02-19', Body: long, Title: 'ok' }, mapping);
    expect(row.interaction?.summary).toHaveLength(2000);
    expect(row.interaction?.summary?.endsWith('…')).toBe(true);
    expect(reason({ Email: 'a@example.com', When: '2019-02-19', Body: 'ok', Title: long }, mapping)).toBe('column "Title" is longer than 500 characters');
  });

  it('ignores mapped columns the row does not have, including inherited property names', () => {
    const row = ok({ Email: 'a@example.com' }, { Email: 'customer.email', constructor: 'customer.name' as const, toString: 'interaction.subject' as const });
    expect(row).toEqual({ row: 7, customer: { emails: ['a@example.com'], phones: [] } });
  });
});
