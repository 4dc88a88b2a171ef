// The language server: connection, documents and handler registration. The analysis session
// (engine/session.ts) keeps parses, analyses and the workspace index; lsp/checks.ts decides when
// to check and is the only publisher of diagnostics; requests only read analyses.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, hoverAt, type AssistContext } from './engine/assist';
import { configFileName } from './engine/config';
import { docsUrl, webDocsBase } from './engine/docs';
import { echo } from './engine/echo';
import { AnalysisSession, type AnalyzedDocument } from './engine/session';
import { OpenDocumentChecks } from './lsp/checks';
import { fixAllAction, fixAllKind, quickFixes } from './lsp/code-actions';
import { ConfigStore } from './lsp/config-store';
import { connect } from './lsp/connection';
import { noticeToDiagnostic } from './lsp/diagnostics';
import { openRuleDocumentationUri, settingsSection, targetChangedNotification, targetChoicesRequest, targetRequest, yamlValidationNotification, type TargetInfo } from './lsp/protocol';
import { SettingsPuller } from './lsp/settings';
import { WorkspaceIndexer } from './lsp/workspace-indexer';
import { allRules } from './rules';
import { shippedTemplates } from './shipped';
import type { Template } from './templates';
import { summarize, targetChoices } from './workspace/build';
import { WorkspaceIndex } from './workspace/index';

/** What the editor leaves out while another extension shows YAML syntax errors; the CLI always reports them. */
const shownByYamlExtension: ReadonlySet<string> = new Set(['yaml/syntax']);
const isConfigFile = (uri: string): boolean => uri.endsWith(`/${configFileName}`);

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigStore((message) => connection.console.warn(message));
  /** Set by the client at initialize: no link until it says where the pages are. */
  let ruleLink: (ruleId: string) => string | undefined = () => undefined;
  const session = new AnalysisSession({
    index: new WorkspaceIndex(),
    summarize,
    frontEnd: 'editor',
    rules: allRules,
    configFor: (uri) => configs.configFor(uri),
    describe: (uri) => configs.describe(uri),
  });
  const checks = new OpenDocumentChecks(session, {
    document: (uri) => documents.get(uri),
    publish: (params) => void connection.sendDiagnostics(params),
    error: (message) => connection.console.error(message),
    targetChanged: () => void connection.sendNotification(targetChangedNotification),
    ruleLink: (ruleId) => ruleLink(ruleId),
  });
  const indexer = new WorkspaceIndexer(session.index, {
    configFor: (folderUri) => configs.configForFolder(folderUri),
    excludesFor: (folderUri) => configs.excludesFor(folderUri),
    isOpen: (uri) => documents.get(uri) !== undefined,
    pendingChecks: () => checks.pending(),
    log: (message) => connection.console.info(message),
    changed: (topics) => checks.recheck(session.invalidatedBy(topics)),
  });
  const settings = new SettingsPuller(configs, {
    getConfiguration: (items) => connection.workspace.getConfiguration(items),
    warn: (message) => connection.console.warn(message),
    lateAnswer: () => revalidateAll(),
    failed: (what) => logFailure(what),
  });
  // Read on the first hover or completion, not at start-up.
  let templates: readonly Template[] | undefined;
  // Nothing is checked before the first settings arrive, so no finding flashes with the wrong severity.
  let settingsLoaded: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));

  /** For promises no caller awaits: a failure is logged, never an unhandled rejection. */
  const logFailure =
    (what: string) =>
    (error: unknown): void =>
      connection.console.error(`windows-containers: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const pullSettings = (): Promise<void> => settings.pull().catch((error) => connection.console.warn(`windows-containers: could not read settings: ${String(error)}`));

  function assistContext(uri: string): AssistContext {
    return { config: session.configFor(uri), today: new Date(), workspace: session.index.view(), templates: (templates ??= shippedTemplates()) };
  }

  function revalidateAll(): void {
    session.invalidateAll();
    for (const document of documents.all()) checks.schedule(document.uri, 0);
    publishConfigFileNotices();
    void connection.sendNotification(targetChangedNotification);
  }

  function publishConfigFileNotices(): void {
    for (const { uri, notices } of configs.fileNotices()) {
      // An open config file is reported from its editor buffer instead.
      if (documents.get(uri)) continue;
      void connection.sendDiagnostics({ uri, diagnostics: notices.map(noticeToDiagnostic) });
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { settings?: unknown; docsBaseUrl?: string; ruleLinks?: unknown; yamlValidatedElsewhere?: unknown };
    const hosted = typeof options.docsBaseUrl === 'string' ? webDocsBase(options.docsBaseUrl) : undefined;
    if (options.ruleLinks === 'command') ruleLink = openRuleDocumentationUri;
    else if (hosted !== undefined) ruleLink = (ruleId) => docsUrl(hosted, ruleId);
    if (options.yamlValidatedElsewhere === true) session.omitRules = shownByYamlExtension;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configs.setFolders(folders);
    if (options.settings !== undefined) configs.setGlobalSettings(options.settings);
    settings.enabled = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
      },
      serverInfo: { name: 'windows-containers-language-server' },
    };
  });

  connection.onInitialized(async () => {
    // Not awaited: a client that never answers them must not hold back the settings (which have
    // their own timeout) and with them every check. A client that refuses them only sends no
    // change events for them.
    if (settings.enabled) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: settingsSection }).catch(() => undefined);
    }
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${configFileName}` }] }).catch(() => undefined);
    await pullSettings();
    settingsLoaded();
    revalidateAll();
    indexer.scan(configs.folderUris).catch(logFailure('the workspace scan'));
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[settingsSection];
    if (pushed !== undefined && !settings.enabled) configs.setGlobalSettings(pushed);
    await pullSettings();
    revalidateAll();
  });

  connection.onNotification(yamlValidationNotification, (params: { validatedElsewhere?: unknown } | null) => {
    const next = params?.validatedElsewhere === true ? shownByYamlExtension : undefined;
    if (next === session.omitRules) return;
    session.omitRules = next;
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const uris = (Array.isArray(params?.changes) ? params.changes : []).map((change) => change?.uri).filter((uri): uri is string => typeof uri === 'string');
    if (uris.some(isConfigFile)) {
      configs.reloadFiles();
      revalidateAll();
      indexer.scan(configs.folderUris).catch(logFailure('the workspace scan'));
      return;
    }
    // An open document's buffer is already in the index; its file on disk is not the truth.
    indexer.queueFromDisk(uris.filter((uri) => !documents.get(uri)));
  });

  // TextDocuments reports an open as a content change too; the scheduler tells a first check from an edit.
  documents.onDidChangeContent((event) => void settingsReady.then(() => checks.schedule(event.document.uri)));
  documents.onDidSave((event) => {
    if (isConfigFile(event.document.uri)) {
      configs.reloadFiles();
      revalidateAll();
    }
  });
  documents.onDidClose((event) => {
    checks.forget(event.document.uri);
    session.close(event.document.uri);
    // Unsaved edits die with the buffer: the index goes back to what is on disk.
    indexer.updateFromDisk(event.document.uri).catch(logFailure(`reading ${echo(event.document.uri)}`));
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    if (isConfigFile(event.document.uri)) publishConfigFileNotices();
  });

  /**
   * Requests name an open document (anything else is the client's mistake and gets an error) and
   * read the analysis of its current version. A failure is logged and answered with `fallback`.
   */
  function answer<T>(what: string, params: { textDocument?: { uri?: unknown } } | null | undefined, fallback: T, reply: (document: TextDocument, analyzed: AnalyzedDocument) => T): T {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri is missing');
    const document = documents.get(uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `unknown document ${uri}: open it with textDocument/didOpen first`);
    try {
      return reply(document, checks.analysisFor(document));
    } catch (error) {
      connection.console.error(`windows-containers: ${what} failed for ${uri}: ${String(error)}`);
      return fallback;
    }
  }

  connection.onCodeAction((params) =>
    answer('code actions', params, [], (document, analyzed) => {
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
      const actions: CodeAction[] = wants(CodeActionKind.QuickFix) ? quickFixes(analyzed, params.context.diagnostics) : [];
      if (only?.some((requested) => fixAllKind.startsWith(requested))) {
        const fixAll = fixAllAction(analyzed, session.optionsFor(document.uri), fixAllKind);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    }),
  );

  connection.onHover((params) => answer('hover', params, null, (document, { analysis }) => hoverAt(analysis, params.position, assistContext(document.uri)) ?? null));

  connection.onCompletion((params) => answer('completion', params, [], (document, { analysis }) => completionsAt(analysis, document.getText(), params.position, assistContext(document.uri))));

  connection.onRequest(targetRequest, (params: { uri?: string }): TargetInfo => {
    const configured = params.uri ? configs.configFor(params.uri).target : undefined;
    const target = params.uri ? session.configFor(params.uri).target : undefined;
    return target ? { label: target.label, build: target.build, origin: target.origin, inferred: configured === undefined } : null;
  });

  connection.onRequest(targetChoicesRequest, () => targetChoices(new Date()));

  // The handlers catch what they expect; this only keeps a missed rejection from ending the process.
  process.on('unhandledRejection', logFailure('a background task'));

  documents.listen(connection);
  connection.listen();
}

startServer(connect());
