import { ruleCases } from './helpers/ruleTester';

ruleCases('politeness', {
  valid: [
    'PROMPT = "Summarize the ticket in two sentences."',
    'PROMPT = \'If the user writes "please help", route to support.\'',
    'PROMPT = "The customer was pleased with the result."',
    // Measured, not assumed: in o200k "Please summarize" is 2 tokens and "Summarize" is 2 as well.
    { code: 'PROMPT = "Please summarize the ticket."', name: 'no saving, no finding' },
  ],
  invalid: [
    {
      // Removing "Please" alone saves nothing here; the pair is one span and saves 2.
      code: 'PROMPT = "Please kindly list the dates, thank you."',
      errors: [/"Please kindly"/, /"thank you"/],
      output: 'PROMPT = "List the dates."',
    },
    {
      code: 'PROMPT = "Be so kind as to list the dates. Thank you in advance!"',
      errors: [/"Be so kind as to"/, /"Thank you in advance!"/],
      output: 'PROMPT = "List the dates."',
    },
    {
      code: 'PROMPT = "Summarize it and please cite sources."',
      errors: ['"please" is a courtesy the model does not need.'],
      output: 'PROMPT = "Summarize it and cite sources."',
    },
    {
      code: 'PROMPT = "Answer, please, in French."',
      errors: [/"please"/],
      output: 'PROMPT = "Answer in French."',
    },
    {
      code: 'PROMPT = "Summarize the ticket, please."',
      errors: [/"please"/],
      output: 'PROMPT = "Summarize the ticket."',
    },
    {
      code: 'PROMPT = "I would appreciate it if you could kindly list the risks."',
      errors: [/"I would appreciate it if you could"/, /"kindly"/],
      output: 'PROMPT = "List the risks."',
    },
    {
      name: 'a thank-you line is removed whole',
      code: 'PROMPT = """Classify the email.\nReturn one label.\nThank you so much for your help!\n"""',
      errors: ['"Thank you so much for your help!" is a courtesy the model does not need.'],
      output: 'PROMPT = """Classify the email.\nReturn one label.\n"""',
    },
    {
      name: 'a thank-you line at the end of the text',
      code: 'const PROMPT = "Classify the email.\\nThanks in advance!";',
      language: 'typescript',
      errors: [/"Thanks in advance!"/],
      output: 'const PROMPT = "Classify the email.";',
    },
  ],
});
