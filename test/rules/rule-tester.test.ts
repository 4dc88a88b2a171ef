// The RuleTester's own checks fail where they should: a rule whose meta hides its fixes or
// suggestions, and a table that leaves a message, a fix or a suggestion unshown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/runner';
import { defineRule, type AnyRule } from '../../server/src/engine/types';
import { assertDeclaredInMeta, assertTableCoversMeta } from '../helpers/rule-tester';

function userRule(meta: { fixable: boolean; hasSuggestions: boolean }): AnyRule {
  return defineRule({
    id: 'dockerfile/test-root-user',
    meta: { type: 'problem', language: 'dockerfile', scope: 'windows-stage', defaultSeverity: 'error', description: 'test', messages: { root: 'root', numeric: 'numeric {{user}}' }, ...meta, sources: [] },
    create: (context) => ({
      instruction(instruction) {
        if (instruction.keyword !== 'USER') return;
        const range = instruction.args[0]!.getRange();
        const edit = { title: 'Run as ContainerAdministrator', edits: [{ range, newText: 'ContainerAdministrator' }] };
        context.report({ range, messageId: 'root', fix: edit, suggest: [edit] });
      },
    }),
  });
}

const findingsOf = (rule: AnyRule) => analyze({ uri: 'file:///w/Dockerfile', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER root\n' }, { config: resolveConfig([]), rules: [rule] }).findings;

describe('RuleTester', () => {
  it('fails a rule that reports a fix or suggestions its meta does not declare', () => {
    assert.throws(() => assertDeclaredInMeta(userRule({ fixable: false, hasSuggestions: true }), findingsOf(userRule({ fixable: false, hasSuggestions: true }))), /fixable: false/);
    assert.throws(() => assertDeclaredInMeta(userRule({ fixable: true, hasSuggestions: false }), findingsOf(userRule({ fixable: true, hasSuggestions: false }))), /hasSuggestions: false/);
    assertDeclaredInMeta(userRule({ fixable: true, hasSuggestions: true }), findingsOf(userRule({ fixable: true, hasSuggestions: true })));
  });

  it('fails a table without a case for a message, or without the fixes and suggestions the meta declares', () => {
    const rule = userRule({ fixable: true, hasSuggestions: true });
    const root = { code: 'USER root', errors: [{ messageId: 'root', line: 2, column: 6 }] };
    const shown = { messageId: 'numeric', line: 2, column: 6, suggestions: [{ output: 'USER ContainerUser' }] };
    assert.throws(() => assertTableCoversMeta(rule, [root]), (error: Error) => error.message.includes('message ids without an invalid case') && /numeric/.test(JSON.stringify(error)));
    assert.throws(() => assertTableCoversMeta(rule, [root, { code: 'USER 1000', errors: [shown] }]), /no case shows a fix/);
    assert.throws(() => assertTableCoversMeta(rule, [{ ...root, output: 'USER ContainerAdministrator' }, { code: 'USER 1000', errors: [{ ...shown, suggestions: [] }] }]), /no case shows a suggestion/);
    assertTableCoversMeta(rule, [{ ...root, output: 'USER ContainerAdministrator' }, { code: 'USER 1000', errors: [shown] }]);
  });
});
