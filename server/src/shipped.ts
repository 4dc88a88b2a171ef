// What the extension and the npm package ship beside the code: the rule pages and the snippet files.
// Found once by a front end at start and handed to the engine, which reads no files itself.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetFiles, templatesFrom, type SnippetEntry, type Template, type TemplateLanguage } from './templates';

/**
 * A shipped folder (`docs/rules`, `snippets`): next to dist/ in the extension and the npm package, at
 * the repository root in a checkout. Found by an entry it must hold, so a same-named folder elsewhere is not taken.
 */
function findShippedDir(folder: string, entry: string): string | undefined {
  for (let dir = __dirname, depth = 0; depth < 6; depth++, dir = dirname(dir)) {
    const candidate = join(dir, folder);
    if (existsSync(join(candidate, entry))) return candidate;
  }
  return undefined;
}

/** Each rule's page (docs/rules/<rule id>.md) as Markdown; a rule whose page cannot be read is left out. */
export function shippedRulePages(ruleIds: readonly string[]): Map<string, string> {
  const dir = findShippedDir(join('docs', 'rules'), 'dockerfile');
  const pages = new Map<string, string>();
  if (!dir) return pages;
  for (const id of ruleIds) {
    try {
      pages.set(id, readFileSync(join(dir, `${id}.md`), 'utf8'));
    } catch {
      // A page missing from an install costs that rule its help text, not the run.
    }
  }
  return pages;
}

/** The templates of the shipped snippet files; none when the files cannot be found or read. */
export function shippedTemplates(): Template[] {
  const dir = findShippedDir('snippets', snippetFiles.dockerfile);
  return dir
    ? (Object.keys(snippetFiles) as TemplateLanguage[]).flatMap((language) =>
        templatesFrom(language, JSON.parse(readFileSync(join(dir, snippetFiles[language]), 'utf8')) as Record<string, SnippetEntry>),
      )
    : [];
}
