// ../shared beside the checkout holds the real-world corpus, outside the repository. A fresh clone
// has none: what needs it skips, each test with this one reason.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** From out/test/helpers: the folder beside the checkout. */
export const corpusRoot = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

/** node:test's `skip` option for a test that reads the corpus. */
export const withoutCorpus: string | false = existsSync(join(corpusRoot, 'real-world.tsv')) ? false : `../shared is absent: no corpus at ${corpusRoot}`;
