/**
 * Help Scout hooks. Sources (../shared/reference/host-apps.md §8): toggl's helpscout.js for the
 * data-cy header hooks, trentslutzky/helpscout-thread-hider (2023) for the thread markup.
 * Everything marked [unverified] was invented for tests/e2e/fixtures/hosts/help-scout/ in the
 * style of Help Scout's data-cy hooks and must be checked against a live account.
 */

/** Conversation subject (toggl reads its textContent). */
export const subject = ['[data-cy="EditableTextarea"]', '[data-cy="ConversationHeader"] h1'];
/** Conversation number, e.g. "#1842" (toggl). */
export const conversationNumber = ['[data-cy="ConversationHeader"] [data-cy="Text"]', '[data-cy="Text"]'];

/** Customer threads (thread-hider): the last one is the customer's latest message. */
export const customerThread = ['article.thread.customer'];
export const threadBody = [
  'section.js-thread-content section.messageBody',
  '.messageBody',
];
/** The name in a thread's header. [unverified beyond section.meta] */
export const threadAuthor = ['section.threadHeader section.meta [data-cy="ThreadAuthor"]', 'section.threadHeader section.meta strong'];

/** Customer profile in the right sidebar. [unverified] */
export const profile = ['[data-cy="CustomerProfile"]', '[data-testid="customer-profile"]', 'aside[aria-label="Customer"]'];
export const profileName = ['[data-cy="CustomerProfile.Name"]', '[data-testid="customer-name"]', 'h2'];
export const profileEmail = ['[data-cy="CustomerProfile.Email"]', 'a[href^="mailto:"]'];
export const profilePhone = ['[data-cy="CustomerProfile.Phone"]', 'a[href^="tel:"]'];

/** The reply form and its editor. [unverified]; the Redactor class is the old editor (public snippet). */
export const composerRoot = ['[data-cy="ReplyEditor"]', 'form.reply-form', '.c-reply-editor'];
export const editor = [
  '[data-cy="ReplyEditor.Body"][contenteditable="true"]',
  '[role="textbox"][contenteditable="true"]',
  '.redactor_editor[contenteditable="true"]',
  '[contenteditable="true"]',
];
/** Send: a test hook, then a submit button, then the name (English only UI). [unverified] */
export const sendButton = ['[data-cy="SendButton"]', 'button[type="submit"]'];
export const sendNames = ['Send', 'Send reply'];

/** The signed-in agent's menu; its label is the agent's name. [unverified] */
export const userMenu = ['[data-cy="UserMenu"]'];
