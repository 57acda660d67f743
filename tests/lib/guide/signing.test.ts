import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  generateGuideKeys,
  guideSigningPayload,
  importPinnedKey,
  importSigningKey,
  signGuide,
  verifyGuide,
  type GuideKeyPair,
} from '@/lib/guide';
import { minimalGuide, readFixture } from './helpers';

let keys: GuideKeyPair;
let otherKeys: GuideKeyPair;

beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateGuideKeys(), generateGuideKeys()]);
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('orders keys by UTF-16 code units and writes numbers as ECMAScript does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
    expect(canonicalJson([1.0, 1e21, 0.1, -0])).toBe('[1,1e+21,0.1,0]');
  });

  it('omits undefined members and refuses values JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });

  it('is independent of key order and whitespace (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reparsed: unknown = JSON.parse(JSON.stringify(value, null, 3));
        const reversed: unknown = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(reparsed)).toBe(canonicalJson(value));
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('keys', () => {
  it('exports a base64 SPKI public key and a PKCS#8 PEM private key', () => {
    expect(keys.publicKey).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(atob(keys.publicKey)).toHaveLength(91); // P-256 SPKI is 91 bytes
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(keys.publicKey).not.toBe(otherKeys.publicKey);
  });

  it('imports a JWK private key too', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const spki = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))));
    const signed = await signGuide(minimalGuide(), JSON.stringify(jwk));
    expect(await verifyGuide(signed, spki)).toEqual({ ok: true });
  });

  it('rejects private keys that are not ECDSA P-256', async () => {
    await expect(importSigningKey('not a key')).rejects.toThrow(/PKCS#8 PEM or a JWK/);
    await expect(importSigningKey(keys.publicKey)).rejects.toThrow(/PKCS#8 PEM or a JWK/);
  });

  it('accepts a pinned key as PEM too, and refuses garbage', async () => {
    const pem = `-----BEGIN PUBLIC KEY-----\n${keys.publicKey.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect(await importPinnedKey(pem)).not.toBeNull();
    expect(await importPinnedKey('not base64!')).toBeNull();
    expect(await importPinnedKey(btoa('x'.repeat(91)))).toBeNull();
  });
});

describe('signGuide / verifyGuide', () => {
  it('signs the sample guide and verifies it with the pinned key', async () => {
    const guide = readFixture('sample-team-guide.json');
    const signed = await signGuide(guide, keys.privateKeyPem);
    expect(typeof signed.signature).toBe('string');
    expect(atob(signed.signature as string)).toHaveLength(64); // raw r‖s
    expect(await verifyGuide(signed, keys.publicKey)).toEqual({ ok: true });
  });

  it('survives reformatting and key reordering of the signed file', async () => {
    const signed = await signGuide(minimalGuide({ thresholds: { hold: 80, canned: 60 } }), keys.privateKeyPem);
    const reformatted: unknown = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(signed).reverse()), null, 4));
    expect(await verifyGuide(reformatted, keys.publicKey)).toEqual({ ok: true });
  });

  it('does not sign its own signature field, so re-signing replaces it', async () => {
    const once = await signGuide(minimalGuide(), keys.privateKeyPem);
    const twice = await signGuide(once, otherKeys.privateKeyPem);
    expect(guideSigningPayload(twice)).toBe(guideSigningPayload(minimalGuide()));
    expect(await verifyGuide(twice, otherKeys.publicKey)).toEqual({ ok: true });
    expect(await verifyGuide(twice, keys.publicKey)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('detects any edit after signing', async () => {
    const signed = await signGuide(minimalGuide(), keys.privateKeyPem);
    const edits: Array<Record<string, unknown>> = [
      { ...signed, name: 'Test team!' },
      { ...signed, avoid: [] },
      { ...signed, extra: 1 },
      { ...signed, thresholds: { canned: 0 } },
    ];
    for (const edited of edits) expect(await verifyGuide(edited, keys.publicKey)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('reports missing signatures, bad keys and malformed signatures', async () => {
    const signed = await signGuide(minimalGuide(), keys.privateKeyPem);
    expect(await verifyGuide(minimalGuide(), keys.publicKey)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(await verifyGuide({ ...signed, signature: '' }, keys.publicKey)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(await verifyGuide({ ...signed, signature: 7 }, keys.publicKey)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(await verifyGuide('nope', keys.publicKey)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(await verifyGuide(signed, 'AAAA')).toEqual({ ok: false, reason: 'bad-key' });
    expect(await verifyGuide(signed, '')).toEqual({ ok: false, reason: 'bad-key' });
    expect(await verifyGuide({ ...signed, signature: '%%%' }, keys.publicKey)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(await verifyGuide({ ...signed, signature: btoa('short') }, keys.publicKey)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses to sign something that is not a JSON object', async () => {
    await expect(signGuide([1, 2], keys.privateKeyPem)).rejects.toThrow(TypeError);
    await expect(signGuide({ n: Number.POSITIVE_INFINITY }, keys.privateKeyPem)).rejects.toThrow(TypeError);
  });
});
