"""Customer-support assistant for the Acme Cloud help desk (OpenAI chat completions)."""
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))

SYSTEM_PROMPT = """You are a friendly and helpful support assistant.
You work for Acme Cloud, a company that sells managed databases and object storage to small businesses.
Please read the customer's message carefully in order to understand what they are asking about
before you answer. Due to the fact that many of our customers are not technical, please avoid
jargon and explain any technical term that you really need to use.
At this point in time we do not offer phone support, so please do not promise a call back.
If the customer asks about billing, you should try to point them to the Billing page in the dashboard.
If you are not sure about the answer, please say so and kindly suggest that they open a ticket.
Always answer in the same language as the customer, and keep your answer under 150 words.
Thank you!"""


def answer(question: str, customer_name: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        temperature=0.2,
        max_tokens=400,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Customer {customer_name} writes:\n{question}"},
        ],
    )
    return response.choices[0].message.content or ""


class TicketTriage:
    """Labels incoming tickets so they reach the right queue."""

    def __init__(self, model: str = "gpt-4o-mini") -> None:
        self.model = model

    def classify(self, ticket_text: str) -> str:
        instructions = """
            You are a ticket triage assistant for Acme Cloud.
            Your job is to read a support ticket and assign exactly one label to it.
            The possible labels are: billing, outage, bug, feature-request, account, other.
            Please answer with the label only, in lowercase, with no punctuation and no explanation.
        """
        response = client.chat.completions.create(
            model=self.model,
            temperature=0,
            max_tokens=5,
            messages=[
                {"role": "system", "content": instructions},
                {"role": "user", "content": ticket_text},
            ],
        )
        return (response.choices[0].message.content or "other").strip()


if __name__ == "__main__":
    print(answer("How do I rotate the password of my Postgres instance?", "Dana"))
