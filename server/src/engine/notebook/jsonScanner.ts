// A byte-level scanner over JSON that walks objects and arrays and skips values without building them. Notebooks
// can hold hundreds of megabytes of outputs (images as base64); only the few values the audit needs are decoded.
// JSON's structural characters are ASCII, and UTF-8 continuation bytes are all ≥ 0x80, so scanning bytes is safe.

export class JsonScanError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class JsonScanner {
  pos = 0;
  constructor(readonly bytes: Buffer) {}

  skipWhitespace(): void {
    const b = this.bytes;
    let p = this.pos;
    while (p < b.length && (b[p] === 0x20 || b[p] === 0x0a || b[p] === 0x0d || b[p] === 0x09)) p++;
    this.pos = p;
  }

  peek(): number {
    this.skipWhitespace();
    if (this.pos >= this.bytes.length) throw new JsonScanError('unexpected end of file (truncated?)', this.pos);
    return this.bytes[this.pos];
  }

  expect(char: string): void {
    const code = char.charCodeAt(0);
    if (this.peek() !== code) throw new JsonScanError(`expected '${char}' but found '${String.fromCharCode(this.bytes[this.pos])}'`, this.pos);
    this.pos++;
  }

  /** Iterates the members of the object at the cursor; `visit` must consume the value (read or skip it). */
  object(visit: (key: string) => void): void {
    this.expect('{');
    if (this.peek() === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      const key = this.readString();
      this.expect(':');
      visit(key);
      const next = this.peek();
      this.pos++;
      if (next === 0x7d) return;
      if (next !== 0x2c) throw new JsonScanError(`expected ',' or '}' but found '${String.fromCharCode(next)}'`, this.pos - 1);
    }
  }

  /** Iterates the elements of the array at the cursor; `visit` must consume each element. */
  array(visit: (index: number) => void): void {
    this.expect('[');
    if (this.peek() === 0x5d) {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      visit(i);
      const next = this.peek();
      this.pos++;
      if (next === 0x5d) return;
      if (next !== 0x2c) throw new JsonScanError(`expected ',' or ']' but found '${String.fromCharCode(next)}'`, this.pos - 1);
    }
  }

  readString(): string {
    const start = this.peek() === QUOTE ? this.pos : -1;
    if (start < 0) throw new JsonScanError('expected a string', this.pos);
    const end = this.stringEnd(start);
    this.pos = end;
    return this.decode(start, end) as string;
  }

  /** Reads the value at the cursor and returns it with its byte span. */
  readValue(): { value: unknown; start: number; end: number } {
    const start = this.valueStart();
    this.skipValue();
    return { value: this.decode(start, this.pos), start, end: this.pos };
  }

  valueStart(): number {
    this.peek();
    return this.pos;
  }

  /** Moves past the value at the cursor without decoding it. */
  skipValue(): void {
    const b = this.bytes;
    const first = this.peek();
    if (first === QUOTE) {
      this.pos = this.stringEnd(this.pos);
      return;
    }
    if (first !== 0x7b && first !== 0x5b) {
      let p = this.pos;
      while (p < b.length && /[-+.0-9eEtrufalsn]/.test(String.fromCharCode(b[p]))) p++;
      if (p === this.pos) throw new JsonScanError(`unexpected character '${String.fromCharCode(first)}'`, p);
      this.pos = p;
      return;
    }
    let depth = 0;
    let p = this.pos;
    while (p < b.length) {
      const c = b[p];
      if (c === QUOTE) {
        p = this.stringEnd(p);
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) {
          this.pos = p + 1;
          return;
        }
      }
      p++;
    }
    throw new JsonScanError('unexpected end of file (truncated?)', p);
  }

  /** Offset just past the closing quote of the string that opens at `start`. Jumps quote to quote (fast on base64). */
  private stringEnd(start: number): number {
    const b = this.bytes;
    let p = start + 1;
    for (;;) {
      const q = b.indexOf(QUOTE, p);
      if (q < 0) throw new JsonScanError('unterminated string (truncated?)', start);
      let backslashes = 0;
      for (let k = q - 1; k > start && b[k] === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      p = q + 1;
    }
  }

  private decode(start: number, end: number): unknown {
    let text: string;
    try {
      text = utf8.decode(this.bytes.subarray(start, end));
    } catch {
      throw new JsonScanError('not valid UTF-8', start);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new JsonScanError(`invalid JSON value (${(error as Error).message})`, start);
    }
  }
}
