/**
 * Side-effect-free metadata of every host Rapport runs in. WXT imports this file in Node at
 * build time to fill the manifest's host_permissions and the content script's `matches`,
 * so it must not touch browser APIs or the DOM. Behaviour lives in lib/adapters/<id>/.
 */
import { z } from 'zod';

export const editorKindSchema = z.enum([
  'contenteditable',
  'textarea',
  'ckeditor5',
  'ckeditor4-iframe',
  'prosemirror',
  'quill',
  'froala',
]);
export type EditorKind = z.infer<typeof editorKindSchema>;

export interface HostMeta {
  /** Permanent kebab-case id; equals the adapter folder name. */
  id: string;
  label: string;
  /** Chrome match patterns. */
  matches: readonly string[];
  editorKind: EditorKind;
  /** URLs this host must claim, and URLs it must not (checked by tests/lib/adapters/hosts.test.ts). */
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

export const hosts = [
  {
    id: 'gmail',
    label: 'Gmail',
    matches: ['https://mail.google.com/*'],
    editorKind: 'contenteditable',
    examples: {
      match: [
        'https://mail.google.com/mail/u/0/#inbox',
        'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmlx',
      ],
      noMatch: ['https://www.google.com/', 'https://mail.yahoo.com/', 'http://mail.google.com/mail/u/0/'],
    },
  },
  {
    id: 'zendesk',
    label: 'Zendesk Agent Workspace',
    matches: ['https://*.zendesk.com/agent/*'],
    editorKind: 'ckeditor5',
    examples: {
      match: [
        'https://acme.zendesk.com/agent/tickets/123',
        'https://support-eu.zendesk.com/agent/filters/36000',
      ],
      noMatch: [
        'https://acme.zendesk.com/hc/en-us/articles/1',
        'https://www.zendesk.com/pricing/',
        'https://zendesk.com.evil.example/agent/tickets/1',
      ],
    },
  },
] as const satisfies readonly HostMeta[];

export type HostId = (typeof hosts)[number]['id'];
export const hostMatches: string[] = hosts.flatMap((h) => [...h.matches]);
