// The tool's identity in reports and `--version`, read from the manifest (bundled at build time).
import manifest from '../../../package.json';

export const VERSION: string = manifest.version;
