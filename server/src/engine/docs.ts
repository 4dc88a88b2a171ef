// Where a rule's documentation page lives on the web, when the user says where the pages are hosted.
// Reports never link to a local path: a file:// link into one machine's install is useless in code
// scanning, in a CI log or on another machine.

/** An http(s) base as given, ending in a slash; undefined for anything else. */
export function webDocsBase(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return text.endsWith('/') ? text : text + '/';
}

/** `dockerfile/windows-base-image-tag` -> `<base>dockerfile/windows-base-image-tag.md`, as the docs/rules/ folder is laid out. */
export function docsUrl(docsBase: string, ruleId: string): string {
  return `${docsBase}${ruleId}.md`;
}
