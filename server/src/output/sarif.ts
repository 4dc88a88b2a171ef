// SARIF 2.1.0 output, as GitHub code scanning and Azure DevOps read it: every rule listed once,
// results with relative paths under %SRCROOT%, 1-based regions, and each file that was not checked
// as a tool execution notification.
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../engine/docs';
import { defaultSeverity, type AnyRule, type Finding, type Notice, type Severity } from '../engine/types';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const artifactLocation = (path: string): { uri: string; uriBaseId: string } => ({ uri: path.split('\\').join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' });

/** `problems`: the inputs that could not be read at all (a missing path, a FIFO, an unreadable folder), one line each. */
export function toSarif(results: ReadonlyArray<{ path: string; findings: Finding[]; notChecked?: Notice }>, cwd: string, rules: readonly AnyRule[], version: string, docsBase: string | undefined, problems: readonly string[] = []): string {
  const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'wincontainers',
            version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.split('/')[1],
              shortDescription: { text: rule.meta.description },
              ...(docsBase === undefined ? {} : { helpUri: docsUrl(docsBase, rule.id) }),
              defaultConfiguration: { level: levels[defaultSeverity(rule.meta, 'cli')] },
              properties: { tags: [rule.id.slice(0, rule.id.indexOf('/')), rule.meta.type] },
            })),
          },
        },
        // A file it did not check makes the results incomplete, which SARIF says with a notification of
        // level "error" (appendix I). An input it could not read at all fails the run (the CLI exits 2),
        // so code scanning does not show it as a clean, successful one.
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            toolExecutionNotifications: [
              ...problems.map((problem) => ({ level: 'error', message: { text: problem } })),
              ...results.flatMap(({ path, notChecked }) =>
                notChecked ? [{ level: 'error', message: { text: notChecked.message }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(path) } }] }] : [],
              ),
            ],
          },
        ],
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href } },
        results: results.flatMap(({ path, findings }) =>
          findings.map((finding) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: levels[finding.severity],
            message: { text: finding.message },
            // Which of the rule's messages it is, for tools that group results without reading the text.
            properties: { messageId: finding.messageId },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(path),
                  region: {
                    startLine: finding.range.start.line + 1,
                    startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1,
                    endColumn: finding.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
