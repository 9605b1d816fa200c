import { ruleCases } from './helpers/ruleTester';

ruleCases('verbose-phrase', {
  valid: [
    // Redundant pairs whose shorter form would leave a wrong article ("an surprise").
    'PROMPT = "Flag it as an unexpected surprise."',
    'PROMPT = "Describe a new innovation."',
    'PROMPT = "Summarize the document to help the reader."',
    // Code fences and quoted examples are content, not phrasing.
    'PROMPT = """Rewrite the code:\n```\n# in order to run this, call main()\n```\n"""',
    'PROMPT = \'Reply with the literal text "in order to" when asked for a connective.\'',
    // Phrases across two literals of an implicit concatenation are not one phrase to edit.
    { code: 'PROMPT = ("Do this in order " "to help.")', name: 'split across literals' },
    { code: 'const PROMPT = `Answer ${question} briefly.`;', language: 'typescript' },
  ],
  invalid: [
    {
      code: 'PROMPT = "Read the text in order to answer."',
      errors: ['"in order to" is wordy: "to" says the same.'],
      output: 'PROMPT = "Read the text to answer."',
    },
    {
      name: 'sentence-start capitalisation',
      code: 'PROMPT = "In order to answer, read the text. Due to the fact that it is long, skim it."',
      errors: [/"In order to" is wordy/, /"Due to the fact that" is wordy/],
      output: 'PROMPT = "To answer, read the text. Because it is long, skim it."',
    },
    {
      name: 'f-string: placeholders and doubled braces survive',
      code: 'PROMPT = f"At this point in time, {user} wants {{json}} output with regard to {topic}."',
      errors: [/"At this point in time"/, /"with regard to"/],
      output: 'PROMPT = f"Now, {user} wants {{json}} output about {topic}."',
    },
    {
      name: 'escapes survive',
      code: 'PROMPT = "Say \\"hi\\".\\nIn the event that it fails,\\tretry."',
      errors: [/"In the event that"/],
      output: 'PROMPT = "Say \\"hi\\".\\nIf it fails,\\tretry."',
    },
    {
      name: 'TypeScript template literal',
      code: 'const PROMPT = `Prior to answering ${q}, make use of the tools.`;',
      language: 'typescript',
      prompt: { after: 'PROMPT = ' },
      errors: [/"Prior to"/, /"make use of"/],
      output: 'const PROMPT = `Before answering ${q}, use the tools.`;',
    },
    {
      name: 'title carries tokens and monthly dollars',
      code: 'PROMPT = "Read the text in order to answer."',
      ctx: { monthlyCostPerInputToken: 20.5 },
      errors: [/"in order to"/],
      output: 'PROMPT = "Read the text to answer."',
    },
    {
      name: 'all caps stays all caps',
      code: 'PROMPT = "IN ORDER TO PASS, CITE SOURCES."',
      errors: [/"IN ORDER TO"/],
      output: 'PROMPT = "TO PASS, CITE SOURCES."',
    },
    {
      name: 'phrase broken over a line in a triple-quoted string',
      code: 'PROMPT = """Check the facts in order\nto answer."""',
      errors: [/"in order to"/],
      output: 'PROMPT = """Check the facts to answer."""',
    },
    {
      name: 'raw string with a backslash right before: no fix',
      code: 'PROMPT = r"Path C:\\utilize it"',
      errors: [/"utilize"/],
      output: null,
    },
  ],
});
