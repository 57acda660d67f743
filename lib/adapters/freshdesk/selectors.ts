/**
 * Freshdesk ("Mint" agent UI) hooks (../shared/reference/host-apps.md §7). Sourced from toggl:
 * the subject `.ticket-subject-heading` (strip its child elements) and the ticket number in
 * `.breadcrumb__item.active`. The Froala editor classes are widely reported but [unverified];
 * every data-test-id below is invented and [unverified]: capture a trial account's DOM.
 * Proven against tests/e2e/fixtures/hosts/freshdesk/*.html.
 */
export const subject = ['.ticket-subject-heading', 'h2.subject'];
export const ticketNumber = ['.breadcrumb__item.active', '#ticket-display-id'];
export const requesterName = ['[data-test-id="requester-name"]', '.requester-info .requester-name'];
export const requesterEmail = ['[data-test-id="requester-email"]', '.requester-info a[href^="mailto:"]'];
export const conversation = ['[data-test-id="conversation-item"]', '.conversation'];
export const conversationSender = ['[data-test-id="conversation-sender"]'];
export const conversationBody = ['[data-test-id="conversation-body"]'];
export const editor = ['.fr-box .fr-element.fr-view[contenteditable="true"]', '.fr-element[contenteditable="true"]'];
export const composerRoot = ['[data-test-id="reply-editor"]', '.reply-editor'];
export const sendButton = ['[data-test-id="send-reply"]'];
/** Last resort when no hook matches: the button's name, in the UI languages we know. */
export const sendButtonNames = ['Send', 'Senden', 'Envoyer', 'Enviar', 'Invia'];
