// Detection's line lookups are the engine's shared ones (server/src/engine/text/lineIndex.ts); this name stays for the
// detection modules that import it.
export { lineIndex, type LineIndex } from '../text/lineIndex';
