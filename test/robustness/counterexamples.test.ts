// Counterexamples that random mutation found (with other seeds than the one the property tests
// use), reduced by hand to the lines that matter. Kept as fixed cases so they are checked on every
// run, whatever the property tests' seed happens to reach.
import { describe, it } from 'node:test';
import { checkInput } from './checks';
import { windowsPod } from './hostile';

/** Known product failures, by test name: the test stays in place and reports as TODO until fixed. */
const todo: Record<string, string> = {};
const options = (name: string): { todo?: string } => (todo[name] ? { todo: todo[name] } : {});

const cases: Array<{ name: string; languageId: 'dockerfile' | 'yaml'; text: string }> = [
  {
    // From the fluent-bit corpus file, last line deleted: a CRLF file that now ends in a lone CR.
    name: 'an empty nodeSelector on the last line of a CRLF file that ends in a lone CR',
    languageId: 'yaml',
    text: 'apiVersion: apps/v1\r\nkind: Deployment\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: web\r\n        image: mcr.microsoft.com/windows/nanoserver:ltsc2022\r\n      nodeSelector:\r',
  },
  {
    // From examples/iis-site/deployment.yaml with a CR typed before the first line.
    name: 'an LF manifest whose first line break is a lone CR',
    languageId: 'yaml',
    text: `\rapiVersion: v1\n${windowsPod}`,
  },
  {
    // From the aks configmap corpus file with two lines swapped: a mis-indented line below the pod spec.
    name: 'a Windows pod with a mis-indented line after its containers',
    languageId: 'yaml',
    text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: c\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n  name: x\n    "kubernetes.io/os": windows\n',
  },
  {
    // From the sig-windows-dev-tools smoke test with lines swapped: a key cut short at the end of the file.
    name: 'a Linux pod whose last key is cut short',
    languageId: 'yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      nodeSelector:\n        kubernetes.io/os: windows\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  nodeSele',
  },
  {
    // From the aks liveness-probe corpus file with a merge key inserted and lines tab-indented: the
    // alias is looked up in a document where the tab left an empty node.
    name: 'a merge of an unknown alias in a document with a tab-indented sequence',
    languageId: 'yaml',
    text: '<<: *a\nspec:\n  containers:\n\t- name: livenesstest-container',
  },
];

describe('engine on reduced counterexamples', () => {
  for (const { name, languageId, text } of cases) {
    it(name, options(name), () => {
      checkInput({ uri: `file:///counterexamples/${languageId === 'yaml' ? 'manifest.yaml' : 'Dockerfile'}`, languageId, text });
    });
  }
});
