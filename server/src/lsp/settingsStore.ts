// The user's `promptCost.*` settings, read through `workspace/configuration` (pulled, so changes apply live) or,
// for clients without it, taken from `workspace/didChangeConfiguration`. Invalid values: one warning, then defaults.
import type { Connection } from 'vscode-languageserver/node';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { readSettings, type Settings } from '../engine/config/settings';

export const SETTINGS_SECTION = 'promptCost';

export class SettingsStore {
  private current: Settings = readSettings({}).settings;
  private shownWarnings = '';

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(): Settings {
    return this.current;
  }

  /**
   * Re-reads the settings; `pushed` is the `settings` of a didChangeConfiguration notification. Resolves true when they
   * differ from the ones in force: VS Code's client sends didChangeConfiguration as soon as it registers for it, right
   * after start-up, and re-analysing every open document for unchanged settings threw away the first analysis of the
   * file being opened (the first hint waited for two).
   */
  async refresh(pushed?: unknown): Promise<boolean> {
    let raw: unknown = {};
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      } catch (error) {
        this.connection.console.warn(`Prompt Cost Lens: could not read settings (${String(error)}); using defaults.`);
      }
    } else if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
      raw = (pushed as Record<string, unknown>)[SETTINGS_SECTION];
    }
    const { settings, warnings } = readSettings(raw ?? {});
    const changed = JSON.stringify(settings) !== JSON.stringify(this.current);
    this.current = settings;
    this.warnOnce(warnings);
    return changed;
  }

  /** The same complaint is shown once, not on every re-read of unchanged settings. */
  private warnOnce(warnings: string[]): void {
    const text = warnings.join(' ');
    if (text === this.shownWarnings) return;
    this.shownWarnings = text;
    if (!warnings.length) return;
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      // Each warning says itself what is used instead (the default, or the entry is ignored).
      message: `Prompt Cost Lens settings: ${text}`,
    });
  }
}
