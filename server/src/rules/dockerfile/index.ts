// Every Dockerfile rule, listed explicitly: a rule that is not here does not run.
import type { AnyRule } from '../../engine/types';
import windowsBaseImageTag from './windows-base-image-tag';

export const dockerfileRules: readonly AnyRule[] = [windowsBaseImageTag];
