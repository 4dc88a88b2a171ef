// What the extension and the npm package ship beside the code: the rule pages and the snippet files.
// Found once by a front end at start and handed to the engine, which reads no files itself.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { snippetFiles, templatesFrom, type SnippetEntry, type Template, type TemplateLanguage } from './templates';

/** The shipped snippets/ folder: next to dist/ in the extension and the npm package, at the repository root in a checkout. */
function findSnippetsDir(): string | undefined {
  for (let dir = __dirname, depth = 0; depth < 6; depth++, dir = dirname(dir)) {
    const candidate = join(dir, 'snippets');
    if (existsSync(join(candidate, snippetFiles.dockerfile))) return candidate;
  }
  return undefined;
}

/** The templates of the shipped snippet files; none when the files cannot be found or read. */
export function shippedTemplates(): Template[] {
  const dir = findSnippetsDir();
  return dir
    ? (Object.keys(snippetFiles) as TemplateLanguage[]).flatMap((language) =>
        templatesFrom(language, JSON.parse(readFileSync(join(dir, snippetFiles[language]), 'utf8')) as Record<string, SnippetEntry>),
      )
    : [];
}
