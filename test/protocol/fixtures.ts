// Small, real-looking source files for the protocol and Neovim tests.

/** A support bot: a verbose system prompt passed to OpenAI, a template with placeholders, and a log string that
 *  uses the same `{…}` syntax but is not a prompt. */
export const SUPPORT_BOT_PY = `import logging

from openai import OpenAI

client = OpenAI()
log = logging.getLogger(__name__)

SYSTEM_PROMPT = """You are a support assistant for Acme Cloud, a hosting company.
Please answer the customer's question in order to resolve their issue quickly.
Be polite and keep answers under 150 words. If you do not know, say so."""

ANSWER_TEMPLATE = "Customer {customer_name} asked: {question}\\nRelevant docs: {docs}"


def answer(customer_name: str, question: str, docs: str) -> str:
    log.info("Loaded {count} docs".format(count=len(docs)))
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": ANSWER_TEMPLATE.format(customer_name=customer_name, question=question, docs=docs)},
        ],
    )
    return response.choices[0].message.content
`;

/** The same call on a model no price table knows. */
export const UNKNOWN_MODEL_PY = `from openai import OpenAI

client = OpenAI()

PROMPT = """You classify support tickets into billing, outage or account questions. Reply with one word."""

def classify() -> str:
    return client.chat.completions.create(model="acme-internal-llm-7", messages=[{"role": "system", "content": PROMPT}])
`;
