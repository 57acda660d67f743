/**
 * Gmail DOM hooks (sources: ../shared/reference/host-apps.md §2 — gmail.js, InboxSDK).
 * Proven against tests/e2e/fixtures/hosts/gmail/*.html. aria-labels are localised, so
 * structure and Gmail's long-stable class names come before labels.
 */
export const composeRoot = ['div.M9'];
export const editor = ['[g_editable="true"]', 'div[contenteditable="true"][role="textbox"][aria-multiline="true"]'];
/** The plain Send button, not "Send & archive" (.Uo) nor the schedule menu (aria-haspopup). */
export const sendButton = [
  '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])',
  'div.T-I.T-I-atl[role="button"]:not([aria-haspopup="true"])',
];
export const recipients = ['div[name="to"] [role="option"][data-hovercard-id]', 'div[name="to"] [email]', 'textarea[name="to"]'];
export const subjectInput = ['input[name="subjectbox"]'];
export const threadSubject = ['h2.hP', '[role="main"] h2[data-thread-perm-id]'];
export const threadMessage = ['div.adn.ads[data-message-id]', 'div.adn.ads'];
export const messageSender = ['span.gD[email]', '[data-hovercard-id][email]'];
export const messageBody = ['div.a3s', 'div.ii.gt'];
