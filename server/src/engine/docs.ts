// Where a rule's documentation page lives: under a base the front end chooses, the shipped
// docs/rules/ folder (works offline) or hosted pages.

/** The base as given, ending in a slash. */
export function docsBaseFrom(base: string): string {
  return base.endsWith('/') ? base : base + '/';
}

/** `dockerfile/windows-base-image-tag` -> `<base>dockerfile/windows-base-image-tag.md` */
export function docsUrl(docsBase: string, ruleId: string): string {
  return `${docsBase}${ruleId}.md`;
}
