// One constant sent by two calls of one file: to gpt-4o-mini (with a user message) and to claude (as system, at
// 200 calls a day from the annotation above the call).
export const EXTRACT_PY = [
  'from openai import OpenAI',
  'import anthropic',
  'client = OpenAI()',
  'claude = anthropic.Anthropic()',
  'EXTRACT = "Extract every invoice number, date and total from the text below as JSON with keys number, date and total."',
  'def cheap(doc):',
  '    return client.chat.completions.create(',
  '        model="gpt-4o-mini",',
  '        messages=[{"role": "system", "content": EXTRACT}, {"role": "user", "content": f"Invoice:\\n{doc}"}],',
  '    )',
  'def careful(doc):',
  '    # prompt-cost: calls=200/day',
  '    return claude.messages.create(',
  '        model="claude-sonnet-4-5",',
  '        max_tokens=400,',
  '        system=EXTRACT,',
  '        messages=[{"role": "user", "content": doc}],',
  '    )',
  '',
].join('\n');

/** The same constant in its own module, sent by calls in two other files (the workspace index follows the imports). */
export const CROSS_FILE: Record<string, string> = {
  'app/prompts.py': 'EXTRACT = "Extract every invoice number, date and total from the text below as JSON with keys number, date and total."\n',
  'app/cheap.py': [
    'from openai import OpenAI',
    'from app.prompts import EXTRACT',
    'client = OpenAI()',
    'def cheap(doc):',
    '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": EXTRACT}, {"role": "user", "content": doc}])',
    '',
  ].join('\n'),
  'app/careful.py': [
    'import anthropic',
    'from app.prompts import EXTRACT',
    'claude = anthropic.Anthropic()',
    'def careful(doc):',
    '    # prompt-cost: calls=200/day',
    '    return claude.messages.create(model="claude-sonnet-4-5", max_tokens=400, system=EXTRACT, messages=[{"role": "user", "content": doc}])',
    '',
  ].join('\n'),
  'app/__init__.py': '',
};
