import { ruleCases } from './helpers/ruleTester';

ruleCases('whitespace-runs', {
  valid: [
    'PROMPT = "One line.\\nTwo lines.\\n\\nA paragraph."',
    // One tab run is one o200k token either way: nothing saved, nothing reported.
    { code: 'const PROMPT = `Name:\t\t\t${name}`;', language: 'typescript' },
    // Code fences keep their whitespace.
    'PROMPT = """Fix this:\n```\nx = 1   \n\n\n\n\ny = 2\n```\n"""',
  ],
  invalid: [
    {
      code: 'PROMPT = "Classify the text.   \\nReturn a label.  \\nBe brief."',
      errors: ['2 lines end with spaces or tabs. They cost tokens on every call.'],
      output: 'PROMPT = "Classify the text.\\nReturn a label.\\nBe brief."',
    },
    {
      code: 'PROMPT = "Rules:\\n\\n\\n\\n\\n\\nBe brief."',
      errors: ['1 run of three or more blank lines. They cost tokens on every call.'],
      output: 'PROMPT = "Rules:\\n\\nBe brief."',
    },
    {
      code: 'const PROMPT = `Name:\t \t \t${name}\nRole:  \t\t  \t${role}`;',
      language: 'typescript',
      errors: ['2 runs of tabs inside a line. They cost tokens on every call.'],
      output: 'const PROMPT = `Name: ${name}\nRole: ${role}`;',
    },
  ],
});
