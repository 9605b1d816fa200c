// Documents the detector refuses, each with one clear reason: too large, binary, or not text.
import { SETTING_SCHEMAS, type Settings } from '../config/settings';

/** The default of the `promptCost.maxFileBytes` setting (package.json): the editor, the CLI and the audit share it. */
export const DEFAULT_MAX_FILE_BYTES = SETTING_SCHEMAS.maxFileBytes.default as number;

/** The size limit the settings give (validated against package.json by readSettings), else the default. */
export function maxFileBytesSetting(settings: Settings): number {
  return typeof settings.maxFileBytes === 'number' ? settings.maxFileBytes : DEFAULT_MAX_FILE_BYTES;
}

export function skipReason(text: string, maxFileBytes: number): string | undefined {
  // UTF-8 needs at least one byte per UTF-16 unit and at most three: only measure when it can matter.
  if (text.length > maxFileBytes || (text.length * 3 > maxFileBytes && Buffer.byteLength(text, 'utf8') > maxFileBytes)) {
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    return `File is larger than the ${mb(maxFileBytes)} MB size limit (${mb(Buffer.byteLength(text, 'utf8'))} MB, setting promptCost.maxFileBytes); not analysed.`;
  }
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\0')) return 'Binary file (contains NUL bytes); not analysed.';
  let replacement = 0;
  for (let i = sample.indexOf('\uFFFD'); i >= 0; i = sample.indexOf('\uFFFD', i + 1)) replacement++;
  if (replacement > 16 && replacement > sample.length / 100) return 'File is not valid UTF-8 text; not analysed.';
  return undefined;
}
