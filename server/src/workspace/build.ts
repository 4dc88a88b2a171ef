// Filling the workspace index, the same way for the CLI and the language server.
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../engine/config';
import { supportStatus, windowsReleases } from '../kb';
import type { ParsedDocument } from '../engine/runner';
import { WorkspaceIndex } from './index';
import { summarizeDockerfile, summarizeYaml, type FileSummary } from './summary';

export function summarize(parsed: ParsedDocument): FileSummary | undefined {
  const { uri } = parsed.document;
  if (!uri.startsWith('file:')) return undefined;
  const path = fileURLToPath(uri);
  if (parsed.dockerfile) return summarizeDockerfile(path, uri, parsed.dockerfile);
  if (parsed.kubernetes) return summarizeYaml(path, uri, parsed.kubernetes);
  return undefined;
}

/** The configured target, or else the one the workspace's windows-build selectors agree on. */
export function withInferredTarget(config: ResolvedConfig, index: WorkspaceIndex, describe: (uri: string) => string): ResolvedConfig {
  if (config.target) return config;
  const target = index.inferTarget(describe);
  return target ? { ...config, target } : config;
}

/** LTSC releases whose Server Core images are still supported: what a user can target, newest first. */
export function targetChoices(today: Date): Array<{ label: string; description: string }> {
  return windowsReleases
    .filter((release) => release.channel === 'LTSC' && supportStatus(release, 'servercore', today).state !== 'ended')
    .sort((a, b) => b.build - a.build)
    .map((release) => ({ label: release.id, description: `${release.name} (10.0.${release.build})` }));
}
