import { ruleCases } from './helpers/ruleTester';

/** An indented triple-quoted prompt inside a function, and the same text as the rule leaves it without a wrap. */
const BODY = '"""You are a support agent.\n        Answer briefly and cite the refund policy section.\n        Escalate legal threats to a human.\n        Never promise a refund.\n        """';
const REFLOWED = '"""You are a support agent.\nAnswer briefly and cite the refund policy section.\nEscalate legal threats to a human.\nNever promise a refund.\n"""';

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
    {
      name: 'a docstring that shows an import is not the first import: `import inspect` goes after it',
      code: '"""Support bot.\n\nUsage:\nimport support_bot\n"""\nimport os\n\ndef f():\n    PROMPT = ' + BODY + '\n',
      errors: [/indentation \(8 characters a line\)/],
      output: '"""Support bot.\n\nUsage:\nimport support_bot\n"""\nimport inspect\nimport os\n\ndef f():\n    PROMPT = inspect.cleandoc(' + BODY + ')\n',
    },
    {
      name: 'a module-level prompt above the imports: the import goes above the prompt, which runs at import time',
      code: 'PROMPT = ' + BODY + '\n\nimport os\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'import inspect\nPROMPT = inspect.cleandoc(' + BODY + ')\n\nimport os\n',
    },
    {
      name: 'a module-level prompt above an existing `import inspect`: the name is not bound yet when the prompt runs',
      code: 'PROMPT = ' + BODY + '\n\nimport inspect\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'import inspect\nPROMPT = inspect.cleandoc(' + BODY + ')\n\nimport inspect\n',
    },
    {
      name: 'a module-level prompt above `from textwrap import dedent`: cleandoc is imported above it instead',
      code: 'PROMPT = """\n        You are a support agent.\n        Answer briefly.\n        Never promise a refund.\n        """\n\nfrom textwrap import dedent\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'import inspect\nPROMPT = inspect.cleandoc("""\n        You are a support agent.\n        Answer briefly.\n        Never promise a refund.\n        """)\n\nfrom textwrap import dedent\n',
    },
    {
      name: 'a parameter named inspect would receive the call: re-flowed instead of wrapped',
      code: 'import inspect\n\ndef f(inspect):\n    PROMPT = ' + BODY + '\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'import inspect\n\ndef f(inspect):\n    PROMPT = ' + REFLOWED + '\n',
    },
    {
      name: 'a function named cleandoc shadows the imported one: re-flowed',
      code: 'from inspect import cleandoc\n\ndef cleandoc(text):\n    return text\n\ndef f():\n    PROMPT = ' + BODY + '\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'from inspect import cleandoc\n\ndef cleandoc(text):\n    return text\n\ndef f():\n    PROMPT = ' + REFLOWED + '\n',
    },
    {
      name: '`import inspect` inside another function binds it there only: a module-level import is added',
      code: 'def g():\n    import inspect\n    return inspect.stack()\n\ndef f():\n    PROMPT = ' + BODY + '\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'import inspect\ndef g():\n    import inspect\n    return inspect.stack()\n\ndef f():\n    PROMPT = inspect.cleandoc(' + BODY + ')\n',
    },
    {
      name: '`from inspect import cleandoc as cd` does not bind cleandoc',
      code: 'from inspect import cleandoc as cd\n\ndef f():\n    PROMPT = ' + BODY + '\n',
      errors: [/indentation \(8 characters a line\)/],
      output: 'import inspect\nfrom inspect import cleandoc as cd\n\ndef f():\n    PROMPT = inspect.cleandoc(' + BODY + ')\n',
    },
  ],
});
