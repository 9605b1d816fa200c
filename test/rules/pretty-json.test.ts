import { ruleCases } from './helpers/ruleTester';

ruleCases('pretty-json', {
  valid: [
    'PROMPT = \'Return JSON like {"label": "spam", "score": 0.9}.\'',
    'PROMPT = """Use braces {like this}\nin prose."""',
  ],
  invalid: [
    {
      code: 'PROMPT = """Return JSON:\n{\n    "label": "spam",\n    "score": 0.9,\n    "tags": [\n        "a b",\n        "c"\n    ]\n}\n"""',
      errors: ['Pretty-printed JSON (8 lines): the compact form carries the same data in fewer tokens.'],
      output: 'PROMPT = """Return JSON:\n{"label":"spam","score":0.9,"tags":["a b","c"]}\n"""',
    },
    {
      name: 'f-string: braces stay doubled, placeholders stay',
      code: 'PROMPT = f"""Classify {text}. Example:\n{{\n  "label": "ham",\n  "why": "no links"\n}}"""',
      errors: [/Pretty-printed JSON \(4 lines\)/],
      output: 'PROMPT = f"""Classify {text}. Example:\n{{"label":"ham","why":"no links"}}"""',
    },
    {
      name: 'inside a json code fence in a template literal',
      code: 'const PROMPT = `Answer as:\n\\`\\`\\`json\n[\n  {"id": 1},\n  {"id": 2}\n]\n\\`\\`\\`\nQuestion: ${q}`;',
      language: 'typescript',
      errors: [/Pretty-printed JSON/],
      output: 'const PROMPT = `Answer as:\n\\`\\`\\`json\n[{"id":1},{"id":2}]\n\\`\\`\\`\nQuestion: ${q}`;',
    },
  ],
});
