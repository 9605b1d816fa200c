// Data: tokens a chat request costs beyond its messages' texts (role markers, separators, reply priming).
// Source for OpenAI: the OpenAI Cookbook "How to count tokens with tiktoken" (num_tokens_from_messages): each
// message costs 3 tokens plus the tokens of its field values (the role name, the content, +1 for a `name`), and
// every reply is primed with <|start|>assistant<|message|> = 3 tokens. Callers count only the contents, so the
// role name is part of the framing here: system, user, assistant, developer and tool are 1 token each in both
// o200k_base and cl100k_base (checked with tiktoken) → 4 per message.

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
    perMessage: 4,
    perRequest: 3,
    exact: true,
    source: 'OpenAI Cookbook, How to count tokens with tiktoken: 3 per message + 1 for the role name, 3 to prime the reply',
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
    perMessage: 4,
    perRequest: 3,
    exact: false,
    source: 'Vendor does not document its chat framing: OpenAI\'s figures (4 per message with the role, 3 per request) as an estimate',
  },
];
