/**
 * Zendesk Agent Workspace hooks (../shared/reference/host-apps.md §4). Zendesk keeps every
 * open ticket's panes mounted, so everything is scoped to the active ticket first.
 * Proven against tests/e2e/fixtures/hosts/zendesk/*.html.
 */
export const activeTab = ['[data-test-id="header-tab"][aria-current="page"]', '[data-test-id="header-tab"][aria-selected="true"]'];
export const activePane = (ticketId: string | undefined) => [
  ...(ticketId ? [`[data-ticket-id="${CSS.escape(ticketId)}"]`] : []),
  '.ticket-panes-grid-layout[data-is-active="true"]',
  '[data-garden-id="pane"][data-is-active="true"]',
];
export const subject = ['[data-test-id="omni-header-subject"]', '[data-test-id="ticket-pane-subject"]'];
export const requesterAvatar = ['[data-test-id="omnicomposer-recipient"] [data-garden-id="tags.avatar"]', '#editor-view [data-garden-id="tags.avatar"]', '[data-garden-id="tags.avatar"]'];
export const requesterPhone = ['[data-test-id="requester-phone"]', 'a[href^="tel:"]'];
export const organization = ['[data-test-id="tabs-nav-item-organizations"]'];
export const editor = ['[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable[contenteditable="true"]', '.ck-editor__editable[contenteditable="true"]'];
export const composerRoot = ['#editor-view', '[data-test-id="omnicomposer"]'];
export const submitButton = ['[data-test-id="submit_button-button"]'];
export const logComment = ['[data-test-id="omni-log-comment-item"]'];
export const logSender = ['[data-test-id="omni-log-item-sender"]'];
export const logBody = ['[data-test-id="omni-log-message-content"]'];
