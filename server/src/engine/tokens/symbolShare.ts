// How symbol-dense a text is: the measured content-aware estimates (modelTokenizers.ts `bySymbolShare`) scale with it,
// because other vendors' vocabularies split JSON and code into more tokens than OpenAI's while prose comes out alike.

/** Brackets, quotes, operators and punctuation: dense in JSON and code, sparse in prose (ASCII codes, by table). */
const IS_SYMBOL = new Uint8Array(128);
for (const c of '{}[]();:=<>"\'`,/\\|*&^%$#@!~+-_.') IS_SYMBOL[c.charCodeAt(0)] = 1;

/** Share of symbol characters among the non-space characters of `text` (0 for empty text). */
export function symbolShare(text: string): number {
  let symbols = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    visible++;
    if (c < 128) symbols += IS_SYMBOL[c];
  }
  return visible ? symbols / visible : 0;
}
