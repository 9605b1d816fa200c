// Which analyser a file gets: a VS Code language id wins; otherwise the file name. Prompt files are
// recognised by extension, by living in a `prompts` folder (.txt/.md), or by a user glob.
import type { SourceLanguage } from '../types';
import { matchesGlobAtAnyDepth } from '../config/glob';

const LANGUAGE_IDS: Record<string, SourceLanguage> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'jsx',
  prompt: 'prompt',
  prompty: 'prompt',
  jinja: 'prompt',
  'jinja-html': 'prompt',
  handlebars: 'prompt',
  mustache: 'prompt',
};

const CODE_EXTENSIONS: Record<string, SourceLanguage> = {
  '.py': 'python',
  '.pyi': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'jsx',
};

const PROMPT_FILE = /\.(?:prompt|prompty|prompt\.md|prompt\.txt|j2|jinja|jinja2|hbs|handlebars|mustache)$/i;
/** `.txt`/`.md` files, and files without an extension (gpt-engineer's `preprompts/generate`), in a prompts folder. */
const PROMPTS_FOLDER_TEXT = /(?:^|\/)(?:pre)?prompts\/(?:[^/]+\/)*(?:[^/]+\.(?:txt|md)|[^/.]+)$/i;
/** Project documents that sit in a prompts folder but describe it. */
const PROJECT_DOCS = /(?:^|\/)(?:README|CHANGELOG|CONTRIBUTING|LICENSE|CODE_OF_CONDUCT|NOTICE|AUTHORS|Makefile|Dockerfile)(?:\.[^/]*)?$/i;

export function detectionLanguage(fileName: string, languageId?: string, promptGlobs?: string[]): SourceLanguage | undefined {
  const path = fileName.replace(/\\/g, '/');
  if (languageId && LANGUAGE_IDS[languageId] && !(languageId === 'typescript' && /\.d\.[cm]?ts$/i.test(path))) {
    return LANGUAGE_IDS[languageId];
  }
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined;
  const ext = /\.[^./]+$/.exec(path)?.[0].toLowerCase();
  if (ext && CODE_EXTENSIONS[ext]) return CODE_EXTENSIONS[ext];
  if (promptGlobs?.some((glob) => matchesGlobAtAnyDepth(path, glob))) return 'prompt';
  if (PROJECT_DOCS.test(path)) return undefined;
  if (PROMPT_FILE.test(path) || PROMPTS_FOLDER_TEXT.test(path)) return 'prompt';
  return undefined;
}

/** Jinja/Handlebars/Mustache: used for prompts, but just as much for HTML views and config (Ansible `templates/*.j2`). */
const GENERIC_TEMPLATE = /\.(?:j2|jinja|jinja2|hbs|handlebars|mustache)$/i;
/** A folder whose name says it holds prompts (`prompts/`, `prompt_templates/`, `preprompts/`). */
const PROMPT_FOLDER = /(?:^|\/)(?:pre)?prompts?(?:[-_]?(?:templates?|library|lib))?\//i;

/** True for a generic template file outside a prompts folder: its content has to show that it is a prompt. */
export function needsPromptContent(fileName: string, promptGlobs?: string[]): boolean {
  const path = fileName.replace(/\\/g, '/');
  if (!GENERIC_TEMPLATE.test(path) || PROMPT_FOLDER.test(path)) return false;
  return !promptGlobs?.some((glob) => matchesGlobAtAnyDepth(path, glob));
}
