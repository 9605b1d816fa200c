// Small real-looking projects for the CLI tests: an OpenAI Python service, a TypeScript classifier, notebooks.

export const SUPPORT_PY = `from openai import OpenAI

client = OpenAI()

SYSTEM_PROMPT = """You are a support assistant for Acme Cloud.
Read the customer's message carefully in order to understand what they are asking about.
Answer in the customer's language and keep the answer under 120 words."""


def answer(question: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": question},
        ],
    )
    return response.choices[0].message.content or ""
`;

export const CLASSIFIER_TS = `import OpenAI from 'openai';

const openai = new OpenAI();

export const CLASSIFIER_PROMPT = \`You classify product feedback for Acme Cloud.
Answer with a JSON object with the keys "team" and "sentiment" and nothing else.\`;

export async function classify(feedback: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: CLASSIFIER_PROMPT },
      { role: 'user', content: feedback },
    ],
  });
  return completion.choices[0]?.message?.content ?? '{}';
}
`;

/** nbformat 4 as Jupyter writes it: indent 1, sources as lists of lines, a trailing newline. */
export function notebookJson(cells: { type: 'code' | 'markdown'; source: string; outputs?: unknown[] }[], language: 'python' | 'typescript' = 'python'): string {
  const metadata =
    language === 'python'
      ? { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python', version: '3.11.9' } }
      : { kernelspec: { display_name: 'Deno', language: 'typescript', name: 'deno' }, language_info: { name: 'typescript', file_extension: '.ts' } };
  const nb = {
    cells: cells.map((c, i) =>
      c.type === 'code'
        ? { cell_type: 'code', execution_count: i, id: `cell-${i}`, metadata: {}, outputs: c.outputs ?? [], source: c.source.match(/[^\n]*\n|[^\n]+$/g) ?? [] }
        : { cell_type: 'markdown', id: `cell-${i}`, metadata: {}, source: c.source.match(/[^\n]*\n|[^\n]+$/g) ?? [] },
    ),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

/** A prompt bound in one cell and sent in a later one. */
export const REVIEW_NOTEBOOK_CELLS = [
  { type: 'markdown' as const, source: '# Review replies\nDrafting replies to app-store reviews.' },
  { type: 'code' as const, source: 'from openai import OpenAI\n\nclient = OpenAI()' },
  {
    type: 'code' as const,
    source:
      'REVIEW_PROMPT = (\n    "You reply to app-store reviews of the Acme Cloud app. "\n    "Respond to the main point in order to show that we read the review."\n)',
    outputs: [{ output_type: 'stream', name: 'stdout', text: ['REVIEW_PROMPT = "not a prompt in an output"\n'] }],
  },
  {
    type: 'code' as const,
    source:
      'reply = client.chat.completions.create(\n    model="gpt-4o-mini",\n    messages=[\n        {"role": "system", "content": REVIEW_PROMPT},\n        {"role": "user", "content": "The app logs me out."},\n    ],\n)',
  },
];

export const TS_NOTEBOOK_CELLS = [
  { type: 'code' as const, source: "import OpenAI from 'npm:openai';\nconst openai = new OpenAI();" },
  {
    type: 'code' as const,
    source:
      "const SUMMARY_PROMPT = 'Summarise the release notes in order to help support staff answer customers.';\nconst res = await openai.chat.completions.create({\n  model: 'gpt-4o',\n  messages: [{ role: 'system', content: SUMMARY_PROMPT }],\n});",
  },
];
