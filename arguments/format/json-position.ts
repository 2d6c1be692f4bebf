// Where does JSON text first go wrong? JSON.parse's message has no position on some
// engines (V8 in Node 20 says only "Unexpected token"), so this scanner finds the offset
// of the first error, to tell the historian the line and column. It builds no values.

/** Offset of the first syntax error, or -1 if the text is valid JSON; `text.length` when it ends too early. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) (i--, fail());
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          // The first digit that is not hex is the error; an escape cut off by the end of the text is truncation.
          for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) (i = Math.min(i + k, n), fail());
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else (i++, fail());
      } else i++;
    }
    fail();
  };
  const number = () => {
    // A number that runs into the end of the text ("1.", "-", "2e") was cut off, not mistyped.
    const loose = /^-?\d*(\.\d*)?([eE][+-]?\d*)?/.exec(text.slice(i, i + 400));
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (loose && loose[0] !== '' && i + loose[0].length === n && (m?.[0].length ?? 0) < loose[0].length) (i = n, fail());
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    ws();
    if (i >= n) fail();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value(0);
    ws();
    return i < n ? i : -1;
  } catch (at) {
    if (typeof at !== 'number') throw at;
    return Math.min(at, n);
  }
}
