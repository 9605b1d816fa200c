// An o3 agent call with a tool and a batch of claude-haiku-4-5 label requests: two requests of one file.
export const AGENT_PY = [
  'from openai import OpenAI',
  'import anthropic',
  'client = OpenAI()',
  'claude = anthropic.Anthropic()',
  'TOOLS = [{"type": "function", "function": {"name": "search_orders", "description": "Search the order database.", "parameters": {"type": "object", "properties": {"query": {"type": "string", "description": "Free text"}}}}}]',
  'def agent(question):',
  '    return client.chat.completions.create(model="o3", tools=TOOLS, messages=[',
  '        {"role": "system", "content": "You are an order support agent for Acme. Never promise a refund before the order is found."},',
  '        {"role": "user", "content": f"Customer question: {question}"},',
  '    ])',
  'def label(tickets):',
  '    return claude.messages.batches.create(requests=[',
  '        {"custom_id": str(i), "params": {"model": "claude-haiku-4-5", "max_tokens": 32, "messages": [{"role": "user", "content": f"Label this ticket as bug, billing or other: {t}"}]}}',
  '        for i, t in enumerate(tickets)',
  '    ])',
  '',
].join('\n');
