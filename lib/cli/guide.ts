/**
 * `npm run guide -- <command>`: the team lead's tool for phrasing guides. Thin by design; the
 * logic lives in lib/guide so the options page behaves identically.
 *
 *   schema                               JSON Schema of the guide format, on stdout
 *   validate FILE                        warnings on stdout; errors on stderr, one per line
 *   keygen [--out DIR]                   writes rapport-guide.key + rapport-guide.pub, prints the public key
 *   sign FILE --key KEYFILE [--out FILE] signs FILE (in place unless --out)
 *   verify FILE --pub KEY_OR_FILE        checks FILE's signature against a pinned public key
 *
 * Exit codes: 0 success; 2 invalid guide, failed verification, bad arguments or unreadable
 * files (a CI step only needs "zero or not"). Data goes to stdout (schema, the public key,
 * warnings); errors go to stderr.
 *
 * `sign` overwrites FILE by default: the lead signs the file they are about to publish, and a
 * second copy invites publishing the unsigned one. The signed file is re-serialised with
 * two-space indentation; the signature does not depend on formatting (see lib/guide/signing.ts).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  generateGuideKeys,
  guideJsonSchema,
  parseGuide,
  parseJsonText,
  readGuideFileText,
  signGuide,
  verifyGuide,
} from '@/lib/guide';

export const PRIVATE_KEY_FILE = 'rapport-guide.key';
export const PUBLIC_KEY_FILE = 'rapport-guide.pub';

const USAGE = `Usage: npm run guide -- <command>

Commands:
  schema                                print the guide JSON Schema
  validate FILE                         check a guide; exit 0 if valid, 2 if not
  keygen [--out DIR]                    create ${PRIVATE_KEY_FILE} (secret) and ${PUBLIC_KEY_FILE} in DIR (default: .)
  sign FILE --key KEYFILE [--out FILE]  sign a guide (default: overwrite FILE)
  verify FILE --pub KEY_OR_FILE         check a guide's signature (base64 SPKI or a .pub file)
`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

function parse(args: string[], options: Record<string, { type: 'string' }>, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} file argument${positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
  }
  return { values: parsed.values as Record<string, string | undefined>, positionals: parsed.positionals };
}

function required(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

/** Read a guide file as JSON, reporting problems in the same path form as validation errors. */
async function readGuideJson(file: string, io: CliIo): Promise<unknown | undefined> {
  const text = await readGuideFileText(file);
  if (!text.ok) {
    text.errors.forEach(io.err);
    return undefined;
  }
  const json = parseJsonText(text.text);
  if (!json.ok) {
    json.errors.forEach(io.err);
    return undefined;
  }
  return json.json;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readSmallFile(path: string, what: string, io: CliIo): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.err(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(err)}`);
    return undefined;
  }
}

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  async schema(args, io) {
    parse(args, {}, 0);
    io.out(JSON.stringify(guideJsonSchema(), null, 2));
    return 0;
  },

  async validate(args, io) {
    const [file] = parse(args, {}, 1).positionals as [string];
    const json = await readGuideJson(file, io);
    if (json === undefined) return 2;
    const result = parseGuide(json);
    if (!result.ok) {
      result.errors.forEach(io.err);
      return 2;
    }
    for (const w of result.warnings) io.out(`warning: ${w}`);
    io.out(`valid: ${file} ("${result.guide.name}", ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'})`);
    return 0;
  },

  async keygen(args, io) {
    const { values } = parse(args, { out: { type: 'string' } }, 0);
    const dir = values.out ?? '.';
    const keyPath = join(dir, PRIVATE_KEY_FILE);
    const pubPath = join(dir, PUBLIC_KEY_FILE);
    for (const path of [keyPath, pubPath]) {
      // Overwriting a key would orphan every agent that pinned the old public key.
      if (await exists(path)) {
        io.err(`refusing to overwrite ${path}; move it away or choose another --out directory`);
        return 2;
      }
    }
    const keys = await generateGuideKeys();
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(keyPath, keys.privateKeyPem, { mode: 0o600, flag: 'wx' });
      await writeFile(pubPath, `${keys.publicKey}\n`, { flag: 'wx' });
    } catch (err) {
      io.err(`cannot write keys to ${dir}: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    io.out(keys.publicKey);
    io.err(`wrote ${keyPath} (secret: keep it out of version control) and ${pubPath} (give this to agents to pin)`);
    return 0;
  },

  async sign(args, io) {
    const { values, positionals } = parse(args, { key: { type: 'string' }, out: { type: 'string' } }, 1);
    const file = positionals[0]!;
    const keyFile = required(values, 'key');
    const outFile = values.out ?? file;
    const json = await readGuideJson(file, io);
    if (json === undefined) return 2;
    // Signing an invalid guide would give agents a trusted file their Rapport then rejects.
    const result = parseGuide(json);
    if (!result.ok) {
      io.err(`not signing ${file}: it is not a valid guide`);
      result.errors.forEach(io.err);
      return 2;
    }
    const keyText = await readSmallFile(keyFile, 'key file', io);
    if (keyText === undefined) return 2;
    let signed: Record<string, unknown>;
    try {
      signed = await signGuide(json, keyText);
    } catch (err) {
      io.err(`cannot sign with ${keyFile}: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    try {
      await writeFile(outFile, `${JSON.stringify(signed, null, 2)}\n`);
    } catch (err) {
      io.err(`cannot write ${outFile}: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    for (const w of result.warnings) io.out(`warning: ${w}`);
    io.out(`signed: ${outFile}`);
    return 0;
  },

  async verify(args, io) {
    const { values, positionals } = parse(args, { pub: { type: 'string' } }, 1);
    const file = positionals[0]!;
    const pubArg = required(values, 'pub');
    // A path to a .pub file or the base64 key itself: a base64 key never names an existing file.
    const pinned = (await exists(pubArg)) ? await readSmallFile(pubArg, 'public key file', io) : pubArg;
    if (pinned === undefined) return 2;
    const json = await readGuideJson(file, io);
    if (json === undefined) return 2;
    const result = await verifyGuide(json, pinned.trim());
    if (result.ok) {
      io.out(`signature ok: ${file}`);
      return 0;
    }
    const explain = {
      'missing-signature': 'the guide has no signature',
      'bad-signature': 'the signature does not match this guide and key (edited after signing, or signed with another key)',
      'bad-key': 'the public key is not a base64 SPKI ECDSA P-256 key',
    }[result.reason];
    io.err(`${result.reason}: ${explain}`);
    return 2;
  },
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!run) {
    io.err(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${command}: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exitCode = code;
}
