// File names people give Dockerfiles, and names that only look like one, for the tests of every
// place that finds Dockerfiles by name: folder walks, the language server's index, the CLI and the
// extension's language contribution.
import { otherLanguageExtensions } from '../../server/src/engine/file-names';

/** Each form the name rule takes, in the cases people write (Kubernetes' Windows test images use `Dockerfile_windows`). */
export const dockerfileNames: readonly string[] = [
  ...['Dockerfile', 'dockerfile', 'Containerfile', 'containerfile'].flatMap((stem) => [stem, `${stem}.windows`, `${stem}-ltsc2022`, `${stem}_windows`]),
  'DOCKERFILE',
  'Dockerfile.windows.bak',
  'Dockerfile.',
  'web.Dockerfile',
  'web.dockerfile',
  'api.Containerfile',
  'api.containerfile',
];

/** Names that contain a Dockerfile's name but are something else. */
export const notDockerfileNames: readonly string[] = [
  'Dockerfiles',
  'mydockerfile',
  'Dockerfile.windows.md',
  'dockerfile_test.go',
  'dockerfile.yml',
  ...otherLanguageExtensions.flatMap((extension) => [`Dockerfile.${extension}`, `containerfile-build.${extension.toUpperCase()}`]),
];
