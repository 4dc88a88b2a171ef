// `npm run docs`: rewrites docs/rules/README.md from rule metadata.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleIndex } from './rule-index';

writeFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', 'README.md'), renderRuleIndex());
