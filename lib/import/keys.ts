/**
 * Keys that make re-importing the same data idempotent when the source gives no id.
 *
 * customerKey covers the customer's strongest identifier only, in this order: source id,
 * else the smallest normalised email, else the smallest E.164 phone, else the account id,
 * else the folded name words. A re-export that adds a second phone keeps the same key.
 *
 * naturalKey covers that identity plus the contact's time (epoch ms), channel, subject and
 * summary (whitespace collapsed, so CRLF vs LF or trailing spaces don't make a new contact).
 * It leaves out agent, outcome and ticket id, which a CRM may change after the fact. Rows
 * without a contact get identity-only keys; the writer uses naturalKey for contacts only.
 *
 * Both are FNV-1a 64 hashes (16 hex digits) of the fields joined with U+001F, which is
 * folded out of the values first, so field boundaries can't shift.
 */
import type { ImportRow } from '@/lib/schemas/import';
import { nameTokens } from '@/lib/identity';
import { stableHash } from './hash';

const SEP = '\u001f';

const smallest = (xs: readonly string[]) => [...xs].sort()[0];
const squash = (s: string | undefined) => (s ?? '').normalize('NFC').replace(/[\s\u001f]+/g, ' ').trim();

function identityOf(row: ImportRow): string {
  const c = row.customer;
  if (c.sourceId) return `s:${squash(c.sourceId)}`;
  const email = smallest(c.emails);
  if (email) return `e:${email}`;
  const phone = smallest(c.phones);
  if (phone) return `p:${phone}`;
  if (c.accountId) return `a:${squash(c.accountId)}`;
  return `n:${nameTokens(c.name ?? '').join(' ')}`;
}

export function customerKey(row: ImportRow): string {
  return stableHash(identityOf(row));
}

export function naturalKey(row: ImportRow): string {
  const i = row.interaction;
  return stableHash(
    [identityOf(row), i ? String(i.at) : '', i?.channel ?? '', squash(i?.subject), squash(i?.summary)].join(SEP),
  );
}
