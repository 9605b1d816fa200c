// Courtesies a model does not need: removing them changes no instruction. "Thank you" lines are handled as whole
// lines by the politeness rule (THANKS_LINE), the rest are phrases.
import type { PhraseEntry } from '../phraseMatching';

export const POLITENESS_PHRASES: PhraseEntry[] = [
  { phrase: 'i would really appreciate it if you could', replacement: '' },
  { phrase: 'i would appreciate it if you could', replacement: '' },
  { phrase: 'i would appreciate it if you would', replacement: '' },
  { phrase: "i'd appreciate it if you could", replacement: '' },
  { phrase: 'i would be grateful if you could', replacement: '' },
  { phrase: 'i would be very grateful if you could', replacement: '' },
  { phrase: 'we would appreciate it if you could', replacement: '' },
  { phrase: 'if you would be so kind as to', replacement: '' },
  { phrase: 'please be so kind as to', replacement: '' },
  { phrase: 'be so kind as to', replacement: '', clauseStartOnly: true },
  // Combined courtesies are one span: removing "Please" alone saves nothing at a sentence start, both together do.
  { phrase: 'please kindly', replacement: '' },
  { phrase: 'kindly please', replacement: '' },
  { phrase: 'please, please', replacement: '' },
  { phrase: "if you don't mind,", replacement: '' },
  { phrase: 'if you do not mind,', replacement: '' },
  { phrase: 'would you be so kind as to', replacement: '' },
  { phrase: 'could you please', replacement: '', sentenceStartOnly: true },
  { phrase: 'can you please', replacement: '', sentenceStartOnly: true },
  { phrase: 'would you please', replacement: '', sentenceStartOnly: true },
  { phrase: 'please', replacement: '' },
  { phrase: 'kindly', replacement: '' },
];

/** A line that only thanks the model: "Thank you!", "Thanks in advance.", "Thank you for your help." */
export const THANKS_LINE =
  /^[ \t]*(?:thank you|thanks|many thanks|thank you so much|thanks so much|thank you very much)(?: in advance)?(?: for (?:your|the) (?:help|assistance|time|cooperation|hard work|effort))?(?: in advance)?[ \t]*[.!]*[ \t]*(?:\n|$)/gim;

/** A trailing ", thank you" / ", thanks in advance" before the sentence ends: "List the dates, thank you." */
export const THANKS_CLAUSE = /,[ \t]*(?:thank you|thanks)(?: (?:so|very) much)?(?: in advance)?(?=[ \t]*[.!]|[ \t]*$)/gim;

/** A closing "Thank you!" after the last sentence of the text, on the same line. */
export const THANKS_TAIL =
  /(?<=[.!?])[ \t]+(?:thank you|thanks|many thanks|thank you so much|thanks so much|thank you very much)(?: in advance)?(?: for (?:your|the) (?:help|assistance|time|cooperation))?[ \t]*[.!]*[ \t]*$/gi;
