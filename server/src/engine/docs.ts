// Where a rule's documentation page lives. The extension ships docs/rules/, so the default is a
// file URL next to the running code (works offline); a front end may point at hosted pages instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

let docsBase: string | undefined;

function findShippedDocs(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return pathToFileURL(candidate).href + '/';
    dir = dirname(dir);
  }
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href + '/';
}

export function setDocsBase(base: string | undefined): void {
  docsBase = base === undefined ? undefined : base.endsWith('/') ? base : base + '/';
}

/** `dockerfile/windows-base-image-tag` -> `<base>dockerfile/windows-base-image-tag.md` */
export function docsUrl(ruleId: string): string {
  docsBase ??= findShippedDocs();
  return `${docsBase}${ruleId}.md`;
}
