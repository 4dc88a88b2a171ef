// Wording shared by the cross-file rules: how a Windows build and a file are named in messages.
import { basename } from 'node:path';
import { releaseForBuild } from '../kb';
import { filePathOf } from '../core/uri';

/** "10.0.17763 (Windows Server 2019, version 1809)" */
export function describeBuild(build: number): string {
  const release = releaseForBuild(build);
  return release ? `10.0.${build} (${release.name.replace(/ \((.*)\)$/, ', $1')})` : `10.0.${build}`;
}

export function fileName(uri: string): string {
  return basename(filePathOf(uri) ?? uri);
}
