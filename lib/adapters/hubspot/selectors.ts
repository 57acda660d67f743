/**
 * HubSpot conversations inbox hooks (../shared/reference/host-apps.md §6, from one public
 * automation script): the ProseMirror composer, the send button's i18n-string key, the
 * styled-components message column, the "from" metadata and the message body test id.
 * `threadSubject` is [unverified]. Proven against tests/e2e/fixtures/hosts/hubspot/*.html.
 */
export const threadView = ['[data-test-id="thread-view"]'];
export const message = ['div[class*="CommonMessage__StyledContentColumn"]'];
export const messageFrom = ['dt[data-message-metadata-type="from"]'];
/** Inside messageFrom: the sender's address. */
export const messageFromAddress = ['b'];
export const messageBody = ['[data-test-id="primary-message-body-content"]'];
export const threadSubject = ['[data-test-id="thread-subject"]'];
export const editor = ['div.ProseMirror[contenteditable="true"]'];
/** The send button's label; the button is its closest <button>. Keyed, so not localised. */
export const sendLabel = ['i18n-string[data-key^="composer-ui.send-button"][data-key$=".send"]'];
