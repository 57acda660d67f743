/**
 * Outlook on the web (OWA) hooks. Sources: ../shared/reference/host-apps.md §3 (Briskine's
 * outlook.js, toggl's outlook.js, lucasjellema/outlook-addin). OWA's labels are translated
 * ("Send" is "Senden" in German, "To" is "An"), so every list starts with structure or
 * attributes and ends with labels in several languages. Proven against
 * tests/e2e/fixtures/hosts/outlook/*, which imitates these hooks; entries marked [unverified]
 * have no public source and must be checked against a live tenant.
 */

/** The reply body: Briskine's tests find it by aria-multiline; role=textbox is widely quoted. */
export const editor = [
  'div[role="textbox"][aria-multiline="true"][contenteditable="true"]',
  '[aria-multiline="true"][contenteditable="true"]',
];

/** The pop-out / full compose form (Briskine); inline replies are scoped by structure instead. */
export const popoutScope = ['[data-app-section="Form_Content"]'];

/**
 * Send. `name="Send"` is a form name, not a label (toggl); the primary Fluent button of a compose
 * form is Send [unverified]; the aria-labels are the localised fallbacks.
 */
export const sendButton = [
  'button[name="Send"]',
  'button.ms-Button--primary', // [unverified] Fluent UI v8 PrimaryButton class
  'button[aria-label="Send"]',
  'button[aria-label="Senden"]',
  'button[aria-label="Envoyer"]',
  'button[aria-label="Enviar"]',
  'button[aria-label="Invia"]',
  'button[aria-label="Verzenden"]',
  '[role="button"][aria-label="Send"]',
];

/**
 * The To well: the first non-multiline contenteditable of a compose scope (Briskine; order is
 * To, Cc, Bcc). The labels are the fallback when OWA nests the wells differently.
 */
export const toWell = [
  '[contenteditable="true"]:not([aria-multiline="true"])',
  '[aria-label="To"]',
  '[aria-label="An"]',
  '[aria-label="À"]',
  '[aria-label="Para"]',
];

/** Recipient pills in a well: text "Full Name <addr>", a name, or an address (Briskine). */
export const pillText = ['[class*="textContainer-"]', '[class*="individualText-"]'];
export const pill = ['[contenteditable="false"]'];

/** Subject: Briskine takes the LAST plain text input of the scope; toggl the English label. */
export const subjectInput = [
  'input[type="text"][autocomplete="off"]',
  'input[aria-label="Add a subject"]',
  'input[aria-label="Betreff hinzufügen"]',
];

/** Signed-in user (Briskine): the name sits in the first inner div of the account button. */
export const me = ['#O365_MainLink_Me'];
export const meName = ['#O365_MainLink_Me > div > div:nth-child(1)'];

/** Reading pane and its messages: no public selector set exists for these. [unverified] */
export const readingPane = ['#ReadingPaneContainerId', '[data-app-section="ConversationContainer"]', '[role="main"]'];
/** One message of the open conversation. [unverified] */
export const message = ['[role="listitem"][data-convid]', '[role="listitem"]'];
/** Its sender: OWA shows the address as the persona's tooltip. [unverified] */
export const messageSender = ['[title*="@"]', '[aria-label*="@"]'];
/** Its body. role=document is what OWA's message bodies expose [unverified]; then localised labels. */
export const messageBody = [
  '[role="document"]',
  '[aria-label="Message body"]',
  '[aria-label="Nachrichtentext"]',
];
/** The conversation subject at the top of the reading pane (toggl: div[role="heading"]). */
export const conversationSubject = ['[role="heading"][aria-level="2"]', 'div[role="heading"]'];

/**
 * The quoted original in a reply opened outside the reading pane: Outlook's reply header carries
 * the id divRplyFwdMsg in the HTML it sends; that OWA shows it this way in the form is [unverified].
 */
export const quotedHeader = ['#divRplyFwdMsg', '[id^="divRplyFwdMsg"]'];
