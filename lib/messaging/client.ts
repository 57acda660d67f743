import { browser } from '#imports';
import { protocol, responseSchema, type Input, type MessageName, type Output } from './protocol';

export class RapportMessageError extends Error {}

/**
 * Ask the background. The input is checked here too, so a bug shows up at the caller
 * with a readable message instead of as a rejected message in the service worker.
 */
export async function send<K extends MessageName>(name: K, input: Input<K>): Promise<Output<K>> {
  const def = protocol[name];
  const parsedInput = def.input.parse(input);
  const raw: unknown = await browser.runtime.sendMessage({ rapport: 1, name, input: parsedInput });
  const res = responseSchema.safeParse(raw);
  if (!res.success) throw new RapportMessageError(`No valid answer to ${name} (is Rapport updating?)`);
  if (!res.data.ok) throw new RapportMessageError(res.data.error);
  return def.output.parse(res.data.value) as Output<K>;
}
