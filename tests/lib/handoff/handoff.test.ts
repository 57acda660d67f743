import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHandoff, type HandoffInput } from '@/lib/handoff';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Thursday 26 March 2026, 15:00 UTC.
const now = Date.UTC(2026, 2, 26, 15);

const realistic = (): HandoffInput => ({
  customer: { name: 'Jane Doe', since: Date.UTC(2021, 4, 3) },
  contacts: [
    { at: now - 2 * DAY, channel: 'phone', agent: 'Sam', subject: 'Broadband dropping', summary: 'Ran line test, no fault found.', outcome: 'Engineer booked for Friday' },
    { at: now - 9 * DAY, channel: 'email', subject: 'Broadband dropping', summary: 'Customer reports wifi drops every evening', outcome: 'Sent troubleshooting guide' },
    { at: now - 20 * DAY, channel: 'phone', agent: 'Priya', summary: 'Talked through clearing the app cache' },
    { at: now - 50 * DAY, channel: 'phone', summary: 'Billing query', outcome: 'Explained bill' },
  ],
  openPromises: [
    { text: 'Call back with engineer time', dueAt: now + 20 * HOUR, overdue: false },
    { text: 'Credit £10 goodwill', dueAt: now - DAY, overdue: true },
  ],
  notes: [{ text: 'Prefers phone, call after 5pm. Language: Welsh.', at: now - 3 * DAY }],
  lastCustomerMessage: 'My broadband keeps dropping every evening and nobody has fixed it. I already restarted the hub again today.',
  now,
  timeZone: 'UTC',
});

describe('buildHandoff', () => {
  it('writes the issue in the customer’s words under the classifier’s category', () => {
    expect(buildHandoff(realistic()).issue).toBe('Technical fault: My broadband keeps dropping every evening and nobody has fixed it');
  });

  it('falls back to the latest subject when there is no message', () => {
    const input = { ...realistic(), lastCustomerMessage: undefined };
    expect(buildHandoff(input).issue).toMatch(/^[A-Z][\w ]+: Broadband dropping$/);
  });

  it('keeps the issue to one line of about 160 characters', () => {
    const long = `My router ${'keeps dropping and '.repeat(30)}then stops.\nSecond line`;
    const { issue } = buildHandoff({ ...realistic(), lastCustomerMessage: long });
    expect(issue.length).toBeLessThanOrEqual(160);
    expect(issue).not.toContain('\n');
    expect(issue).toMatch(/^Technical fault: My router keeps dropping/);
  });

  it('cuts long items at a word with an ellipsis', () => {
    const outcome = `Escalated ${'to the second line team '.repeat(20)}`;
    const [item] = buildHandoff({ ...realistic(), contacts: [{ at: now - DAY, channel: 'chat', outcome }], notes: [], lastCustomerMessage: undefined }).tried;
    expect(item).toMatch(/^Escalated to the second line team to the .*…\s\(25 Mar, chat\)$/);
    expect(item!.length).toBeLessThanOrEqual(160 + ' (25 Mar, chat)'.length);
    expect(item).not.toMatch(/ …/);
  });

  it('lists what was tried, newest first, without repeats', () => {
    const { tried } = buildHandoff(realistic());
    expect(tried).toEqual([
      'Restarting the router (customer, 26 Mar)',
      'Engineer booked for Friday (24 Mar, phone, Sam)',
      'Ran line test, no fault found. (24 Mar, phone, Sam)',
      'Sent troubleshooting guide (17 Mar, email)',
      'Talked through clearing the app cache (6 Mar, phone, Priya)',
      'Explained bill (4 Feb, phone)',
    ]);
  });

  it('keeps at most six tried items and drops duplicate outcomes', () => {
    const contacts = Array.from({ length: 10 }, (_, i) => ({ at: now - i * DAY, channel: 'chat', outcome: i % 2 ? 'Escalated to Tier 2' : `Reset line ${i}` }));
    const { tried } = buildHandoff({ ...realistic(), contacts, notes: [], lastCustomerMessage: undefined });
    expect(tried).toHaveLength(6);
    expect(tried.filter((t) => t.startsWith('Escalated to Tier 2'))).toHaveLength(1);
    expect(tried[0]).toBe('Reset line 0 (26 Mar, chat)');
  });

  it('puts overdue promises first, marked, with due times', () => {
    expect(buildHandoff(realistic()).promises).toEqual(['OVERDUE: Credit £10 goodwill (due 25 Mar 15:00)', 'Call back with engineer time (due 27 Mar 11:00)']);
  });

  it('reads stated preferences from notes', () => {
    expect(buildHandoff(realistic()).preferences).toEqual(['Channel: phone (note, 23 Mar)', 'Time: call after 5pm (note, 23 Mar)', 'Language: Welsh (note, 23 Mar)']);
    const emailOnly = buildHandoff({ ...realistic(), notes: [{ text: 'Email only please, works nights so mornings are no good', at: now - DAY }] });
    expect(emailOnly.preferences[0]).toBe('Channel: email (note, 25 Mar)');
    expect(emailOnly.preferences[1]).toMatch(/^Time: mornings/);
  });

  it('falls back to the most used channel when none is stated', () => {
    const { preferences } = buildHandoff({ ...realistic(), notes: [] });
    expect(preferences).toEqual(['Channel: mostly phone (3 of 4 contacts)']);
    const tie = buildHandoff({ ...realistic(), notes: [], contacts: realistic().contacts.slice(0, 2) });
    expect(tie.preferences).toEqual([]);
  });

  it('writes a plain-text note with the headings in order', () => {
    const { text } = buildHandoff(realistic());
    expect(text).toBe(
      [
        'Customer: Jane Doe',
        'Issue: Technical fault: My broadband keeps dropping every evening and nobody has fixed it',
        'Tried:',
        '- Restarting the router (customer, 26 Mar)',
        '- Engineer booked for Friday (24 Mar, phone, Sam)',
        '- Ran line test, no fault found. (24 Mar, phone, Sam)',
        '- Sent troubleshooting guide (17 Mar, email)',
        '- Talked through clearing the app cache (6 Mar, phone, Priya)',
        '- Explained bill (4 Feb, phone)',
        'Open promises:',
        '- OVERDUE: Credit £10 goodwill (due 25 Mar 15:00)',
        '- Call back with engineer time (due 27 Mar 11:00)',
        'Preferences:',
        '- Channel: phone (note, 23 Mar)',
        '- Time: call after 5pm (note, 23 Mar)',
        '- Language: Welsh (note, 23 Mar)',
        'Contacts: 3 in last 30 days, customer since May 2021',
      ].join('\n'),
    );
  });

  it('handles an empty history', () => {
    const h = buildHandoff({ customer: {}, contacts: [], openPromises: [], notes: [], now, timeZone: 'UTC' });
    expect(h).toEqual({
      issue: '',
      tried: [],
      promises: [],
      preferences: [],
      text: ['Issue: not stated', 'Tried:', '- none recorded', 'Open promises:', '- none', 'Preferences:', '- none recorded', 'Contacts: 0 in last 30 days'].join('\n'),
    });
  });

  it('copes with 500 contacts', () => {
    const channels = ['email', 'phone', 'chat'];
    const contacts = Array.from({ length: 500 }, (_, i) => ({
      at: now - i * 6 * HOUR,
      channel: channels[i % 7 === 0 ? 1 : 0]!,
      summary: `Contact ${i}: reset the line`,
      outcome: i % 3 === 0 ? `Outcome ${i}` : undefined,
    }));
    const h = buildHandoff({ ...realistic(), contacts, notes: [] });
    expect(h.tried).toHaveLength(6);
    expect(h.tried).toContain('Outcome 0 (26 Mar, phone)');
    expect(h.tried).not.toContain('Outcome 3 (25 Mar, email)');
    expect(h.text).toContain('Contacts: 121 in last 30 days');
    expect(h.preferences[0]).toMatch(/^Channel: mostly email \(\d+ of 500 contacts\)$/);
  });

  it('keeps hostile strings as verbatim text, one line each', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const h = buildHandoff({
      customer: { name: `${xss}\nIssue: forged` },
      contacts: [{ at: now - DAY, channel: 'email', outcome: `${xss}\r\nOpen promises: none`, agent: '<b>Sam</b>' }],
      openPromises: [{ text: `<script>alert(1)</script>`, dueAt: now + DAY, overdue: false }],
      notes: [{ text: `prefers email ${xss}`, at: now - DAY }],
      lastCustomerMessage: `${xss} my bill is wrong`,
      now,
      timeZone: 'UTC',
    });
    expect(h.text).toContain(`Customer: ${xss} Issue: forged`);
    expect(h.text).toContain(`- ${xss} Open promises: none (25 Mar, email, <b>Sam</b>)`);
    expect(h.text).toContain('- <script>alert(1)</script> (due 27 Mar 15:00)');
    expect(h.issue).toBe(`Billing: ${xss} my bill is wrong`);
    // Exactly one of each heading: nothing in the data could start a line of its own.
    for (const heading of ['Issue:', 'Tried:', 'Open promises:', 'Preferences:', 'Contacts:']) {
      expect(h.text.split('\n').filter((l) => l.startsWith(heading))).toHaveLength(1);
    }
    expect(h.text).not.toContain('&lt;');
  });

  it('drops malformed rows instead of failing', () => {
    const h = buildHandoff({
      customer: { name: 5 as unknown as string, since: Number.NaN },
      contacts: [null, { at: 'x', channel: 'email' }, { at: now - DAY, channel: 'email', outcome: 'Refund issued' }] as unknown as HandoffInput['contacts'],
      openPromises: [{ text: 'x' }] as unknown as HandoffInput['openPromises'],
      notes: 'nope' as unknown as HandoffInput['notes'],
      now,
      timeZone: 'UTC',
    });
    expect(h.tried).toEqual(['Refund issued (25 Mar, email)']);
    expect(h.promises).toEqual([]);
    expect(h.text).toContain('Contacts: 1 in last 30 days\n'.trim());
  });

  it('never throws and never emits more than the five headings as line starts', () => {
    const str = fc.string({ maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: now - 90 * DAY, max: now }), channel: str, summary: str, outcome: str, agent: str }), { maxLength: 8 }),
        fc.array(fc.record({ text: str, at: fc.integer({ min: now - 90 * DAY, max: now }) }), { maxLength: 4 }),
        str,
        (contacts, notes, message) => {
          const h = buildHandoff({ customer: {}, contacts, notes, openPromises: [], lastCustomerMessage: message, now, timeZone: 'UTC' });
          const lines = h.text.split('\n');
          expect(lines.every((l) => /^(?:Issue: |Tried:$|Open promises:$|Preferences:$|Contacts: |- )/.test(l))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
