import { ruleCases } from './helpers/ruleTester';

ruleCases('filler-words', {
  valid: [
    'PROMPT = "Return the total as a number."',
    // "not just" changes meaning without "just"; "just in case" is an idiom.
    'PROMPT = "List not just the title but the authors."',
    'PROMPT = "Keep a backup just in case."',
    'PROMPT = """Reply exactly:\n```\nI really like it\n```"""',
  ],
  invalid: [
    {
      code: 'PROMPT = "Just return the very short answer."',
      errors: ['Filler word "Just" adds tokens but no instruction.', 'Filler word "very" adds tokens but no instruction.'],
      output: 'PROMPT = "Return the short answer."',
    },
    {
      code: 'const PROMPT = `Return the answer for ${doc}, basically as a list, really.`;',
      language: 'typescript',
      errors: [/"basically"/, /"really"/],
      output: 'const PROMPT = `Return the answer for ${doc}, as a list.`;',
    },
  ],
});
