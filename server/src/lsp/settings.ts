// The editor's settings, pulled per workspace folder (workspace/configuration) into the ConfigStore,
// with a deadline: a client that never answers must not leave every document unchecked.
import type { ConfigStore } from './config-store';
import { settingsSection } from './protocol';

/**
 * How long checks wait for the client's answer to workspace/configuration. A client that never
 * answers would otherwise leave every document without diagnostics for good; after this the
 * defaults apply, and a late answer still counts when it comes.
 */
const settingsTimeoutMs = 3_000;

export interface SettingsClient {
  getConfiguration(items: Array<{ scopeUri?: string; section: string }>): Promise<unknown[]>;
  warn(message: string): void;
  /** A late answer arrived and was stored: everything is checked again with it. */
  lateAnswer(): void;
  failed(what: string): (error: unknown) => void;
}

export class SettingsPuller {
  /** Whether the client answers workspace/configuration; otherwise settings are pushed. */
  enabled = false;

  constructor(
    private readonly configs: ConfigStore,
    private readonly client: SettingsClient,
  ) {}

  /** Resolves once the folders' settings are stored, or at the deadline (the defaults apply until they come). */
  async pull(): Promise<void> {
    if (!this.enabled) return;
    const pulled = this.read();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), settingsTimeoutMs)));
    let outcome;
    try {
      outcome = await Promise.race([pulled, late]);
    } finally {
      clearTimeout(timer);
    }
    if (outcome !== 'late') return;
    this.client.warn(`windows-containers: the client did not answer workspace/configuration within ${settingsTimeoutMs / 1000} s; checking with the defaults until it does`);
    pulled.then(() => this.client.lateAnswer(), this.client.failed('reading the settings'));
  }

  private async read(): Promise<void> {
    const folders = this.configs.folderUris;
    const scopes = folders.length > 0 ? folders : [undefined];
    const values = await this.client.getConfiguration(scopes.map((scopeUri) => ({ scopeUri, section: settingsSection })));
    if (folders.length === 0) this.configs.setGlobalSettings(values[0]);
    else folders.forEach((uri, index) => this.configs.setFolderSettings(uri, values[index]));
    if (folders.length > 0) {
      const excludes = await this.client.getConfiguration(folders.map((scopeUri) => ({ scopeUri, section: 'files.exclude' })));
      folders.forEach((uri, index) => this.configs.setFolderExcludes(uri, excludes[index]));
    }
  }
}
