// A small least-recently-used cache bounded by entry count and by the total size callers assign to entries,
// so counting the same prompt again on every keystroke elsewhere in the file costs a Map lookup.
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private totalSize = 0;

  constructor(private readonly maxEntries: number, private readonly maxTotalSize: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is always the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, size: number): void {
    if (size > this.maxTotalSize) return;
    const old = this.entries.get(key);
    if (old) {
      this.totalSize -= old.size;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, size });
    this.totalSize += size;
    while (this.entries.size > this.maxEntries || this.totalSize > this.maxTotalSize) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.totalSize -= oldest.size;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.totalSize = 0;
  }
}
