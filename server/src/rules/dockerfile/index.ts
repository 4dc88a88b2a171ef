// Every Dockerfile rule, listed explicitly: a rule that is not here does not run.
import type { AnyRule } from '../../engine/types';
import cmdVariableSyntax from './cmd-variable-syntax';
import deployedWindowsBuild from './deployed-windows-build';
import deprecatedImage from './deprecated-image';
import execFormSkipsShell from './exec-form-skips-shell';
import frameworkEndOfSupport from './framework-end-of-support';
import linuxCommand from './linux-command';
import linuxPath from './linux-path';
import nanoserverMissingFeature from './nanoserver-missing-feature';
import noWindowsImageInTag from './no-windows-image-in-tag';
import syntax from './syntax';
import useDerivedImage from './use-derived-image';
import windowsBaseImageTag from './windows-base-image-tag';
import windowsEndOfSupport from './windows-end-of-support';
import windowsEscapeCharacter from './windows-escape-character';
import windowsUnsupportedInstruction from './windows-unsupported-instruction';
import windowsVersionMismatch from './windows-version-mismatch';

export const dockerfileRules: readonly AnyRule[] = [
  cmdVariableSyntax,
  deployedWindowsBuild,
  deprecatedImage,
  execFormSkipsShell,
  frameworkEndOfSupport,
  linuxCommand,
  linuxPath,
  nanoserverMissingFeature,
  noWindowsImageInTag,
  syntax,
  useDerivedImage,
  windowsBaseImageTag,
  windowsEndOfSupport,
  windowsEscapeCharacter,
  windowsUnsupportedInstruction,
  windowsVersionMismatch,
];
