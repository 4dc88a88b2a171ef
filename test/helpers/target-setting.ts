// The target setting in package.json is static text VS Code reads without running the extension:
// this compares it with what kb makes of the release data, naming each part that differs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { targetVersionChoices, targetVersionPattern } from '../../server/src/kb';

interface SettingSchema {
  markdownDescription?: string;
  pattern?: string;
  patternErrorMessage?: string;
}

const manifestPath = join(__dirname, '..', '..', '..', 'package.json');

/** The windowsContainers.targetWindowsVersion entry of package.json, as on disk. */
export function targetSettingSchema(): SettingSchema {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingSchema> } } };
  return manifest.contributes.configuration.properties['windowsContainers.targetWindowsVersion']!;
}

/** What package.json should say: each differing part with the value kb gives, empty when none differs. */
export function staleTargetSettingParts(schema: SettingSchema): string[] {
  const wanted = {
    pattern: targetVersionPattern(),
    patternErrorMessage: targetVersionChoices(),
    markdownDescription: `The Windows version your container hosts run: ${targetVersionChoices((value) => `\`${value}\``)}.`,
  };
  return [
    ...(schema.pattern === wanted.pattern ? [] : [`pattern should be ${JSON.stringify(wanted.pattern)}`]),
    ...(schema.patternErrorMessage === wanted.patternErrorMessage ? [] : [`patternErrorMessage should be ${JSON.stringify(wanted.patternErrorMessage)}`]),
    ...(schema.markdownDescription?.startsWith(wanted.markdownDescription) ? [] : [`markdownDescription should start ${JSON.stringify(wanted.markdownDescription)}`]),
  ];
}
