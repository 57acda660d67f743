import { z } from 'zod';
import type { Browser } from '#imports';
import { describeZodError } from '@/lib/utils/zod-error';
import { protocol, requestSchema, type MessageName, type Output, type ParsedInput } from './protocol';

type Sender = Browser.runtime.MessageSender;
export type Handlers = { [K in MessageName]: (input: ParsedInput<K>, sender: Sender) => Promise<Output<K>> };


/**
 * Route one raw message to its handler. Extension pages are recognised by their URL;
 * host pages (content scripts) cannot reach pageOnly messages such as restore or export.
 */
export async function dispatch(handlers: Handlers, raw: unknown, sender: Sender, extensionOrigin: string): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const req = requestSchema.safeParse(raw);
  if (!req.success) return { ok: false, error: 'not a Rapport message' };
  const name = req.data.name as MessageName;
  const def = protocol[name];
  if (!def) return { ok: false, error: `unknown message ${req.data.name}` };
  if (def.pageOnly && !(sender.url ?? '').startsWith(extensionOrigin)) return { ok: false, error: `${name} is only available from Rapport's own pages` };
  const input = def.input.safeParse(req.data.input);
  if (!input.success) return { ok: false, error: `${name}: ${describeZodError(input.error)}` };
  try {
    const handler = handlers[name] as (i: unknown, s: Sender) => Promise<unknown>;
    const value = def.output.parse(await handler(input.data, sender));
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: e instanceof z.ZodError ? `${name}: ${describeZodError(e)}` : e instanceof Error ? e.message : String(e) };
  }
}
