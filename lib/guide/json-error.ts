/**
 * Where a JSON text first goes wrong, and why, for the error a lead sees when the guide file
 * has a typo. `JSON.parse` messages differ per engine and some carry no position at all (V8's
 * "Unexpected token '}', "…" is not valid JSON"), so this small scanner re-reads the text once
 * `JSON.parse` has already failed. It only locates; it never builds values.
 */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

class Located extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  if (ch === '\n') return 'line break';
  return `"${ch}"`;
}

export function locateJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  let depth = 0;
  const fail = (reason: string, at = i): never => {
    throw new Located(at, reason);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    // Recursion depth, not JSON validity, is the limit here; a guide is a few levels deep.
    if (++depth > 500) fail('nested too deeply');
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (word === undefined) {
        if (ch === "'") fail('strings must use double quotes');
        fail(`unexpected ${describeChar(ch)}; expected a value`);
      }
      i += word!.length;
    }
    depth--;
  };
  const object = () => {
    i++; // {
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === '}') fail('trailing comma before "}"');
      if (text[i] !== '"') fail(`unexpected ${describeChar(text[i])}; expected a quoted property name`);
      string();
      ws();
      if (text[i] !== ':') fail(`unexpected ${describeChar(text[i])}; expected ":" after the property name`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`unexpected ${describeChar(text[i])}; expected "," or "}"`);
    }
  };
  const array = () => {
    i++; // [
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === ']') fail('trailing comma before "]"');
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`unexpected ${describeChar(text[i])}; expected "," or "]"`);
    }
  };
  const string = () => {
    const start = i;
    i++; // "
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('unterminated string', start);
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\n' || ch! < ' ') fail('line break or control character inside a string');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) fail(`bad escape "\\${esc ?? ''}"`);
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail('malformed number');
    i += m![0].length;
  };

  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describeChar(text[i])} after the end of the JSON value`);
    return null;
  } catch (err) {
    if (!(err instanceof Located)) throw err;
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < err.offset && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return { offset: err.offset, line, column: err.offset - lineStart + 1, reason: err.reason };
  }
}
