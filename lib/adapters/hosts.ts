/**
 * Side-effect-free metadata of every host Rapport runs in. WXT imports this file in Node at
 * build time to fill the manifest's host_permissions and the content script's `matches`,
 * so it must not touch browser APIs or the DOM: each host's metadata is lib/adapters/<id>/meta.ts
 * (no imports but types), its behaviour lib/adapters/<id>/index.ts.
 */
import { z } from 'zod';
import { meta as gmail } from './gmail/meta';
import { meta as zendesk } from './zendesk/meta';
import { meta as outlook } from './outlook/meta';
import { meta as helpScout } from './help-scout/meta';
import { meta as front } from './front/meta';
import { meta as salesforce } from './salesforce/meta';
import { meta as hubspot } from './hubspot/meta';
import { meta as freshdesk } from './freshdesk/meta';

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

/** One line per host; tests/lib/adapters/registry.test.ts checks every adapter folder is listed. */
export const hosts = [gmail, zendesk, outlook, helpScout, front, salesforce, hubspot, freshdesk] as const satisfies readonly HostMeta[];

export type HostId = (typeof hosts)[number]['id'];
export const hostMatches: string[] = hosts.flatMap((h) => [...h.matches]);
