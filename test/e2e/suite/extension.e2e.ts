// What a user of the extension sees in a real VS Code: activation, squiggles with a rule id that
// links to its docs, quick fixes that make them go away, silence on Linux images, and snippets.
// target.e2e.ts runs after this file and covers what depends on the target Windows version.
// The rule ids, the diagnostic source and the docs link are the contract with the language server.
//
// The language server answers asynchronously, so every expectation polls with a deadline.
// Fixtures live in test/e2e/workspace/; no test saves a document, so they never change on disk,
// and no two tests edit the same file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import { BASE_IMAGE_TAG, EXTENSION_ID, NODE_SELECTOR, assertDocsLink, open, ours, poll, quickFixFor, rangeText, show, waitForRule, waitForRuleGone } from './helpers';

suite('Windows Containers extension', () => {
  test('activates when a Kubernetes manifest is opened, and on Dockerfiles', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test instance`);
    // The first file of the run is YAML, so this activation came from onLanguage:yaml.
    assert.equal(extension.isActive, false, 'the extension activated before any file was opened');
    const manifest = await open('kubernetes/windows-deployment.yaml');
    assert.equal(manifest.languageId, 'yaml');
    await poll(`${EXTENSION_ID} to activate`, () => (extension.isActive ? true : undefined));
    // One activation per window: the Dockerfile event is checked in the manifest, its effect below.
    const events = (extension.packageJSON as { activationEvents: string[] }).activationEvents;
    assert.ok(events.includes('onLanguage:dockerfile') && events.includes('onLanguage:yaml'), events.join(', '));
    assert.equal((await open('linux/Dockerfile')).languageId, 'dockerfile');
  });

  test('flags the :latest tag of a Windows base image, linking to the rule docs', async () => {
    const document = await open('windows-servercore/Dockerfile');
    const diagnostic = await waitForRule(document, BASE_IMAGE_TAG);

    const line = document.lineAt(0).text;
    const tagStart = line.indexOf(':latest') + 1;
    assert.deepEqual(
      rangeText(diagnostic.range),
      rangeText(new vscode.Range(0, tagStart, 0, tagStart + 'latest'.length)),
      `the diagnostic should underline the tag in "${line}"`,
    );
    assertDocsLink(diagnostic);
  });

  test('quick fix pins the Windows base image tag and clears the diagnostic', async () => {
    const document = await open('windows-servercore/Dockerfile');
    const diagnostic = await waitForRule(document, BASE_IMAGE_TAG);
    const fix = await quickFixFor(document, diagnostic);

    assert.ok(await vscode.workspace.applyEdit(fix.edit!), `applying "${fix.title}" failed`);
    await waitForRuleGone(document, BASE_IMAGE_TAG);
    const from = document.lineAt(0).text;
    assert.match(from, /^FROM mcr\.microsoft\.com\/windows\/servercore:\S+$/, `"${fix.title}" should keep a tagged FROM line`);
    assert.doesNotMatch(from, /:latest$/i, `"${fix.title}" left the tag at latest`);
  });

  test('flags a Windows Deployment without an OS node selector, and the quick fix adds it', async () => {
    const document = await open('kubernetes/windows-deployment.yaml');
    const diagnostic = await waitForRule(document, NODE_SELECTOR);
    assertDocsLink(diagnostic);
    const fix = await quickFixFor(document, diagnostic);

    assert.ok(await vscode.workspace.applyEdit(fix.edit!), `applying "${fix.title}" failed`);
    await waitForRuleGone(document, NODE_SELECTOR);
    const manifest = parseYaml(document.getText()) as { spec: { template: { spec: { nodeSelector?: Record<string, string> } } } };
    assert.deepEqual(manifest.spec.template.spec.nodeSelector, { 'kubernetes.io/os': 'windows' }, `"${fix.title}" produced:\n${document.getText()}`);
  });

  test('leaves a Linux Dockerfile alone', async () => {
    // Opened before the Windows one: once the server has published for the later document, it has
    // had its turn at the earlier one, so "no diagnostic" is an answer, not a race.
    const linux = await open('linux/Dockerfile');
    const windows = await open('windows-nanoserver/Dockerfile');
    await waitForRule(windows, BASE_IMAGE_TAG);
    assert.deepEqual(ours(linux.uri), [], `unexpected diagnostics on FROM ubuntu: ${show(linux.uri)}`);
  });

  test('checks Dockerfile_windows as a Dockerfile, and leaves the Dockerfile.md that documents it to Markdown', async () => {
    const notes = await open('names/Dockerfile.md');
    const windows = await open('names/Dockerfile_windows');
    assert.equal(windows.languageId, 'dockerfile');
    assert.equal(notes.languageId, 'markdown');
    await waitForRule(windows, BASE_IMAGE_TAG);
    assert.deepEqual(ours(notes.uri), [], `unexpected diagnostics on Dockerfile.md: ${show(notes.uri)}`);
  });

  test('contributes snippets that VS Code offers while typing', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributed = (extension.packageJSON as { contributes?: { snippets?: Array<{ language: string; path: string }> } }).contributes?.snippets ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no snippets');

    for (const { language, path } of contributed) {
      const file = vscode.Uri.joinPath(extension.extensionUri, path);
      const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string | string[] }>;
      const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
      assert.ok(prefixes.length > 0, `${path} defines no snippet`);

      // What a user gets after typing the first prefix in a file of that language.
      const prefix = prefixes[0]!;
      const document = await vscode.workspace.openTextDocument({ language, content: prefix });
      await poll(`the ${language} snippet "${prefix}" among the completions`, async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          document.positionAt(prefix.length),
        );
        const snippetLabels = list.items
          .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
          .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        return snippetLabels.includes(prefix) ? true : undefined;
      });
    }
  });

  test('a Kubernetes snippet pairs the windows-build label with the image tag once the version is picked', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const file = vscode.Uri.joinPath(extension.extensionUri, 'snippets', 'yaml.json');
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string; body: string[] }>;
    const deployment = Object.values(snippets).find((s) => s.prefix === 'win-deployment');
    assert.ok(deployment, 'no win-deployment snippet');

    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(deployment.body.join('\n'))), 'insertSnippet failed');
    // VS Code applies a placeholder's transforms when the cursor leaves it: Tab past the version choice.
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    const text = await poll('the windows-build label to follow the version', () => {
      const current = document.getText();
      return /windows-build: "10\.0\.26100"/.test(current) ? current : undefined;
    }, () => document.getText());
    assert.match(text, /image: mcr\.microsoft\.com\/windows\/servercore\/iis:windowsservercore-ltsc2025\n/);
    await vscode.commands.executeCommand('leaveSnippet');
  });
});
