import { ruleCases } from './helpers/ruleTester';

const userPhrases = [
  { phrase: 'large language model', replacement: 'LLM' },
  { phrase: 'as an AI assistant,', replacement: '' },
];

ruleCases('custom-phrase', {
  valid: [{ code: 'PROMPT = "You are a large language model."', name: 'no user phrases configured' }],
  invalid: [
    {
      code: 'PROMPT = "You are a large language model. As an AI assistant, answer briefly."',
      ctx: { userPhrases },
      errors: ['Your phrase rules replace "large language model" with "LLM".', 'Your phrase rules remove "As an AI assistant,".'],
      output: 'PROMPT = "You are a LLM. Answer briefly."',
    },
  ],
});
