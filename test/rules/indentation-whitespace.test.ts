import { ruleCases } from './helpers/ruleTester';

ruleCases('indentation-whitespace', {
  valid: [
    'def f():\n    PROMPT = """You are a support agent.\nAnswer briefly.\nCite the policy."""\n',
    'import inspect\ndef f():\n    PROMPT = inspect.cleandoc("""You are a support agent.\n        Answer briefly.\n        Cite the policy.""")\n',
    { code: 'const PROMPT = `One line only`;', language: 'typescript' },
  ],
  invalid: [
    {
      name: 'wrap in inspect.cleandoc and add the import',
      code: 'import os\n\ndef f():\n    PROMPT = """You are a support agent.\n        Answer briefly and cite the refund policy section.\n        Escalate legal threats to a human.\n        Never promise a refund.\n        """\n',
      errors: [/^This literal sends the code's indentation \(8 characters a line\) with the prompt: \d+ tokens on every call\.$/],
      output: 'import inspect\nimport os\n\ndef f():\n    PROMPT = inspect.cleandoc("""You are a support agent.\n        Answer briefly and cite the refund policy section.\n        Escalate legal threats to a human.\n        Never promise a refund.\n        """)\n',
    },
    {
      name: 'textwrap.dedent when already imported and the first line is empty; .format stays outside',
      code: 'import textwrap\n\nclass A:\n    def f(self):\n        PROMPT = """\n            Summarize {doc} for an executive.\n            Keep it under five bullet points.\n            Mention risks first.\n        """.format(doc=self.doc)\n',
      errors: [/indentation \(12 characters a line\)/],
      output: 'import textwrap\n\nclass A:\n    def f(self):\n        PROMPT = textwrap.dedent("""\n            Summarize {doc} for an executive.\n            Keep it under five bullet points.\n            Mention risks first.\n        """).format(doc=self.doc)\n',
    },
    {
      name: 'f-string with placeholders: re-flowed, not wrapped',
      code: 'def f(doc):\n    PROMPT = f"""Summarize {doc} for an executive.\n        Keep it under five bullet points.\n        Mention risks first, then costs, then dates.\n        """\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'def f(doc):\n    PROMPT = f"""Summarize {doc} for an executive.\nKeep it under five bullet points.\nMention risks first, then costs, then dates.\n"""\n',
    },
    {
      name: 'TypeScript template literal: re-flowed',
      code: 'function f(q: string) {\n  const PROMPT = `You answer billing questions.\n    Use the ledger for ${q}.\n    Never guess an amount.\n    Ask for the invoice number when it is missing.\n  `;\n}\n',
      language: 'typescript',
      errors: [/indentation \(4 characters a line\)/],
      output: 'function f(q: string) {\n  const PROMPT = `You answer billing questions.\nUse the ledger for ${q}.\nNever guess an amount.\nAsk for the invoice number when it is missing.\n`;\n}\n',
    },
  ],
});
