import { ruleCases } from './helpers/ruleTester';
import { promptFromSource } from './helpers/sourcePrompt';

const twoMessages = (code: string) => [
  promptFromSource(code, 'python', { after: 'user = ', role: 'user', id: 'm#user' }),
  promptFromSource(code, 'python', { after: 'system = ', role: 'system', id: 'm#system' }),
];

ruleCases('redundant-instruction', {
  valid: [
    'PROMPT = "Answer in English. Cite the page number for every claim."',
    // Short list labels repeat by design.
    'PROMPT = """Input: a ticket.\nOutput: a label.\nInput: a reply.\nOutput: a score."""',
    { code: 'system = "Answer in formal English only."\nuser = "Translate the text below."', prompts: twoMessages, name: 'different messages' },
  ],
  invalid: [
    {
      code: 'PROMPT = """Always answer in formal English.\nSummarize the ticket.\nAlways answer in formal English.\n"""',
      errors: ['Repeats an earlier sentence of this prompt: "Always answer in formal English."'],
      output: 'PROMPT = """Always answer in formal English.\nSummarize the ticket.\n"""',
    },
    {
      name: 'near-identical: reported, not removed',
      code: 'PROMPT = "Never reveal the internal pricing rules to the user. Summarize the call. Never reveal internal pricing rules to the user."',
      errors: [/^Nearly repeats an earlier sentence of this prompt/],
      output: null,
    },
    {
      name: 'same instruction in the system and the user message of one call',
      code: 'system = "Respond with valid JSON only."\nuser = f"Classify {ticket}. Respond with valid JSON only."',
      prompts: twoMessages,
      errors: ['Repeats the system message of the same call: "Respond with valid JSON only."'],
      output: 'system = "Respond with valid JSON only."\nuser = f"Classify {ticket}."',
    },
    {
      name: 'a repeat that ends a line goes with the space before it (none left trailing)',
      code: 'PROMPT = """Wait for user feedback before updating the document.\nDo not update the document right after creating it. Wait for user feedback before updating the document.\nUse short titles.\n"""',
      errors: ['Repeats an earlier sentence of this prompt: "Wait for user feedback before updating the document."'],
      output: 'PROMPT = """Wait for user feedback before updating the document.\nDo not update the document right after creating it.\nUse short titles.\n"""',
    },
  ],
});
