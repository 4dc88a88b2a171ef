// The VS Code side: starts the language server for Dockerfiles and YAML, shows the target Windows
// version in the status bar and lets the user pick it, and offers commands for fix-all and the rule
// documentation. Everything else happens in the server.
import * as path from 'node:path';
import {
  CodeActionKind,
  ConfigurationTarget,
  Range,
  StatusBarAlignment,
  Uri,
  commands,
  extensions,
  languages,
  window,
  workspace,
  type CodeAction,
  type Diagnostic,
  type ExtensionContext,
  type QuickPickItem,
} from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { dockerfileWatchPatterns } from '../../server/src/engine/file-names';
import { serverNodeFlags } from '../../server/src/lsp/node-flags';
import { diagnosticSource, openRuleDocumentationCommand, settingsSection, targetChangedNotification, targetChoicesRequest, targetRequest, yamlValidationNotification, type TargetChoice, type TargetInfo } from '../../server/src/lsp/protocol';


const checkedLanguages = new Set(['dockerfile', 'yaml']);
/** The server's fix-all code action kind (server/src/lsp/code-actions.ts). */
const fixAllKind = CodeActionKind.SourceFixAll.append(settingsSection);
let client: LanguageClient | undefined;

/**
 * Red Hat's YAML extension underlines YAML syntax errors itself while `yaml.validate` is on (its
 * default); the server then leaves out its own `yaml/syntax` finding, so no error shows twice.
 */
function yamlValidatedElsewhere(): boolean {
  return extensions.getExtension('redhat.vscode-yaml') !== undefined && workspace.getConfiguration('yaml').get<boolean>('validate', true) !== false;
}

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6011'] } },
  };
  let validatedElsewhere = yamlValidatedElsewhere();
  const clientOptions: LanguageClientOptions = {
    // A rule's code opens its shipped page in the Markdown preview, wherever the extension is installed.
    initializationOptions: { yamlValidatedElsewhere: validatedElsewhere, ruleLinks: 'command' },
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      // The workspace index follows these files on disk; the config file changes every check.
      fileEvents: workspace.createFileSystemWatcher(`**/{.wincontainers.yaml,${dockerfileWatchPatterns.join(',')},*.yaml,*.yml}`),
    },
  };
  const languageClient = new LanguageClient(settingsSection, 'Windows Containers', serverOptions, clientOptions);
  client = languageClient;

  const status = window.createStatusBarItem('windowsContainers.target', StatusBarAlignment.Right, 100);
  status.name = 'Windows Containers: target Windows version';
  status.command = 'windowsContainers.selectTargetVersion';
  context.subscriptions.push(status);

  const refreshStatus = async (): Promise<void> => {
    const document = window.activeTextEditor?.document;
    if (!document || !checkedLanguages.has(document.languageId)) {
      status.hide();
      return;
    }
    const target = await languageClient.sendRequest<TargetInfo>(targetRequest, { uri: document.uri.toString() });
    status.text = target ? `$(server-environment) Windows ${target.label}` : '$(server-environment) Windows: no target';
    status.tooltip = target
      ? `Target Windows version ${target.label} (10.0.${target.build}), ${target.inferred ? 'inferred from' : 'set in'} ${target.origin}. Click to change it.`
      : 'No target Windows version: base images are not checked against your hosts. Click to choose one.';
    status.show();
  };

  context.subscriptions.push(
    commands.registerCommand('windowsContainers.selectTargetVersion', async () => {
      const choices = await languageClient.sendRequest<TargetChoice[]>(targetChoicesRequest);
      const infer: QuickPickItem = { label: 'Infer from the workspace', description: 'clear the setting: use the windows-build selectors of your manifests' };
      const picked = await window.showQuickPick([...choices, infer], { placeHolder: 'Which Windows Server version do your container hosts run?' });
      if (!picked) return;
      const value = picked === infer ? undefined : picked.label;
      await workspace.getConfiguration(settingsSection).update('targetWindowsVersion', value, ConfigurationTarget.Workspace);
      const document = window.activeTextEditor?.document;
      const current = document ? await languageClient.sendRequest<TargetInfo>(targetRequest, { uri: document.uri.toString() }) : null;
      if (current && !current.inferred && current.origin === '.wincontainers.yaml') {
        void window.showInformationMessage('The target Windows version set in .wincontainers.yaml wins over the workspace setting; change it there.');
      }
    }),
    window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    commands.registerCommand('windowsContainers.fixAll', fixAllInActiveEditor),
    commands.registerCommand(openRuleDocumentationCommand, (ruleId?: unknown) => openRuleDocumentation(context, typeof ruleId === 'string' ? ruleId : undefined)),
  );

  await languageClient.start();
  const followYamlValidation = (): void => {
    const now = yamlValidatedElsewhere();
    if (now === validatedElsewhere) return;
    validatedElsewhere = now;
    void languageClient.sendNotification(yamlValidationNotification, { validatedElsewhere: now });
  };
  context.subscriptions.push(
    languageClient.onNotification(targetChangedNotification, () => void refreshStatus()),
    extensions.onDidChange(followYamlValidation),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('yaml.validate')) followYamlValidation();
    }),
  );
  await refreshStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Applies the server's fix-all action: every fix that is unambiguous and safe, in one edit. */
async function fixAllInActiveEditor(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || !checkedLanguages.has(editor.document.languageId)) {
    void window.showInformationMessage('Open a Dockerfile or a Kubernetes manifest to fix its Windows container problems.');
    return;
  }
  const document = editor.document;
  const whole = new Range(0, 0, document.lineCount, 0);
  const actions = (await commands.executeCommand<CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, fixAllKind.value)) ?? [];
  const fixAll = actions.find((action) => action.kind !== undefined && fixAllKind.contains(action.kind));
  if (!fixAll?.edit) {
    void window.showInformationMessage('No Windows container problem in this file has an automatic fix.');
    return;
  }
  if (!(await workspace.applyEdit(fixAll.edit))) void window.showWarningMessage('The Windows container fixes could not be applied: the file changed meanwhile. Try again.');
}

/** The rule id: `code`, or `{ value, target }` as the language client converts code + codeDescription. */
function ruleOf(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.source !== diagnosticSource || diagnostic.code === undefined) return undefined;
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

interface RulePage extends QuickPickItem {
  id: string;
  uri: Uri;
}

/** Every shipped rule page: docs/rules/<namespace>/<name>.md, its second paragraph is the rule's description. */
async function shippedRulePages(context: ExtensionContext): Promise<RulePage[]> {
  const root = Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const pages: RulePage[] = [];
  for (const language of ['dockerfile', 'kubernetes', 'yaml']) {
    const folder = Uri.joinPath(root, language);
    const entries = await workspace.fs.readDirectory(folder).then(
      (list) => list,
      () => [] as Array<[string, number]>,
    );
    for (const [name] of entries.filter(([file]) => file.endsWith('.md')).sort()) {
      const uri = Uri.joinPath(folder, name);
      const text = new TextDecoder().decode(await workspace.fs.readFile(uri));
      const description = text.split(/\r?\n\r?\n/)[1]?.trim() ?? '';
      pages.push({ id: `${language}/${name.slice(0, -'.md'.length)}`, label: `${language}/${name.slice(0, -'.md'.length)}`, detail: description, uri });
    }
  }
  return pages;
}

/**
 * Opens a rule's page in the Markdown preview: the given rule, else the rule of the diagnostic under
 * the cursor, else one the user picks (rules reported in the current file first).
 */
async function openRuleDocumentation(context: ExtensionContext, ruleId: string | undefined): Promise<void> {
  const pages = await shippedRulePages(context);
  const editor = window.activeTextEditor;
  const reported = editor ? languages.getDiagnostics(editor.document.uri).flatMap((d) => (ruleOf(d) ? [{ diagnostic: d, rule: ruleOf(d)! }] : [])) : [];
  const underCursor = editor ? reported.find(({ diagnostic }) => diagnostic.range.contains(editor.selection.active)) : undefined;
  let id = ruleId ?? underCursor?.rule;
  if (id === undefined) {
    const inFile = new Set(reported.map(({ rule }) => rule));
    const items: QuickPickItem[] = [
      ...pages.filter((page) => inFile.has(page.id)).map((page) => ({ ...page, description: 'reported in this file' })),
      ...pages.filter((page) => !inFile.has(page.id)),
    ];
    const picked = (await window.showQuickPick(items, { placeHolder: 'Which rule?', matchOnDetail: true })) as RulePage | undefined;
    if (!picked) return;
    id = picked.id;
  }
  const page = pages.find((candidate) => candidate.id === id)?.uri;
  if (!page) {
    void window.showWarningMessage(`No documentation page for ${id}.`);
    return;
  }
  await commands.executeCommand('markdown.showPreview', page);
}
