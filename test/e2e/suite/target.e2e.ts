// What depends on the target Windows version, in a real VS Code: changing the setting re-checks the
// open files, after which `:latest` has one preferred fix, fix-all applies such fixes, the hover on
// a FROM line names the target and completion offers templates with the version filled in. Also the
// commands of the palette. Runs after extension.e2e.ts (files load in name order), whose tests
// expect no target; the setting is user-level, so no settings file is written into the fixtures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BASE_IMAGE_TAG, open, ours, poll, ruleId, show, waitForRule, waitForRuleGone } from './helpers';

const TARGET = 'ltsc2025';

async function fixesAt(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return all.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && !a.title.startsWith('Ignore '));
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('windowsContainers');
}

suite('Windows Containers extension with a target Windows version', () => {
  suiteTeardown(async () => {
    await settings().update('targetWindowsVersion', undefined, vscode.ConfigurationTarget.Global);
  });

  test('contributes its commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of ['windowsContainers.selectTargetVersion', 'windowsContainers.fixAll', 'windowsContainers.openRuleDocumentation']) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });

  test('setting the target re-checks open files: :latest then gets a preferred fix to the target', async () => {
    const document = await open('target/Dockerfile');
    const before = await waitForRule(document, BASE_IMAGE_TAG);
    const choices = await poll('quick fixes for :latest', async () => {
      const fixes = await fixesAt(document, before);
      return fixes.length > 0 ? fixes : undefined;
    });
    assert.deepEqual(choices.filter((a) => a.isPreferred).map((a) => a.title), [], 'without a target no tag is the obvious one');

    await settings().update('targetWindowsVersion', TARGET, vscode.ConfigurationTarget.Global);
    const preferred = await poll(
      `a preferred fix to ${TARGET} after the setting changed`,
      async () => {
        const diagnostic = ours(document.uri).find((d) => ruleId(d) === BASE_IMAGE_TAG);
        const fix = diagnostic && (await fixesAt(document, diagnostic)).find((a) => a.isPreferred);
        return fix && fix.title.includes(TARGET) ? fix : undefined;
      },
      () => show(document.uri),
    );
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    await waitForRuleGone(document, BASE_IMAGE_TAG);
    assert.equal(document.lineAt(0).text, `FROM mcr.microsoft.com/windows/servercore:${TARGET}`);
  });

  test('"Fix All Windows Container Problems in the File" fixes every stage', async () => {
    const document = await open('fix-all/Dockerfile');
    await poll('two :latest findings with a preferred fix', () => (ours(document.uri).filter((d) => ruleId(d) === BASE_IMAGE_TAG).length === 2 ? true : undefined), () => show(document.uri));
    await vscode.commands.executeCommand('windowsContainers.fixAll');
    await waitForRuleGone(document, BASE_IMAGE_TAG);
    const froms = document.getText().split('\n').filter((line) => line.startsWith('FROM '));
    assert.deepEqual(froms, [`FROM mcr.microsoft.com/windows/servercore:${TARGET} AS build`, `FROM mcr.microsoft.com/windows/nanoserver:${TARGET}`]);
  });

  test('the hover on a FROM line names the target hosts', async () => {
    const document = await open('target/Dockerfile');
    const position = new vscode.Position(0, 'FROM mcr'.length);
    const text = await poll(
      'a hover that names the target',
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        const contents = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        return contents.includes('Target hosts') ? contents : undefined;
      },
    );
    assert.match(text, /Target hosts: Windows Server 2025 \(build 10\.0\.26100\)/);
  });

  test('completion offers the templates with the target version filled in', async () => {
    const document = await open('templates/Dockerfile');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'win-servercore'));
    const template = await poll('the win-servercore template for the target', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt('win-servercore'.length));
      return list.items.find((item) => typeof item.label === 'object' && item.label.label === 'win-servercore' && item.label.description?.includes(TARGET));
    });
    const inserted = template.insertText instanceof vscode.SnippetString ? template.insertText.value : String(template.insertText);
    assert.match(inserted, new RegExp(`FROM mcr\\.microsoft\\.com/windows/servercore:${TARGET}\\n`), 'the version is filled in, not a choice');
  });

  test('"Open Rule Documentation" shows the rule page in the Markdown preview', async () => {
    await vscode.commands.executeCommand('windowsContainers.openRuleDocumentation', BASE_IMAGE_TAG);
    const label = await poll('a Markdown preview tab', () => {
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
      return tabs.find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'))?.label;
    });
    assert.match(label, /windows-base-image-tag/);
  });
});
