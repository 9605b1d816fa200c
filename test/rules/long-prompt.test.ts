import { ruleCases } from './helpers/ruleTester';

const body = 'Answer questions about the refund policy using the handbook excerpt. '.repeat(40);

ruleCases('long-prompt', {
  valid: [
    { code: `PROMPT = "${body}"`, ctx: { longPromptTokens: 1000 }, name: 'under the limit' },
    { code: 'PROMPT = "Short."', name: 'default limit' },
  ],
  invalid: [
    {
      code: `PROMPT = "${body}"`,
      ctx: { longPromptTokens: 200 },
      errors: [/^This prompt's static text is 441 tokens \(limit 200\)\./],
      output: null,
    },
  ],
});
