/**
 * Script, event-handler, javascript: URL, CSS and template-injection payloads. Every text field
 * that reaches the screen gets one of these; tests/hostile/dom-safety.ts checks that each shows
 * up verbatim as text and that nothing from it became markup or ran.
 */
export const PAYLOADS: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r=1></svg>',
  '"><iframe src="javascript:window.__pwned=1"></iframe>',
  "'><body onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1//',
  '</style><style>*{display:none}</style>',
  '<style>@import url(javascript:window.__pwned=1)</style>',
  'x{background:url(javascript:window.__pwned=1)}',
  'width: expression(window.__pwned=1)',
  '{{constructor.constructor(\'window.__pwned=1\')()}}',
  '${window.__pwned=1}',
  '#{window.__pwned=1}',
  '[click me](javascript:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">link</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '<details open ontoggle=window.__pwned=1>',
  '<input autofocus onfocus=window.__pwned=1>',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '<!--<img src=x onerror=window.__pwned=1>-->',
  '\u202e<script>window.__pwned=1</script>',
];

/** The payload for field `i` (so that neighbouring fields carry different payloads). */
export const payload = (i: number): string => PAYLOADS[((i % PAYLOADS.length) + PAYLOADS.length) % PAYLOADS.length]!;

/**
 * A payload, labelled with a marker so a test can find it in textContent even where the UI adds
 * text around it, and kept within `max` characters (schemas cap field lengths).
 */
export function tagged(label: string, i: number, max = 300): string {
  return `[${label}]${payload(i)}`.slice(0, max);
}

/** Element names the payloads would create if they were parsed as HTML. */
export const PAYLOAD_ELEMENTS = ['script', 'iframe', 'img', 'svg', 'style', 'math', 'details', 'body', 'object', 'embed', 'link', 'meta', 'base', 'mglyph'];
