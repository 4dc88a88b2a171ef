// What the extension and the server say to each other beyond LSP itself: one definition for both
// sides (the client bundles this file), so a renamed request cannot leave the other side deaf.

/** The settings section, and the last part of the fix-all code action kind (`source.fixAll.windowsContainers`). */
export const settingsSection = 'windowsContainers';
/** The `source` of every diagnostic the server publishes: how the client tells its own. */
export const diagnosticSource = 'windows-containers';

/** Client request: the target Windows version for a document and where it comes from (the status bar shows it). */
export const targetRequest = 'windowsContainers/target';
export type TargetInfo = { label: string; build: number; origin: string; inferred: boolean } | null;
/** Client request: the Windows versions a user can target today, newest first. */
export const targetChoicesRequest = 'windowsContainers/targetChoices';
export type TargetChoice = { label: string; description: string };
/** Server notification: the inferred target may have changed. */
export const targetChangedNotification = 'windowsContainers/didChangeTarget';
/**
 * Client notification, `{ validatedElsewhere: boolean }`, also an initialization option
 * (`yamlValidatedElsewhere`): whether another extension (Red Hat's YAML) shows YAML syntax errors.
 */
export const yamlValidationNotification = 'windowsContainers/didChangeYamlValidation';

/** The command that opens a rule's page in the Markdown preview, with the rule id as its argument. */
export const openRuleDocumentationCommand = 'windowsContainers.openRuleDocumentation';
/**
 * Initialization option `ruleLinks: "command"`: a diagnostic's code links to that command, which
 * VS Code runs from the hover and the Problems view; other clients get a link only from a hosted
 * `docsBaseUrl`, never a path into the server's install.
 */
export function openRuleDocumentationUri(ruleId: string): string {
  return `command:${openRuleDocumentationCommand}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}
