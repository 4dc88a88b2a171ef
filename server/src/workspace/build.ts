// Filling the workspace index, the same way for the CLI and the language server.
import { pathToFileURL } from 'node:url';
import type { FileSummary } from '../core/summary';
import { filePathOf } from '../core/uri';
import { fileKind } from '../engine/files';
import { isTooLarge, parse, type ParsedDocument } from '../engine/runner';
import { describeRelease, supportedLtscReleases } from '../kb';
import { parseDockerfile } from '../languages/dockerfile/model';
import { stagesOnly } from '../languages/dockerfile/stages-only';
import { runSteps, summarizeDockerfile, summarizeYaml, summarizeYamlText } from './summary';

export function summarize(parsed: ParsedDocument): FileSummary | undefined {
  const { uri } = parsed.document;
  // A document with no local path is checked from its text, but no other file can refer to it.
  const path = filePathOf(uri);
  if (path === undefined) return undefined;
  if (parsed.dockerfile) return summarizeDockerfile(path, uri, parsed.dockerfile);
  if (parsed.kubernetes) return summarizeYaml(path, uri, parsed.kubernetes);
  return undefined;
}

/**
 * A closed file's summary: a Dockerfile is parsed for its stages only, which is all a summary
 * holds; a YAML stream one document at a time, so no more than one document's nodes are alive.
 */
export function summarizeText(path: string, text: string): FileSummary | undefined {
  return runSteps(summarizeTextSteps(path, text));
}

/** summarizeText, yielding after each YAML document so that a long stream need not hold up other work. */
export function* summarizeTextSteps(path: string, text: string): Generator<void, FileSummary | undefined> {
  const uri = pathToFileURL(path).href;
  if (fileKind(path) === 'dockerfile' && !isTooLarge(text)) {
    const stages = stagesOnly(text);
    if (stages !== undefined) return summarizeDockerfile(path, uri, parseDockerfile(stages));
  }
  if (fileKind(uri) === 'kubernetes' && !isTooLarge(text)) return yield* summarizeYamlText(path, uri, text);
  return summarize(parse({ uri, text }));
}

/** LTSC releases whose Server Core images are still supported: what a user can target, newest first. */
export function targetChoices(today: Date): Array<{ label: string; description: string }> {
  return supportedLtscReleases(today)
    .reverse()
    .map((release) => ({ label: release.id, description: describeRelease(release.build) }));
}
