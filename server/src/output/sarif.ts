// SARIF 2.1.0 output, as GitHub code scanning and Azure DevOps read it: every rule listed once,
// results with relative paths under %SRCROOT%, 1-based regions, and each file that was not checked
// as a tool execution notification.
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../engine/docs';
import { defaultSeverity, type AnyRule, type Finding, type Notice, type Severity } from '../engine/types';
import { findingFingerprints } from './fingerprint';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub code scanning's `problem.severity`, which orders and filters its alerts. */
const problemSeverities: Record<Severity, 'error' | 'warning' | 'recommendation'> = { error: 'error', warning: 'warning', info: 'recommendation', hint: 'recommendation' };
/** Versioned: a change to what the fingerprint hashes must not match old alerts to new ones. */
const fingerprintKey = 'wincontainers/v1';

const markdownLink = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/**
 * The page's links to other pages are relative (`../kubernetes/x.md`), which mean nothing in code
 * scanning: made absolute under the hosted pages, else reduced to their text.
 */
function helpMarkdown(page: string, ruleId: string, docsBase: string | undefined): string {
  return page.replace(markdownLink, (whole, text: string, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
    return docsBase === undefined ? text : `[${text}](${new URL(target, docsUrl(docsBase, ruleId)).href})`;
  });
}

/** The page's "Why" section without its links' targets: what the rule is about beyond its one line. */
function whySection(page: string): string | undefined {
  const why = page.split(/\r?\n## Why\r?\n/)[1]?.split(/\r?\n## /)[0]?.trim();
  return why ? why.replace(markdownLink, '$1') : undefined;
}

function ruleDescriptor(rule: AnyRule, docsBase: string | undefined, page: string | undefined): object {
  const severity = defaultSeverity(rule.meta, 'cli');
  const help = page === undefined ? undefined : helpMarkdown(page, rule.id, docsBase);
  return {
    id: rule.id,
    name: rule.id.split('/')[1],
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: (page && whySection(page)) ?? rule.meta.description },
    ...(docsBase === undefined ? {} : { helpUri: docsUrl(docsBase, rule.id) }),
    // The shipped page itself, so code scanning shows why and how to fix without a link to follow.
    ...(help === undefined ? {} : { help: { text: help, markdown: help } }),
    defaultConfiguration: { level: levels[severity] },
    properties: {
      tags: [rule.id.slice(0, rule.id.indexOf('/')), rule.meta.type],
      // Every rule reports only what its facts make certain (a false positive is a bug), but none is
      // proven on every Dockerfile there is: "high", not "very-high".
      precision: 'high',
      'problem.severity': problemSeverities[severity],
    },
  };
}

const artifactLocation = (path: string): { uri: string; uriBaseId: string } => ({ uri: path.split('\\').join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' });

export interface SarifRun {
  results: ReadonlyArray<{ path: string; findings: Finding[]; textHashes: readonly string[]; notChecked?: Notice }>;
  cwd: string;
  rules: readonly AnyRule[];
  version: string;
  /** Where the rule pages are hosted; no helpUri without it. */
  docsBase: string | undefined;
  /** Rule id -> its shipped page, as Markdown. */
  pages: ReadonlyMap<string, string>;
  /** The inputs that could not be read at all (a missing path, a FIFO, an unreadable folder), one line each. */
  problems: readonly string[];
}

export function toSarif({ results, cwd, rules, version, docsBase, pages, problems }: SarifRun): string {
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
            rules: rules.map((rule) => ruleDescriptor(rule, docsBase, pages.get(rule.id))),
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
        results: results.flatMap(({ path, findings, textHashes }) => {
          const fingerprints = findingFingerprints(path, findings, textHashes);
          return findings.map((finding, index) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: levels[finding.severity],
            message: { text: finding.message },
            // Stable when lines are added above: code scanning keeps the alert instead of closing and reopening it.
            partialFingerprints: { [fingerprintKey]: fingerprints[index] },
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
          }));
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
