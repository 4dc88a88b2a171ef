// `npm run docs`: rewrites docs/rules/README.md from rule metadata, the KB tables in rule pages, and
// the target setting's pattern and texts in package.json.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTargetSetting } from '../helpers/target-setting';
import { renderKbBlocks } from './kb-facts';
import { renderRuleIndex } from './rule-index';

const docsDir = join(__dirname, '..', '..', '..', 'docs', 'rules');
writeFileSync(join(docsDir, 'README.md'), renderRuleIndex());
for (const language of readdirSync(docsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  for (const name of readdirSync(join(docsDir, language.name)).filter((file) => file.endsWith('.md'))) {
    const path = join(docsDir, language.name, name);
    const page = readFileSync(path, 'utf8');
    const rendered = renderKbBlocks(page);
    if (rendered !== page) writeFileSync(path, rendered);
  }
}
writeTargetSetting();
