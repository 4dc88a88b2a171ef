// The target setting in package.json is static text VS Code reads without running the extension:
// `npm run docs` writes it from what kb makes of the release data, and the tests compare the two,
// naming each part that differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { targetVersionChoices, targetVersionPattern } from '../../server/src/kb';

interface SettingSchema {
  markdownDescription?: string;
  pattern?: string;
  patternErrorMessage?: string;
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
}

const manifestPath = join(__dirname, '..', '..', '..', 'package.json');
const settingKey = 'windowsContainers.targetWindowsVersion';

function wantedSchema(): Required<SettingSchema> {
  return {
    markdownDescription: `The Windows version your container hosts run: ${targetVersionChoices((value) => `\`${value}\``)}. Empty = not set. A \`.wincontainers.yaml\` at the workspace root overrides this.`,
    pattern: targetVersionPattern(),
    patternErrorMessage: targetVersionChoices(),
  };
}

function readManifest(): Manifest {
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
}

/** Each part of package.json's target setting that differs from kb's, with kb's value; empty when none does. */
export function staleTargetSettingParts(): string[] {
  const schema = readManifest().contributes.configuration.properties[settingKey]!;
  return Object.entries(wantedSchema())
    .filter(([part, value]) => schema[part as keyof SettingSchema] !== value)
    .map(([part, value]) => `${part} should be ${JSON.stringify(value)}`);
}

/** Writes kb's pattern and texts into package.json's target setting. */
export function writeTargetSetting(): void {
  const manifest = readManifest();
  Object.assign(manifest.contributes.configuration.properties[settingKey]!, wantedSchema());
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
