/**
 * From source columns to ImportRows: guessing which column is which (suggestMapping) and
 * turning one raw row into a validated, normalised row or a reason it can't be (mapRow).
 */
import type { CountryCode } from 'libphonenumber-js/min';
import {
  importFieldSchema,
  importRowSchema,
  type ColumnMapping,
  type ImportField,
  type ImportRow,
  type RowError,
} from '@/lib/schemas/import';
import { foldText, normalizeEmail, normalizePhone } from '@/lib/identity';
import { toChannel } from './channel';
import { parseDate, type DateOrder } from './dates';

export interface MapOptions {
  /** Region assumed for phone numbers written without a country code, e.g. 'GB'. */
  defaultRegion: CountryCode;
  /** How to read numeric dates such as 03/04/2019. */
  dateOrder: DateOrder;
  /** Reference time for two-digit years; defaults to the current time. */
  now?: Date;
}

export type MapResult = { ok: true; row: ImportRow } | { ok: false; error: RowError };

/**
 * Which part of a name a column holds. ColumnMapping has only 'customer.name', so when
 * several columns map to it the parts are told apart by their header: a full-name column
 * ("Name", "Customer name") with a value wins; otherwise the values are joined first, then
 * unrecognised columns in mapping order ("Vorname", "Nachname"), then middle, then last,
 * whatever order the columns are in.
 */
export type NamePart = 'first' | 'middle' | 'last' | 'full' | 'other';

const PERSON = String.raw`(?:(?:customer|contact|requester|client|caller|user|lead|member|person|end user|visitor|account holder|cardholder) )?`;
const FIRST_NAME = new RegExp(String.raw`^${PERSON}(?:first|given|fore) ?names?$|^(?:first|fname|forename|firstname|givenname|given)$`);
const MIDDLE_NAME = new RegExp(String.raw`^${PERSON}middle ?(?:names?|initials?)$|^(?:middle|middlename)$`);
const LAST_NAME = new RegExp(String.raw`^${PERSON}(?:last|family|sur) ?names?$|^(?:last|lname|surname|lastname|family|familyname)$`);
const FULL_NAME = new RegExp(
  String.raw`^${PERSON}(?:full |display |complete )?names?$|^(?:customer|contact|requester|client|caller|end user|visitor|fullname|displayname)$`,
);

export function namePart(header: string): NamePart {
  const n = normalizeHeader(header);
  if (FIRST_NAME.test(n)) return 'first';
  if (MIDDLE_NAME.test(n)) return 'middle';
  if (LAST_NAME.test(n)) return 'last';
  return FULL_NAME.test(n) ? 'full' : 'other';
}

/** "E-mail Address", "EmailAddress__c" and "email_address (2)" all become "email address". */
export function normalizeHeader(h: string): string {
  const spaced = h
    .replace(/__c$/i, '') // Salesforce custom-field suffix
    .replace(/\s*\(\d+\)$/, '') // our suffix for a repeated header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/['’]/g, '');
  return foldText(spaced)
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
    .replace(/\be mail\b/g, 'email')
    .replace(/\s+/g, ' ');
}

interface Rule {
  re: RegExp;
  /** null: recognised as not ours, so later rules don't claim it. */
  field: ImportField | null;
  /** Lower wins when several columns want a single-valued field. */
  rank?: number;
  /** Applies only when the file looks like contact history, or only when it doesn't. */
  when?: 'history' | 'customers';
}

/**
 * First match wins. The exclusions come before the rules they protect: "Agent email" is not
 * the customer's email, "Company phone" would join every employee of a company into one
 * customer, "Date of birth" is not a contact date.
 */
const RULES: Rule[] = [
  { re: /^(email|message|ticket|case|conversation) (subject|title)$/, field: 'interaction.subject' },
  { re: /^(email|message) (body|text|content)$/, field: 'interaction.summary' },
  { re: /\b(agent|assignee|assigned|owner|rep|csr|staff|advisor|responder|created by)\b.*\b(email|phone|id|ids|group|team|type)\b/, field: null },
  { re: /\b(company|organization|organisation|org|business|employer|account name|group|team|brand|mailbox|queue|department)\b/, field: null },
  { re: /\b(fax|opt ?out|opt ?in|unsubscribed?|bounced?|consent|verified|subscription|marketing|cc|bcc)\b/, field: null },
  { re: /\bemail\b.*\b(domain|type|status|count|format|sent|opened|clicked|date|preference|validity|quality|score)\b/, field: null },
  { re: /\b(phone|mobile|cell)\b.*\b(type|ext|extension|country|carrier|status|call|calls|duration|app|device|os|platform)\b/, field: null },
  {
    re: /^(agent|agent name|assignee|assignee name|assigned to|assigned agent|assigned user|handled by|responder|csr|rep|representative|advisor|adviser|staff member|answered by|taken by|logged by)$/,
    field: 'interaction.agent',
  },
  { re: /^(owner|case owner|ticket owner|conversation owner|created by)$/, field: 'interaction.agent', when: 'history', rank: 2 },
  { re: /\bemail\b|^mail$|^emails$/, field: 'customer.email' },
  { re: /\b(phone|phones|mobile|cell|cellphone|cellular|telephone|tel|landline|msisdn|whatsapp)\b|^contact (number|no)$/, field: 'customer.phone' },
  { re: FULL_NAME, field: 'customer.name' },
  { re: FIRST_NAME, field: 'customer.name' },
  { re: MIDDLE_NAME, field: 'customer.name' },
  { re: LAST_NAME, field: 'customer.name' },
  {
    re: /\b(updated|modified|solved|closed|resolved|due|deleted|archived|birth|dob|birthday|expiry|expires|renewal|last|next|sla|first response|reopened)\b/,
    field: null,
  },
  { re: /^((ticket|case|incident|request|conversation|issue) (number|no|num|nr|#)|ticket (id|ref|reference)|ticket|ticket#|#)$/, field: 'interaction.ticketId' },
  { re: /^(number|id)$/, field: 'interaction.ticketId', when: 'history', rank: 2 },
  { re: /^(conversation|interaction|activity|call|message|chat|event|engagement|touchpoint|case|thread) ?(id|uuid|guid|key)$/, field: 'interaction.sourceId' },
  { re: /^record id$/, field: 'interaction.sourceId', when: 'history', rank: 2 },
  {
    re: /^(customer|contact|user|requester|client|person|lead|end user|profile|record|crm|hubspot|salesforce|zendesk|freshdesk|intercom) ?(id|uuid|guid|key)$/,
    field: 'customer.sourceId',
  },
  { re: /^(id|uuid|guid)$/, field: 'customer.sourceId', when: 'customers', rank: 2 },
  {
    re: /^((account|acct|acc|customer|cust|client|member|membership|policy|contract|subscriber|loyalty|billing|billing account|debtor) (number|no|num|nr|#|ref|reference|code)|(account|acct|member|membership|subscriber|external|requester external|customer external|billing account) id|(account|acct|member|customer) #|account#)$/,
    field: 'customer.accountId',
  },
  {
    re: /^((customer|client|member|subscriber|user|account|contact) )?since$|^((customer|client|member|user|account|contact) )?(sign ?up|signup|registration|registered|join|joined|joining|enrol?ment|onboarding|acquisition|first purchase|first order|activation)( (date|at|on))?$|^date (joined|registered|of registration|signed up|activated)$|^customer start date$|^(date )?became (a )?customer( date)?$/,
    field: 'customer.since',
  },
  {
    re: /^(created|create|creation|date created|created date|created on|created at|create date|created time|creation date|creation time|date time created|created datetime|created timestamp|created date time)$/,
    field: 'interaction.at',
    when: 'history',
  },
  {
    re: /^(created|create|creation|date created|created date|created on|created at|create date|created time|creation date|creation time|date time created|created datetime|created timestamp|created date time)$/,
    field: 'customer.since',
    when: 'customers',
  },
  {
    re: /^(date|time|datetime|date time|timestamp|when|day|(interaction|contact|call|conversation|message|activity|event|ticket|case) (date|time|date time|datetime|timestamp)|call (start|started|start time)|start time|started at|started|submitted|submitted (at|on|date)|received|received (at|on|date)|sent (at|on|date)|date (sent|received|submitted|opened|of contact|of call)|conversation started|(ticket|case) created|occurred (at|on)|logged (at|on)|opened|opened (at|on|date)|date time opened|date opened)$/,
    field: 'interaction.at',
  },
  {
    re: /^(channel|via|case origin|ticket source|ticket channel|contact channel|contact method|communication channel|conversation type|interaction type|channel type|source channel|via channel|media type)$/,
    field: 'interaction.channel',
  },
  { re: /^(source|origin|medium|contact type|type)$/, field: 'interaction.channel', when: 'history', rank: 2 },
  { re: /^(subject|subject line|ticket title|case title|contact reason|call reason|reason for (contact|call))$/, field: 'interaction.subject' },
  // In a contacts export "Title" is a job title and "Status" a lifecycle stage.
  { re: /^(title|topic|headline|reason)$/, field: 'interaction.subject', when: 'history', rank: 2 },
  {
    re: /^(transcript|chat transcript|first message|initial message|ticket description|case description|what happened|call notes|call summary|interaction summary|conversation summary|resolution notes|public comment)$/,
    field: 'interaction.summary',
  },
  {
    re: /^(description|summary|details|detail|body|message|messages|content|text|comment|comments|conversation|issue|problem|request)$/,
    field: 'interaction.summary',
    when: 'history',
    rank: 2,
  },
  {
    re: /^(outcome|resolution|disposition|call outcome|call result|call disposition|resolution code|resolution type|close reason|closure reason|closing reason|wrap up|wrap up code)$/,
    field: 'interaction.outcome',
  },
  { re: /^(result|status|ticket status|case status|conversation status|call status)$/, field: 'interaction.outcome', when: 'history', rank: 2 },
  {
    re: /^(note|notes|internal note|internal notes|private note|private notes|agent note|agent notes|customer note|customer notes|remarks|remark|memo|background|internal comment|internal comments)$/,
    field: 'note.text',
  },
  // Salesforce's contact "Description" and similar free text are notes about the customer.
  { re: /^(description|details|comment|comments|about)$/, field: 'note.text', when: 'customers', rank: 2 },
];

/** Headers that only contact history has; they decide what "Created at" or "Id" means. */
const HISTORY_SIGNAL =
  /\b(subject|channel|via|ticket|case|conversation|transcript|assignee|agent|priority|interaction|call|chat|resolution|outcome|disposition)\b/;

const MULTI: ReadonlySet<ImportField> = new Set(['customer.email', 'customer.phone']);

/**
 * Recognises common CRM and helpdesk export headers (Zendesk, Salesforce, HubSpot, Freshdesk,
 * Help Scout, Intercom, generic). Every email and phone column is mapped; other fields get
 * the best-matching column. First/middle/last name columns all map to 'customer.name' unless
 * a full-name column exists. Columns left unmapped are listed in `unknown`, in file order.
 */
export function suggestMapping(headers: readonly string[]): { mapping: ColumnMapping; unknown: string[] } {
  const normalized = headers.map(normalizeHeader);
  const history = normalized.some((n) => HISTORY_SIGNAL.test(n));
  const claims: Array<{ header: string; index: number; field: ImportField; rank: number }> = [];
  headers.forEach((header, index) => {
    const n = normalized[index]!;
    for (const rule of RULES) {
      if (rule.when === 'history' && !history) continue;
      if (rule.when === 'customers' && history) continue;
      if (!rule.re.test(n)) continue;
      if (rule.field) claims.push({ header, index, field: rule.field, rank: rule.rank ?? 1 });
      return;
    }
  });

  const chosen = new Set<number>();
  const byField = new Map<ImportField, typeof claims>();
  for (const c of claims) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const [field, list] of byField) {
    if (MULTI.has(field)) {
      list.forEach((c) => chosen.add(c.index));
    } else if (field === 'customer.name') {
      const full = list.filter((c) => namePart(c.header) === 'full');
      if (full.length) chosen.add(full[0]!.index);
      else {
        // One column per part; a second "First name" is left for the user to decide.
        const seen = new Set<NamePart>();
        for (const c of list) {
          const part = namePart(c.header);
          if (!seen.has(part)) chosen.add(c.index);
          seen.add(part);
        }
      }
    } else {
      const best = [...list].sort((a, b) => a.rank - b.rank || a.index - b.index)[0]!;
      chosen.add(best.index);
    }
  }

  const mapping: ColumnMapping = {};
  const unknown: string[] = [];
  const fieldOf = new Map(claims.map((c) => [c.index, c.field]));
  headers.forEach((header, index) => {
    const field = fieldOf.get(index);
    if (chosen.has(index) && field) mapping[header] = field;
    else unknown.push(header);
  });
  return { mapping, unknown };
}

/**
 * Problems with a mapping as a whole, for the page to show before importing (each would
 * otherwise fail every row).
 */
export function checkMapping(mapping: ColumnMapping): string[] {
  const fields = new Set(Object.values(mapping));
  const problems: string[] = [];
  const identity: ImportField[] = ['customer.email', 'customer.phone', 'customer.sourceId', 'customer.accountId', 'customer.name'];
  if (!identity.some((f) => fields.has(f))) {
    problems.push("Map at least one column to the customer's email, phone, account number, id or name, so rows can be matched to customers.");
  }
  const history: ImportField[] = ['interaction.subject', 'interaction.summary', 'interaction.agent', 'interaction.outcome', 'interaction.ticketId', 'interaction.sourceId'];
  if (!fields.has('interaction.at') && history.some((f) => fields.has(f))) {
    problems.push('Contact history needs a date: map a column to the contact date, or unmap the contact columns.');
  }
  return problems;
}

interface Compiled {
  columns: Map<ImportField, string[]>;
  names: Array<{ column: string; part: NamePart }>;
  /** Columns per field, looked up once per mapping rather than per row. */
  emails: string[];
  phones: string[];
  customerSourceId: string[];
  accountId: string[];
  since: string[];
  at: string[];
  channel: string[];
  interactionSourceId: string[];
  agent: string[];
  subject: string[];
  summary: string[];
  outcome: string[];
  ticketId: string[];
  note: string[];
  identity: string[];
}

// Compiled once per mapping object: treat a mapping as immutable once rows are mapped with
// it (the options page replaces the object on every edit).
const compiledCache = new WeakMap<ColumnMapping, Compiled>();

function compile(mapping: ColumnMapping): Compiled {
  const hit = compiledCache.get(mapping);
  if (hit) return hit;
  const columns = new Map<ImportField, string[]>();
  const names: Compiled['names'] = [];
  for (const [column, field] of Object.entries(mapping)) {
    if (!importFieldSchema.safeParse(field).success) continue;
    columns.set(field, [...(columns.get(field) ?? []), column]);
    if (field === 'customer.name') names.push({ column, part: namePart(column) });
  }
  const of = (f: ImportField) => columns.get(f) ?? [];
  const compiled: Compiled = {
    columns,
    names,
    emails: of('customer.email'),
    phones: of('customer.phone'),
    customerSourceId: of('customer.sourceId'),
    accountId: of('customer.accountId'),
    since: of('customer.since'),
    at: of('interaction.at'),
    channel: of('interaction.channel'),
    interactionSourceId: of('interaction.sourceId'),
    agent: of('interaction.agent'),
    subject: of('interaction.subject'),
    summary: of('interaction.summary'),
    outcome: of('interaction.outcome'),
    ticketId: of('interaction.ticketId'),
    note: of('note.text'),
    identity: (['customer.email', 'customer.phone', 'customer.sourceId', 'customer.accountId', 'customer.name'] as const).flatMap(of),
  };
  compiledCache.set(mapping, compiled);
  return compiled;
}

/** What people type into a required field when they have nothing to put there. */
const PLACEHOLDER = /^(?:n\/?a|none|null|nil|unknown|not (?:available|provided|applicable)|-+|—|–|\?+|#n\/a|\.)$/i;

const SUMMARY_MAX = 2000;
const NOTE_MAX = 5000;

const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

/**
 * One raw row to an ImportRow. Text is kept as written (trimmed): markup such as <b> or
 * <script> is data here and is neither interpreted nor removed; rendering is the UI's job.
 * Long free text is shortened to what the schema keeps (summary 2,000 characters, note
 * 5,000), marked with "…"; other over-long values are errors, as they suggest a wrong mapping.
 */
export function mapRow(raw: Record<string, string>, line: number, mapping: ColumnMapping, opts: MapOptions): MapResult {
  // Runs once per source row (100,000s per import), hence plain loops and no per-call closures.
  const c = compile(mapping);

  const emails: string[] = [];
  for (const column of c.emails) {
    const value = cell(raw, column);
    if (!value || PLACEHOLDER.test(value)) continue;
    const found = splitValues(value, normalizeEmail, EMAIL_SEPARATORS, null);
    if (!found) return failure(line, `column "${column}": ${quote(value)} is not a valid email address`);
    for (const e of found) if (!emails.includes(e)) emails.push(e);
  }

  const phones: string[] = [];
  for (const column of c.phones) {
    const value = cell(raw, column);
    if (!value || PLACEHOLDER.test(value)) continue;
    const found = splitValues(value, normalizePhone, PHONE_SEPARATORS, opts.defaultRegion);
    if (!found) {
      return failure(line, `column "${column}": ${quote(value)} is not a phone number (numbers without a country code are read as ${opts.defaultRegion})`);
    }
    for (const p of found) if (!phones.includes(p)) phones.push(p);
  }

  const customer: ImportRow['customer'] = { emails, phones };
  const name = c.names.length ? combineName(c.names, raw) : '';
  if (name) customer.name = name;
  const sourceId = firstValue(raw, c.customerSourceId, true);
  if (sourceId) customer.sourceId = sourceId;
  const accountId = firstValue(raw, c.accountId, true);
  if (accountId) customer.accountId = accountId;

  const since = firstValue(raw, c.since, true);
  if (since) {
    const d = parseDate(since, opts);
    if (!d) return failure(line, dateError(raw, c.since, opts));
    customer.since = d.date;
  }
  const when = firstValue(raw, c.at, true);
  let at: number | undefined;
  if (when) {
    const d = parseDate(when, opts);
    if (!d) return failure(line, dateError(raw, c.at, opts));
    at = d.at;
  }

  const interaction: Partial<NonNullable<ImportRow['interaction']>> = {};
  const interactionSourceId = firstValue(raw, c.interactionSourceId, true);
  const agent = firstValue(raw, c.agent, false);
  const subject = firstValue(raw, c.subject, false);
  const summary = truncate(joinedValues(raw, c.summary), SUMMARY_MAX);
  const outcome = firstValue(raw, c.outcome, false);
  const ticketId = firstValue(raw, c.ticketId, true).replace(/^#\s*/, '');
  if (interactionSourceId) interaction.sourceId = interactionSourceId;
  if (agent) interaction.agent = agent;
  if (subject) interaction.subject = subject;
  if (summary) interaction.summary = summary;
  if (outcome) interaction.outcome = outcome;
  if (ticketId) interaction.ticketId = ticketId;
  const hasHistory = !!(interactionSourceId || agent || subject || summary || outcome || ticketId);
  if (hasHistory && at === undefined) {
    return failure(
      line,
      c.at.length ? `column "${c.at[0]}" is empty, and a contact needs a date` : 'this row has contact details but no date: map a column to the contact date',
    );
  }

  if (!emails.length && !phones.length && !sourceId && !accountId && !name) {
    return failure(
      line,
      c.identity.length
        ? `no way to tell which customer this is: ${c.identity.map((col) => `"${col}"`).join(', ')} ${c.identity.length === 1 ? 'is' : 'are all'} empty`
        : 'no way to tell which customer this is: no column is mapped to an email, phone, customer id, account number or name',
    );
  }

  const candidate: Record<string, unknown> = { row: line, customer };
  if (at !== undefined) {
    const channel = firstValue(raw, c.channel, true);
    interaction.channel = channel ? toChannel(channel) : 'other';
    interaction.at = at;
    candidate.interaction = interaction;
  }
  const note = truncate(joinedValues(raw, c.note), NOTE_MAX);
  if (note) candidate.note = { text: note };

  const parsed = importRowSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, row: parsed.data };
  return failure(
    line,
    parsed.error.issues
      .map((issue) => {
        const field = issue.path.slice(0, 2).join('.');
        const column = c.columns.get(field as ImportField)?.[0];
        const where = column ? `column "${column}"` : field;
        const max = issue.code === 'too_big' ? Number(issue.maximum) : NaN;
        return Number.isFinite(max) ? `${where} is longer than ${max} characters` : `${where}: ${issue.message}`;
      })
      .join('; '),
  );
}

const EMAIL_SEPARATORS = /[;,\s]+/;
const PHONE_SEPARATORS = /[;,/]|\s{2,}|\bor\b/;

const failure = (row: number, reason: string): MapResult => ({ ok: false, error: { row, reason } });

/** A trimmed cell; absent, inherited ("constructor") and non-string values read as empty. */
function cell(raw: Record<string, string>, column: string): string {
  if (!Object.hasOwn(raw, column)) return '';
  const v = raw[column];
  return typeof v === 'string' ? v.trim() : '';
}

/** The first non-empty value among the columns, or "". */
function firstValue(raw: Record<string, string>, columns: readonly string[], blankPlaceholders: boolean): string {
  for (const column of columns) {
    const value = cell(raw, column);
    if (value && !(blankPlaceholders && PLACEHOLDER.test(value))) return value;
  }
  return '';
}

function joinedValues(raw: Record<string, string>, columns: readonly string[]): string {
  if (columns.length === 1) return cell(raw, columns[0]!);
  return columns
    .map((col) => cell(raw, col))
    .filter(Boolean)
    .join('\n');
}

/** Only on the error path: finds which column held the unreadable date. */
function dateError(raw: Record<string, string>, columns: readonly string[], opts: MapOptions): string {
  const column = columns.find((col) => {
    const v = cell(raw, col);
    return v && !PLACEHOLDER.test(v);
  })!;
  const order = opts.dateOrder === 'DMY' ? 'day/month/year' : 'month/day/year';
  return `column "${column}": ${quote(cell(raw, column))} is not a date Rapport can read (e.g. 2019-02-19, 2019-02-19 14:30, Feb 19, 2019, or numeric dates in ${order} order)`;
}

/**
 * A cell may hold one value or several ("a@x.com; b@y.com"). The whole cell is tried first
 * so that "Doe, Jane <jane@x.com>" isn't split on its comma.
 */
function splitValues<A>(value: string, normalize: (s: string, arg: A) => string | null, separators: RegExp, arg: A): string[] | null {
  const whole = normalize(value, arg);
  if (whole) return [whole];
  const parts = value
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const out: string[] = [];
  for (const p of parts) {
    const n = normalize(p, arg);
    if (!n) return null;
    out.push(n);
  }
  return out;
}

function combineName(names: Compiled['names'], raw: Record<string, string>): string | undefined {
  if (names.length === 1) return cell(raw, names[0]!.column) || undefined;
  for (const n of names) {
    if (n.part !== 'full') continue;
    const v = cell(raw, n.column);
    if (v) return v;
  }
  const order: NamePart[] = ['first', 'other', 'middle', 'last'];
  const parts = order.flatMap((part) => names.filter((n) => n.part === part).map((n) => cell(raw, n.column))).filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  // Don't leave half of a surrogate pair behind.
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
