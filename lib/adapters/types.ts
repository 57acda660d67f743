import type { Channel, Identity } from '@/lib/schemas/records';
import type { HostMeta } from './hosts';

/** One reply composer on the page (a page may have several). */
export interface Composer {
  /** Container that scopes every other lookup for this composer. */
  root: Element;
  /** The element that receives the agent's typing. */
  editor: HTMLElement;
  sendButtons: Element[];
}

/** What an adapter reads off the page right now. */
export interface PageContext {
  identity: Identity;
  subject?: string;
  lastCustomerMessage?: string;
  composers: Composer[];
  /** Things the adapter looked for and could not find, in words an agent understands. */
  missing: string[];
}

export interface HostAdapter {
  meta: HostMeta;
  /** How a reply sent here is logged. */
  channel: Channel;
  /** Pure DOM reads; must not throw (the caller guards anyway) and must not modify the page. */
  read(doc: Document): PageContext;
  /** The signed-in agent, when the page shows it. */
  agentName?(doc: Document): string | undefined;
  /** Is this keydown a send shortcut for a composer? (Click on a send button is generic.) */
  isSendShortcut?(e: KeyboardEvent): boolean;
}

export const defineAdapter = (a: HostAdapter): HostAdapter => a;
