/**
 * Front hooks. No public code shows Front's composer or Send markup (host-apps.md §8), so
 * EVERY entry here is [unverified]: they follow the ARIA an accessible composer must expose
 * (a role=textbox editor, a button named "Send", recipient chips carrying the address) and
 * were proven only against tests/e2e/fixtures/hosts/front/. Roles and names come first, test
 * ids second; capture a real Front DOM before trusting any of them.
 */

/** The reply body. */
export const editor = [
  '[role="textbox"][contenteditable="true"]',
  '[contenteditable="true"][aria-multiline="true"]',
  '.ProseMirror[contenteditable="true"]',
];
/** Send, by accessible name in Front's UI languages; then hooks. */
export const sendNames = ['Send', 'Envoyer', 'Enviar', 'Senden', 'Invia', 'Verzenden'];
export const sendButton = ['[data-testid="send-button"]', 'button[type="submit"]'];
/** Recipient chips in the composer's To field: the address is the chip's title or label. */
export const recipientChip = [
  '[role="listbox"] [role="option"][title*="@"]',
  '[role="listbox"] [role="option"]',
  '[data-testid*="recipient"]',
  '[title*="@"]',
];
/** The conversation's messages, oldest first. */
export const message = ['[role="list"] > [role="listitem"]', '[data-testid="message"]'];
export const messageSender = ['[title*="@"]', 'a[href^="mailto:"]', '[data-testid="message-sender"]'];
export const messageBody = ['[data-testid="message-body"]', '[role="document"]'];
export const subject = ['[role="main"] h1', '[data-testid="conversation-subject"]'];
/** The contact panel on the right: the fallback when the composer has no recipient yet. */
export const contactEmail = ['aside a[href^="mailto:"]', '[data-testid="contact-handle"][title*="@"]'];
/** The signed-in teammate's avatar button; its label is the teammate's name. */
export const me = ['[data-testid="current-user"]', 'button[aria-label^="Account"]'];
