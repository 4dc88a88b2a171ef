// Docker image references as Docker itself splits them: registry, repository, tag, digest.

export interface ImageReference {
  /** As written. */
  raw: string;
  /** 'docker.io' when none is given (also for 'index.docker.io'), else the host, lower case. */
  registry: string;
  /** Path without registry; Docker Hub single-name images get 'library/'. Case kept as written. */
  repository: string;
  tag?: string;
  digest?: string;
}

const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-f]{32,}$/i;
// Docker requires lower case; upper case is accepted so rules can report it rather than lose the image.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/i;
const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d+)?$/i;

/**
 * undefined when the text is empty, 'scratch', or still contains unresolved variables ($, ${...})
 * or Go/Helm template markers ({{).
 */
export function parseImageReference(text: string): ImageReference | undefined {
  const s = text.trim();
  if (!s || s.toLowerCase() === 'scratch' || /[${}]/.test(s)) return undefined;

  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }

  const parts = rest.split('/');
  let registry = 'docker.io';
  // Docker's rule: the first component is a registry host when it has a '.' or ':' or is localhost.
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) {
    const host = parts.shift() as string;
    if (!HOST.test(host)) return undefined;
    registry = host.toLowerCase();
  }
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (!parts.every((p) => PATH_COMPONENT.test(p))) return undefined;

  const repository = registry === 'docker.io' && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
  return { raw: text, registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}
