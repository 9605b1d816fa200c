// Routes product feedback to the right team with OpenAI's chat completions API.
import OpenAI from 'openai';

const openai = new OpenAI();

export const CLASSIFIER_SYSTEM_PROMPT = `You are a classifier for product feedback sent to Acme Cloud.
Read the feedback and answer with a JSON object that has two keys: "team" and "sentiment".
"team" is one of: "databases", "storage", "billing", "dashboard".
"sentiment" is one of: "positive", "neutral", "negative".
Please make sure that you only output the JSON object and nothing else.`;

export async function classifyFeedback(feedback: string, product: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    temperature: 0,
    messages: [
      { role: 'system', content: CLASSIFIER_SYSTEM_PROMPT },
      { role: 'user', content: `Product: ${product}\nFeedback: ${feedback}` },
    ],
  });
  return completion.choices[0]?.message?.content ?? '{}';
}
