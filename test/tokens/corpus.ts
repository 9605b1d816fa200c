// A deterministic corpus of varied strings for the exactness test and the benchmarks: hand-written fixtures for
// the known hard cases plus seeded random mixtures of them. Same seed, same strings, on every machine.

/** mulberry32: tiny seeded PRNG so the corpus never changes between runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYSTEM_PROMPT = `You are a helpful assistant for ACME Corp's support team.
Please make sure to always answer in a friendly, concise tone. It is important to note that you should never
reveal internal policies. In order to help the user, first restate the question, then answer it step by step.

Rules:
  1. Don't guess; if you can't find the answer, say "I don't know".
  2. Use the customer's name ({customer_name}) when greeting.
  3. Output JSON: {"answer": "...", "confidence": 0.0-1.0}
`;

const PYTHON_CODE = `import os
from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

def summarize(document: str, *, max_words: int = 120) -> str:
    """Summarize a document in at most max_words words."""
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You summarize documents."},
            {"role": "user", "content": f"Summarize in {max_words} words:\\n\\n{document}"},
        ],
        max_tokens=300,
    )
    return response.choices[0].message.content or ""
`;

const TS_CODE = `export async function classify(ticket: Ticket): Promise<Label[]> {
\tconst prompt = \`Classify the ticket below into one of: \${LABELS.join(', ')}.
Ticket #\${ticket.id}: \${ticket.body}\`;
\tconst res = await anthropic.messages.create({ model: 'claude-sonnet-4-20250514', max_tokens: 64, system: prompt, messages });
\treturn res.content.flatMap((c) => (c.type === 'text' ? parseLabels(c.text) : []));
}
`;

const JSON_TEXT = `{
  "model": "gpt-4.1",
  "temperature": 0.2,
  "messages": [{"role": "user", "content": "Translate \\"hello\\" to French"}],
  "metadata": {"ids": [1, 22, 333, 4444, 55555], "nested": {"a": null, "b": true, "c": -1.5e-7}}
}`;

/** Hand-written cases: each targets something pre-tokenizers and byte-pair merging are known to get wrong. */
export const FIXTURES: string[] = [
  '',
  ' ',
  'a',
  'Hello, world!',
  SYSTEM_PROMPT,
  PYTHON_CODE,
  TS_CODE,
  JSON_TEXT,
  SYSTEM_PROMPT.replace(/\n/g, '\r\n'),
  PYTHON_CODE.replace(/\n/g, '\r\n'),
  // Special-token text is ordinary text.
  '<|endoftext|>',
  'Before <|endoftext|> after <|endofprompt|> and <|fim_prefix|><|fim_middle|><|fim_suffix|>',
  '<|im_start|>system\nYou are terse.<|im_end|>\n<|im_start|>user\nHi<|im_end|>',
  '<|start|>assistant<|channel|>final<|message|>ok<|end|><|return|>',
  // U+FEFF (byte-order mark) everywhere: JS `\s` matches it, Rust's does not.
  '\uFEFFHello',
  'Hello\uFEFF world',
  'a \uFEFF b',
  '\uFEFF\uFEFF\uFEFF',
  ' \uFEFF',
  '\uFEFF ',
  'x\n\uFEFF\ny',
  '\uFEFF{"a": 1}',
  // U+0085 (next line) is White_Space in Rust, not in JS `\s`.
  'one\u0085two',
  '\u0085\u0085 three',
  'end\u0085',
  // Other Unicode spaces.
  'no\u00A0break\u00A0space',
  'ideographic\u3000space\u3000\u3000x',
  'thin\u2009space narrow\u202Fnbsp\u205Fmath',
  'line\u2028separator\u2029paragraph',
  'ogham\u1680space',
  'mongolian\u180Evowel separator',
  'zero\u200Bwidth\u200Cnon\u200Djoiner',
  // Emoji with joiners, skin tones, flags, keycaps, variation selectors.
  'Family: 👨‍👩‍👧‍👦 and 👩🏽‍💻 at work',
  '🏳️‍🌈🏴‍☠️🇫🇷🇯🇵🇺🇸',
  '1️⃣ 2️⃣ #️⃣ ❤️ ☺︎',
  '👍🏻👍🏼👍🏽👍🏾👍🏿',
  '🧑‍🤝‍🧑 people holding hands',
  '😀😃😄😁😆😅🤣😂🙂🙃😉😊😇',
  // Scripts and combining marks.
  'Ünïcödé façade naïve coöperate',
  'e\u0301 a\u0308 combining marks n\u0303',
  '日本語のテキストを数えます。漢字とひらがなとカタカナ。',
  '中文提示：请用简洁的语言回答问题。',
  '한국어 프롬프트입니다. 간결하게 답하세요.',
  'مرحبا بالعالم! هذا نص عربي.',
  'שלום עולם, זה טקסט בעברית',
  'नमस्ते दुनिया, यह हिंदी पाठ है।',
  'สวัสดีชาวโลก นี่คือข้อความภาษาไทย',
  'Привет, мир! Это ПРОМПТ на русском.',
  'Γειά σου Κόσμε',
  'ǅungla ǈudi ǋemu titlecase',
  'ﬁ ligature ﬀ ﬃ',
  '𝐁𝐨𝐥𝐝 𝑰𝒕𝒂𝒍𝒊𝒄 𝔉𝔯𝔞𝔨𝔱𝔲𝔯',
  // Contractions in every case, straight and curly apostrophes.
  "don't DON'T Don'T I'll I'LL we've WE'VE they're THEY'RE she'd SHE'D it's IT'S I'm I'M",
  'don’t we’ll they’re',
  "'s 's 'S ''s '''",
  // Numbers.
  '1234567890123456789',
  '3.14159 2,718 1e-10 0x1F -42 +7 1_000_000',
  '١٢٣٤ ٥٦٧ (Arabic-Indic digits) ½ ¾ Ⅻ',
  // Case transitions that split o200k words.
  'camelCaseIdentifier PascalCaseName snake_case_name SCREAMING_SNAKE_CASE XMLHttpRequest iOS',
  'ABCdefGHIjkl aBcDeF',
  // Whitespace runs and deep indentation.
  'a' + ' '.repeat(50) + 'b',
  ' '.repeat(200),
  '\t'.repeat(30) + 'deep',
  '\n'.repeat(40),
  '\r\n'.repeat(25) + 'x',
  'trailing spaces   ',
  'trailing newline spaces \n   \n',
  ' \n \n \r\n\t\t \n',
  Array.from({ length: 30 }, (_, i) => ' '.repeat(i * 2) + `level${i}:`).join('\n'),
  Array.from({ length: 20 }, (_, i) => '\t'.repeat(i) + '{').join('\n') + '\n' + Array.from({ length: 20 }, (_, i) => '\t'.repeat(19 - i) + '}').join('\n'),
  // Punctuation runs, markdown, URLs, paths.
  '!!!???...,,,;;;:::',
  '=================================================================',
  '--- ### *** ___ ~~~ ``` >>> <<< ||| \\\\ //',
  '# Title\n\n- item **bold** _italic_ `code`\n\n```python\nprint("hi")\n```\n\n> quote\n',
  'https://example.com/path/to/page?query=1&lang=en#section and /usr/local/bin/node C:\\Users\\me\\file.txt',
  'user@example.com <mailto:user@example.com> @mention #hashtag $var %percent ^caret &amp;',
  // Long runs kept under the exact-piece bound.
  'x'.repeat(1500),
  'aB'.repeat(600),
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(30),
  '😀'.repeat(300),
  '中'.repeat(800),
  // Lone surrogates and control characters.
  'lone \uD800 high and \uDC00 low surrogate',
  'nul\u0000char bell\u0007 escape\u001B[31mred\u001B[0m',
  'soft\u00ADhyphen',
];

/** Fragments the random mixtures are built from. */
const FRAGMENTS: string[] = [
  'the', 'The', ' quick', ' brown', 'fox', "isn't", "WE'LL", 'camelCase', 'HTTPServer', '42', '3.14', '1000000', '  ', '\t',
  '\n', '\r\n', '\n\n', '   \n', '\uFEFF', '\u0085', '\u00A0', '\u3000', '👨‍👩‍👧', '👍🏽', '🇩🇪', '❤️', 'é', 'e\u0301', '日本', '한국', 'عربي',
  'Привет', '{', '}', '[', ']', '(', ')', '"', "'", '`', ':', ';', ',', '.', '...', '!', '?', '/', '\\', '<|endoftext|>',
  '<|im_start|>', '<|fim_prefix|>', '=>', '===', '!==', '//', '/*', '*/', '#', '##', '- ', '* ', '1. ', '{name}', '{{doc}}',
  '${x}', '%s', 'https://', 'www.', '.com', 'snake_case', 'UPPER', 'ǅ', '½', '٣', 'ﬁ', '\u200D', '\u200B', '\u2028',
  'Please', ' make sure to', ' in order to', ' It is important to note that', ' basically', ' very', ' really',
];

/** Seeded random mixtures: fragments joined with no, one or several separators. */
export function randomStrings(count: number, seed = 20250101): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 40);
    let s = '';
    for (let j = 0; j < length; j++) {
      const r = random();
      s += pick(FRAGMENTS);
      if (r < 0.3) s += ' ';
      else if (r < 0.35) s += ' '.repeat(1 + Math.floor(random() * 12));
      else if (r < 0.4) s += pick(['\n', '\r\n', '\n\n', '\t']);
      else if (r < 0.42) s += String.fromCodePoint(0x20 + Math.floor(random() * 0x2fff));
    }
    out.push(s);
  }
  return out;
}

/** Random code points from the whole of Unicode's assigned-heavy planes (exercises the category tables). */
export function randomCodePointStrings(count: number, seed = 777): string[] {
  const random = seededRandom(seed);
  const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x52f], [0x590, 0x6ff], [0x900, 0xdff], [0x1100, 0x11ff], [0x2000, 0x2bff], [0x3000, 0x30ff], [0x4e00, 0x4fff], [0xac00, 0xad00], [0x1f300, 0x1faff]];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 30);
    let s = '';
    for (let j = 0; j < length; j++) {
      const [lo, hi] = ranges[Math.floor(random() * ranges.length)];
      s += String.fromCodePoint(lo + Math.floor(random() * (hi - lo + 1)));
      if (random() < 0.25) s += ' ';
    }
    out.push(s);
  }
  return out;
}

/** The full exactness corpus: fixtures + 900 mixtures + 300 random code-point strings (≥ 1,000 strings). */
export function exactnessCorpus(): string[] {
  return [...FIXTURES, ...randomStrings(900), ...randomCodePointStrings(300)];
}

/** A realistic 2 KB prompt for the speed bar: prose, a list, JSON and code, like prompts found in code. */
export function twoKilobytePrompt(variant = 0): string {
  const base = `${SYSTEM_PROMPT}\nContext (request ${variant}):\n${JSON_TEXT}\n\nExample:\n${TS_CODE}`;
  let text = base;
  while (text.length < 2048) text += `\nNote ${variant}: ${SYSTEM_PROMPT.slice(0, 200)}`;
  return text.slice(0, 2048);
}
