import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editorVendorFiles, vendorFile } from '@/lib/dev/host-routing';

const root = join(__dirname, '../../..');
const vendor = editorVendorFiles(root);

describe('fixture vendor files', () => {
  it('serves single files by name', () => {
    expect(vendorFile(vendor, 'ckeditor5.umd.js')).toBe(join(root, 'node_modules/ckeditor5/dist/browser/ckeditor5.umd.js'));
  });

  it('serves CKEditor 4 by path under its directory entry, as its basePath loading needs', () => {
    const skin = vendorFile(vendor, 'ckeditor4/skins/moono-lisa/editor.css');
    expect(skin).toBe(join(root, 'node_modules/ckeditor4/skins/moono-lisa/editor.css'));
    expect(existsSync(skin!)).toBe(true);
    expect(existsSync(vendorFile(vendor, 'ckeditor4/lang/en.js')!)).toBe(true);
  });

  it('never leaves a directory entry', () => {
    expect(vendorFile(vendor, 'ckeditor4/../../package.json')).toBeNull();
    expect(vendorFile(vendor, 'ckeditor4/../ckeditor5/package.json')).toBeNull();
  });

  it('knows nothing it was not given', () => {
    expect(vendorFile(vendor, 'secrets.json')).toBeNull();
    expect(vendorFile(undefined, 'ckeditor5.umd.js')).toBeNull();
  });
});
