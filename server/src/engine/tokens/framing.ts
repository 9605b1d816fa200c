// Data: tokens a chat request costs beyond its messages' texts (role markers, separators, reply priming).
// Source for OpenAI: the OpenAI Cookbook "How to count tokens with tiktoken" (num_tokens_from_messages): every
// message is wrapped as <|start|>{role}\n{content}<|end|>\n = 3 tokens besides the content (+1 when a `name` is
// set), and every reply is primed with <|start|>assistant<|message|> = 3 tokens. (gpt-3.5-turbo-0301 used 4.)

export interface FramingRule {
  /** Tested against the tokenizer family (modelTokenizers.ts). */
  families: string[] | '*';
  perMessage: number;
  /** Once per request: the assistant reply priming (and any begin-of-text token). */
  perRequest: number;
  exact: boolean;
  source: string;
}

export const FRAMING_RULES: FramingRule[] = [
  {
    families: ['gpt-4o', 'gpt-4.1', 'gpt-4.5', 'gpt-5', 'o-series', 'gpt-oss', 'gpt-4'],
    perMessage: 3,
    perRequest: 3,
    exact: true,
    source: 'OpenAI Cookbook, How to count tokens with tiktoken: 3 per message, 3 to prime the reply',
  },
  {
    families: ['llama'],
    perMessage: 5,
    perRequest: 5,
    exact: false,
    source:
      'Meta Llama 3 prompt format: <|start_header_id|>role<|end_header_id|>\\n\\n…<|eot_id|> = 5 per message; ' +
      '<|begin_of_text|> + the assistant header = 5 per request',
  },
  {
    families: '*',
    perMessage: 3,
    perRequest: 3,
    exact: false,
    source: 'Vendor does not document its chat framing: OpenAI\'s figures (3 per message, 3 per request) as an estimate',
  },
];
