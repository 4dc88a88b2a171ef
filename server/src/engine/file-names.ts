// The one definition of a Dockerfile's name: folder walks, the language server's index and the CLI
// use it through fileKind, the extension's file watcher through dockerfileWatchPatterns, and
// test/package/package.test.ts checks that the extension's language contribution agrees with it.
// No imports: the extension bundles this file.

/**
 * `Dockerfile` or `Containerfile`, alone or followed by `.`, `-` or `_` and a suffix
 * (`Dockerfile.windows`, `Dockerfile-windows`, and `Dockerfile_windows` as in Kubernetes' own
 * Windows test images), or `<name>.Dockerfile`, in any case.
 */
const dockerfileName = /^(?:dockerfile|containerfile)(?:[._-].*)?$|\.(?:dockerfile|containerfile)$/i;

/**
 * A last extension that makes `Dockerfile.<suffix>` something else. hadolint and VS Code's
 * `Dockerfile.*` association take every such name, but `Dockerfile.md` is the image's
 * documentation, `Dockerfile.ps1` or `.sh` a script it runs, `dockerfile.go` and
 * `dockerfile_test.go` source code (BuildKit has both): read as Dockerfiles, they get findings for
 * problems they cannot have. The Docker extension for VS Code kept `Dockerfile.*` out for years
 * for this reason (microsoft/vscode-docker#134, #1907). A YAML suffix makes a YAML file, which is
 * checked as a manifest. A template is not a Dockerfile until it is filled in.
 */
export const otherLanguageExtensions: readonly string[] = [
  'md', 'markdown', 'txt', 'sh', 'bash', 'ps1', 'psm1', 'bat', 'cmd', 'py', 'js', 'ts', 'go', 'cs', 'json', 'yaml', 'yml',
  // BuildKit's per-Dockerfile ignore file (`Dockerfile.dockerignore`), and templates that a script
  // turns into Dockerfiles (docker-library's `Dockerfile-windows-servercore.template`, Jinja, ERB).
  'dockerignore', 'template', 'tmpl', 'tpl', 'j2', 'jinja', 'jinja2', 'erb', 'mustache', 'hbs',
];

const otherLanguageSuffix = new RegExp(`\\.(?:${otherLanguageExtensions.join('|')})$`, 'i');

/** Whether a file name (no folder) is a Dockerfile's. */
export function isDockerfileName(name: string): boolean {
  return dockerfileName.test(name) && !otherLanguageSuffix.test(name);
}

/**
 * Globs of file names for the editor's file watcher. Watcher globs are case-sensitive on Linux
 * (language associations are not), so they spell out the cases people write; the server sorts the
 * events with fileKind, so they may take more names than it reads, never fewer.
 */
export const dockerfileWatchPatterns: readonly string[] = ['[Dd]ockerfile', '[Cc]ontainerfile'].flatMap((stem) => [stem, `${stem}.*`, `${stem}-*`, `${stem}_*`, `*.${stem}`]);
