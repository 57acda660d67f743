/**
 * Guide signatures, so an agent's Rapport applies a subscribed guide only if the team lead
 * wrote it (a compromised or mistyped URL cannot push "always say X" to a whole team).
 *
 * ECDSA P-256 / SHA-256 through WebCrypto (`globalThis.crypto.subtle`: Node 20+, the extension's
 * service worker and pages), so the same code signs in the CLI and verifies in the extension.
 *
 * - Public key: base64 of the SPKI (DER) encoding, one line. Agents and managed policy pin this
 *   string.
 * - Private key: PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"); a JWK (JSON) is accepted too.
 * - Signed bytes: UTF-8 of `canonicalJson(guide without its top-level "signature")` — see
 *   ./canonical.ts. Whitespace, key order and number spelling in the file therefore do not
 *   matter, and the file stays readable JSON.
 * - Signature: base64 of WebCrypto's raw IEEE P1363 form (r‖s, 64 bytes), not DER, stored in
 *   the guide's top-level `signature` field.
 * The signature covers the JSON as written (including fields this Rapport does not know and
 * the `schemaVersion` it was written in), not the parsed guide, so verification does not depend
 * on the parser's version.
 */
import { canonicalJson } from './canonical';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing-signature' | 'bad-signature' | 'bad-key' };

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available in this context');
  return s;
}

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const b of view) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Strict base64 (whitespace tolerated, as in PEM bodies and wrapped pastes); null if malformed. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.replace(/\s+/g, '');
  if (clean === '' || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function pemBody(text: string, label: string): string | null {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  return m ? (m[1] ?? '') : null;
}

function toPem(der: ArrayBuffer, label: string): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface GuideKeyPair {
  /** Base64 SPKI; what agents pin. */
  publicKey: string;
  /** PKCS#8 PEM; keep it secret. */
  privateKeyPem: string;
}

export async function generateGuideKeys(): Promise<GuideKeyPair> {
  const pair = await subtle().generateKey(ALGORITHM, true, ['sign', 'verify']);
  const spki = await subtle().exportKey('spki', pair.publicKey);
  const pkcs8 = await subtle().exportKey('pkcs8', pair.privateKey);
  return { publicKey: toBase64(spki), privateKeyPem: toPem(pkcs8, 'PRIVATE KEY') };
}

/** Import a private key from PKCS#8 PEM or a JWK. Throws with a readable message if it is neither. */
export async function importSigningKey(text: string): Promise<CryptoKey> {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JsonWebKey;
      return await subtle().importKey('jwk', jwk, ALGORITHM, false, ['sign']);
    }
    const body = pemBody(trimmed, 'PRIVATE KEY');
    const der = body === null ? null : fromBase64(body);
    if (!der) throw new Error('not a PKCS#8 PEM');
    return await subtle().importKey('pkcs8', der, ALGORITHM, false, ['sign']);
  } catch {
    throw new Error('not an ECDSA P-256 private key (expected a PKCS#8 PEM or a JWK)');
  }
}

/** Import a pinned public key: base64 SPKI (a PEM "PUBLIC KEY" block is accepted too). */
export async function importPinnedKey(pinned: string): Promise<CryptoKey | null> {
  const der = fromBase64(pemBody(pinned, 'PUBLIC KEY') ?? pinned);
  if (!der) return null;
  try {
    return await subtle().importKey('spki', der, ALGORITHM, false, ['verify']);
  } catch {
    return null;
  }
}

/** The exact text a signature covers. */
export function guideSigningPayload(guideJson: Record<string, unknown>): string {
  const { signature: _signature, ...unsigned } = guideJson;
  return canonicalJson(unsigned);
}

/**
 * Sign a guide's JSON (as read from the file). Returns a copy with `signature` set (replacing
 * any previous one). Throws if the value cannot be canonicalised or the key is unusable.
 */
export async function signGuide(guideJson: unknown, privateKey: CryptoKey | string): Promise<Record<string, unknown>> {
  if (!isPlainObject(guideJson)) throw new TypeError('a guide must be a JSON object');
  const key = typeof privateKey === 'string' ? await importSigningKey(privateKey) : privateKey;
  const payload = new TextEncoder().encode(guideSigningPayload(guideJson));
  const signature = await subtle().sign(SIGN_PARAMS, key, payload);
  const { signature: _old, ...unsigned } = guideJson;
  return { ...unsigned, signature: toBase64(signature) };
}

/** Check a guide's signature against the pinned public key. Never throws. */
export async function verifyGuide(guideJson: unknown, pinnedKeyB64: string): Promise<VerifyResult> {
  if (!isPlainObject(guideJson) || typeof guideJson.signature !== 'string' || guideJson.signature.trim() === '') {
    return { ok: false, reason: 'missing-signature' };
  }
  const key = await importPinnedKey(pinnedKeyB64);
  if (!key) return { ok: false, reason: 'bad-key' };
  const signature = fromBase64(guideJson.signature);
  if (!signature) return { ok: false, reason: 'bad-signature' };
  try {
    const payload = new TextEncoder().encode(guideSigningPayload(guideJson));
    const valid = await subtle().verify(SIGN_PARAMS, key, signature, payload);
    return valid ? { ok: true } : { ok: false, reason: 'bad-signature' };
  } catch {
    // Non-canonicalisable content or a malformed signature length: either way, not a valid signature.
    return { ok: false, reason: 'bad-signature' };
  }
}
