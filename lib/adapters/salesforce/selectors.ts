/**
 * Salesforce Lightning Service Console hooks (../shared/reference/host-apps.md §5). Only the
 * editor is sourced: CKEditor 4 whose editing iframe (iframe.cke_wysiwyg_frame, body
 * contenteditable) sits inside another same-origin iframe. The record-field hooks
 * (data-target-selection-name="sfdc:RecordField.Case.*", lightning-formatted-* elements) and the
 * feed/publisher names are [unverified]: check them against a sandbox org's DOM.
 * Proven against tests/e2e/fixtures/hosts/salesforce/*.html.
 */
const field = (name: string) => `[data-target-selection-name="sfdc:RecordField.Case.${name}"]`;

export const highlights = ['records-highlights2', 'records-lwc-highlights-panel', '.slds-page-header'];
export const caseNumber = [`${field('CaseNumber')} lightning-formatted-text`, field('CaseNumber')];
export const subject = [`${field('Subject')} lightning-formatted-text`, `${field('Subject')} .slds-form-element__control`];
export const contactName = [`${field('ContactId')} force-lookup a`, `${field('ContactId')} a`];
export const email = [`${field('ContactEmail')} lightning-formatted-email a[href^="mailto:"]`, 'lightning-formatted-email a[href^="mailto:"]'];
export const phone = [`${field('ContactPhone')} lightning-formatted-phone`, 'lightning-formatted-phone'];
export const feedItem = ['.cuf-feedItem[data-type="EmailMessage"]', '.cuf-feedItem'];
export const feedSender = ['.emailMessageFrom', '.cuf-feedItemHeader'];
export const feedBody = ['.cuf-feedBody'];
/** CKEditor 4's editing iframe (library class, stable); found in any same-origin frame. */
export const editorFrame = ['iframe.cke_wysiwyg_frame'];
/** The publisher around the outermost frame: scopes its Send button. */
export const composerRoot = ['[data-component-id="emailPublisher"]', '.emailComposer', '.forceChatterEmailPublisher'];
export const sendButton = ['button.cuf-publisherShareButton', 'button.slds-button_brand'];
