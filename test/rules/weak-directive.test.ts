import { ruleCases } from './helpers/ruleTester';

ruleCases('weak-directive', {
  valid: [
    'PROMPT = "Keep answers under 100 words."',
    'PROMPT = "Explain why you should rotate keys."',
    'PROMPT = "You should have access to the tools listed below."',
    // Peer-list phrases where the rewrite would change the meaning or the grammar.
    'PROMPT = "Do not attempt to guess the date."',
    'PROMPT = "Log each failed attempt to connect."',
    'PROMPT = "It would be helpful if you listed the dates."',
    'PROMPT = "Consider the user\'s budget."',
    'PROMPT = "Tell me if possible dates overlap."',
  ],
  invalid: [
    {
      code: 'PROMPT = "Endeavor to cite sources, if possible. Consider adding a date whenever possible."',
      errors: [/"Endeavor to"/, /", if possible"/, /"Consider adding"/, /"whenever possible"/],
      output: 'PROMPT = "Cite sources. Add a date."',
    },
    {
      code: 'PROMPT = "Try to keep answers under 100 words."',
      errors: ['"Try to" hedges the instruction: state it as an imperative.'],
      output: 'PROMPT = "Keep answers under 100 words."',
    },
    {
      code: 'PROMPT = "You might want to check the dates. Feel free to ask for clarification."',
      errors: [/"You might want to"/, /"Feel free to"/],
      output: 'PROMPT = "Check the dates. Ask for clarification."',
    },
    {
      code: 'PROMPT = f"It would be great if you could translate {text} into French."',
      errors: [/"It would be great if you could"/],
      output: 'PROMPT = f"Translate {text} into French."',
    },
    {
      code: 'PROMPT = """Rules:\n- You should cite sources.\n- I want you to answer in English."""',
      errors: [/"You should"/, /"I want you to"/],
      output: 'PROMPT = """Rules:\n- Cite sources.\n- Answer in English."""',
    },
  ],
});
