// Name and content evidence for strings that reach no known sink. Either alone is weak: `PROMPT_DIR = "prompts/"`
// has a prompt-like name, `"You are logged in"` has a prompt-like start. Short strings need both.

export const PROMPT_WORDS = new Set(['prompt', 'prompts', 'instruction', 'instructions', 'preamble', 'persona', 'fewshot', 'guidelines', 'sysprompt']);
const SYSTEM_COMPANIONS = new Set(['message', 'msg', 'content', 'text', 'template', 'role']);
/** Words that name a list of few-shot examples (`EXAMPLES`, `few_shot_examples`, `demos`): its sentences are prompt text. */
export const FEW_SHOT_WORDS = ['examples', 'fewshot', 'shots', 'demos', 'demonstrations'];
export const TEMPLATE_WORDS = new Set(['template', 'tmpl', 'templates']);
const WEAK_WORDS = new Set(['message', 'msg', 'question', 'query', 'task', 'context', 'input', 'request', 'content', 'text']);
/** A last word that says the string is something else (`PROMPT_DIR`, `prompt_version`, `error_message`). */
const NON_PROMPT_LAST_WORDS = new Set([
  'error', 'err', 'exception', 'warning', 'warn', 'log', 'url', 'uri', 'endpoint', 'path', 'dir', 'directory', 'file',
  'filename', 'ext', 'extension', 'regex', 're', 'pattern', 'sql', 'html', 'css', 'selector', 'version', 'header', 'key',
  'secret', 'password', 'id', 'env', 'fmt', 'date', 'mime', 'encoding', 'label', 'title', 'placeholder', 'tooltip',
  'help', 'usage', 'button', 'menu', 'name', 'type', 'color', 'icon', 'style', 'class', 'lang', 'language', 'hash',
  'column', 'field', 'table', 'tag', 'status', 'mode', 'kind', 'locale', 'sep', 'separator', 'delimiter',
]);
const NON_PROMPT_ANY_WORDS = new Set(['error', 'err', 'exception', 'log', 'sql', 'url', 'regex', 'html', 'css']);

/** Splits `systemPrompt`, `SYSTEM_PROMPT`, `self.system_prompt` into lower-case words. */
export function nameWords(name: string): string[] {
  const last = name.split('.').pop() ?? name;
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function nameEvidence(name: string | undefined): 'prompt' | 'template' | 'weak' | 'negative' | 'none' {
  if (!name) return 'none';
  const words = nameWords(name);
  if (!words.length) return 'none';
  const last = words[words.length - 1];
  if (NON_PROMPT_LAST_WORDS.has(last)) return 'negative';
  if (words.some((w) => PROMPT_WORDS.has(w))) return 'prompt';
  if (words.includes('system') && (words.length === 1 || words.some((w) => SYSTEM_COMPANIONS.has(w)))) return 'prompt';
  if (words.some((w) => NON_PROMPT_ANY_WORDS.has(w))) return 'negative';
  if (words.some((w) => TEMPLATE_WORDS.has(w))) return 'template';
  if (WEAK_WORDS.has(last)) return 'weak';
  return 'none';
}

/** Instruction-like phrasing: strong cues (worth 2) and weak ones (worth 1). */
const STRONG_CUES: RegExp[] = [
  /\byou are (?:an?|the)\b/i,
  /\byou are\b.{0,60}\b(?:assistant|expert|model|agent|bot|ai)\b/i,
  /\byour (?:task|job|role|goal|objective|mission) (?:is|will be)\b/i,
  /\byou are (?:tasked with|asked to|given the task)\b/i,
  /\brespond (?:with|in|only|using)\b/i,
  /\b(?:return|output|reply with|answer with|respond with) (?:only |just |strictly )?(?:a |an |the )?(?:valid )?json\b/i,
  /\bgiven the (?:following|above|below)\b/i,
  /\byou will be (?:given|provided|shown)\b/i,
  /\bact as (?:an?|the)\b/i,
  /\bI want you to\b/i,
  /\banswer the (?:following |user'?s? )?question/i,
  /\b(?:do not|don't|never) (?:make up|invent|hallucinate|fabricate|include any|add any|mention)\b/i,
  /\byou (?:must|should) (?:always|only|never)\b/i,
  /\bthink step[- ]by[- ]step\b/i,
  /\b(?:summari[sz]e|translate|classify|rewrite|extract) (?:the|this|these|following|all|each|it|them)\b/i,
  /\bas an? (?:ai|helpful|expert|experienced|professional)\b/i,
  /^\s*(?:system|user|assistant)\s*:/im,
  /\b(?:helpful|harmless|honest),? (?:and )?(?:helpful|harmless|honest)? ?assistant\b/i,
];
const WEAK_CUES: RegExp[] = [
  /\bassistant\b/i,
  /\bjson\b/i,
  /\b(?:concise|succinct|brief|detailed) (?:answer|response|summary|explanation)/i,
  /\bthe user(?:'s)?\b/i,
  /\b(?:context|question|input|document|text|article|transcript|conversation|query)\s*:/i,
  /\b(?:below|following|provided) (?:text|context|document|article|information|conversation|code|question|passage)\b/i,
  /\bplease\b/i,
  /\b(?:format|structure) (?:your|the) (?:answer|response|output)\b/i,
  /\boutput format\b/i,
  /\b(?:instructions?|rules|guidelines)\s*:/i,
  /\bexamples?\s*:/i,
  /\bif you (?:don't|do not) know\b/i,
  /\bin (?:\d+|one|two|three|a few) (?:sentences?|words|bullet points|paragraphs?)\b/i,
  /\b(?:summary|summarize|summarise|classify|extract|translate|analy[sz]e|generate|write)\b/i,
  /\{\w+\}|\{\{\s*\w+\s*\}\}/,
];

export interface ContentEvidence {
  score: number;
  cues: string[];
}

export function contentEvidence(text: string): ContentEvidence {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let score = 0;
  const cues: string[] = [];
  for (const cue of STRONG_CUES) {
    const m = cue.exec(sample);
    if (m) { score += 2; cues.push(m[0].trim()); }
  }
  for (const cue of WEAK_CUES) {
    const m = cue.exec(sample);
    if (m) { score += 1; if (cues.length < 4) cues.push(m[0].trim()); }
  }
  return { score, cues };
}

export function wordCount(text: string): number {
  const m = text.match(/[A-Za-z\u00C0-\uFFFF]{2,}/g);
  return m ? m.length : 0;
}

/** Strings that are clearly something else, whatever their name: SQL, URLs, paths, markup, regexes, identifiers. */
export function nonPromptContent(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'empty';
  if (/^(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|MERGE|TRUNCATE|PRAGMA|BEGIN|GRANT)\b[\s\S]*\b(?:FROM|INTO|TABLE|SET|WHERE|VALUES|INDEX|VIEW|AS)\b/i.test(t) && !/\byou\b/i.test(t)) return 'SQL';
  if (/^(?:https?|wss?|ftp|file|s3|gs|postgres(?:ql)?|mysql|redis|mongodb(?:\+srv)?):\/\/\S*$/i.test(t)) return 'URL';
  if (/^(?:[~.]{0,2}\/|[A-Za-z]:\\)[^\s]*$/.test(t) || /^[\w.-]+\/[\w./-]+\.[a-z0-9]{1,5}$/i.test(t)) return 'path';
  if (/^<(?:!DOCTYPE|html|div|span|p|a|svg|table|head|body|script|style|ul|li|section|template|button|form|img)\b/i.test(t) && /<\/\w+>|\/>$/.test(t) && !/\byou\b/i.test(t)) return 'HTML';
  if (/^\^|\(\?[:=!<]|\\[dwsb][+*?]|\[\^?\\?[\w-]+\][+*?{]/.test(t) && !/\s{2,}\w+ \w+ \w+/.test(t) && wordCount(t) < 6) return 'regular expression';
  if (!/\s/.test(t) && t.length < 80) return 'single token';
  if (/^[\w.-]+@[\w.-]+\.\w+$/.test(t)) return 'email address';
  if (/^data:[\w/+. -]*;base64,/.test(t)) return 'data URL';
  if (/^[\s\d.,:;%$€£+\-*/=()[\]{}|#]*$/.test(t)) return 'no words';
  return undefined;
}

/** Role suggested by a name: `SYSTEM_PROMPT` → system. */
export function roleFromName(name: string | undefined): 'system' | 'user' | 'assistant' | 'unknown' {
  if (!name) return 'unknown';
  if (/system|instruction|preamble|persona/i.test(name)) return 'system';
  if (/user|human|question|query/i.test(name)) return 'user';
  if (/assistant|\bai_|answer|response/i.test(name)) return 'assistant';
  return 'unknown';
}
