// Shared by the e2e suites: the extension's identity, polling with a deadline, fixture access and
// reading our diagnostics and quick fixes the way a user meets them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'windows-containers.windows-containers';
export const SOURCE = 'windows-containers';
export const BASE_IMAGE_TAG = 'dockerfile/windows-base-image-tag';
export const NODE_SELECTOR = 'kubernetes/windows-node-selector';

// Generous: the first diagnostic also waits for the language server to start on a busy CI machine.
export const DEADLINE_MS = 30_000;
const POLL_INTERVAL_MS = 50;

export async function poll<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, describe?: () => string): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${DEADLINE_MS / 1000} s waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

export function fixture(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace (test/e2e/workspace) is not open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function open(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixture(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The LSP client turns code + codeDescription into `{ value, target }`; plain servers send a string. */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function show(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length === 0 ? 'no diagnostics' : all.map((d) => `[${d.source}] ${ruleId(d)} at ${rangeText(d.range)}: ${d.message}`).join(' | ');
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function waitForRule(document: vscode.TextDocument, id: string): Promise<vscode.Diagnostic> {
  return poll(
    `${id} on ${vscode.workspace.asRelativePath(document.uri)}`,
    () => ours(document.uri).find((d) => ruleId(d) === id),
    () => show(document.uri),
  );
}

export function waitForRuleGone(document: vscode.TextDocument, id: string): Promise<true> {
  return poll(
    `${id} to disappear from ${vscode.workspace.asRelativePath(document.uri)}`,
    () => (ours(document.uri).some((d) => ruleId(d) === id) ? undefined : true),
    () => show(document.uri),
  );
}

/**
 * The quick fix the light bulb offers first at the diagnostic's range (the only diagnostic there is
 * ours). The "Ignore <rule> here" action is left out on purpose: it also makes the diagnostic
 * disappear, but says nothing about the fix. executeCodeActionProvider does not return the
 * actions' `diagnostics`, so the range is what ties them to the diagnostic.
 */
export async function quickFixFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await poll(`quick fixes for ${ruleId(diagnostic)}`, async () => {
    const all = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = all.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && !a.title.startsWith('Ignore '));
    return fixes.length > 0 ? fixes : undefined;
  });
  return actions.find((a) => a.isPreferred) ?? actions[0]!;
}

/** The rule id in the Problems panel is a link; it runs the command that opens the rule's shipped page. */
export function assertDocsLink(diagnostic: vscode.Diagnostic): void {
  const code = diagnostic.code;
  assert.ok(typeof code === 'object', `${ruleId(diagnostic)} has no docs link (codeDescription.href)`);
  const { target } = code;
  assert.equal(`${target.scheme}:${target.path}`, 'command:windowsContainers.openRuleDocumentation', `${ruleId(diagnostic)} links to ${target.toString()}`);
  assert.deepEqual(JSON.parse(target.query), [ruleId(diagnostic)]);
}
