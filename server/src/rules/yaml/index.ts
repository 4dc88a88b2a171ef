// Rules about a YAML file itself rather than the Kubernetes objects in it, listed explicitly.
import type { AnyRule } from '../../engine/types';
import syntax from './syntax';

export const yamlRules: readonly AnyRule[] = [syntax];
