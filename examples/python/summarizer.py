"""Summarises long incident reports with Anthropic's Messages API."""
import anthropic

client = anthropic.Anthropic()

SUMMARY_SYSTEM = (
    "You are an experienced site reliability engineer. "
    "Summarise incident reports for an executive audience: what happened, the customer impact, "
    "the root cause and the follow-up actions. Use plain language and at most five bullet points."
)

REPORT_TEMPLATE = """Here is the incident report for {service_name}, written by the on-call engineer on {incident_date}:

<report>
{report_text}
</report>

Write the summary now. It is very important that you do not invent facts that are not in the report."""


def summarise(service_name: str, incident_date: str, report_text: str) -> str:
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=600,
        system=SUMMARY_SYSTEM,
        messages=[
            {
                "role": "user",
                "content": REPORT_TEMPLATE.format(
                    service_name=service_name,
                    incident_date=incident_date,
                    report_text=report_text,
                ),
            }
        ],
    )
    return message.content[0].text
