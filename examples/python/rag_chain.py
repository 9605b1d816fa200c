"""Answers questions about the Acme Cloud docs with LangChain (retrieval-augmented generation)."""
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)

rag_prompt = ChatPromptTemplate.from_messages(
    [
        (
            "system",
            "You answer questions about the Acme Cloud documentation. "
            "Use only the context below in order to answer. If the answer is not in the context, "
            "say that you don't know. Cite the title of each document you used.\n\n"
            "Context:\n{context}",
        ),
        ("human", "{question}"),
    ]
)

chain = rag_prompt | llm | StrOutputParser()


def ask(question: str, documents: list[str]) -> str:
    return chain.invoke({"question": question, "context": "\n\n".join(documents)})
