// The prompt-file TextMate grammar: well-formed, and its placeholder patterns find what a prompt file contains.
// (The patterns use only syntax that Oniguruma and JavaScript read the same way, so RegExp can check them.)
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes', 'prompt.tmLanguage.json'), 'utf8'));
const repo = grammar.repository;
const allMatches = (pattern: string, text: string) => [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);

describe('prompt-file grammar', () => {
  it('is the grammar package.json contributes, with a language configuration beside it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: any) => g.language === 'prompt');
    assert.equal(contributed.scopeName, grammar.scopeName);
    const language = pkg.contributes.languages.find((l: any) => l.id === 'prompt');
    const config = JSON.parse(fs.readFileSync(path.join(root, language.configuration), 'utf8'));
    assert.deepEqual(config.comments.blockComment, ['{#', '#}']);
    for (const include of JSON.stringify(grammar).matchAll(/"include":\s*"#([\w-]+)"/g)) assert.ok(repo[include[1]], `missing #${include[1]}`);
  });

  it('finds format fields but not escaped {{braces}} or mustache expressions', () => {
    const text = 'Summarise {document} for {user.name!r} at {width:>10}. Literal {{not a field}} and {{ mustache }}.';
    assert.deepEqual(allMatches(repo['brace-placeholder'].match, text), ['{document}', '{user.name!r}', '{width:>10}']);
  });

  it('finds ${x} placeholders and opens mustache and Jinja blocks', () => {
    assert.deepEqual(allMatches(repo['dollar-placeholder'].match, 'Hi ${name}, see ${ order.id }.'), ['${name}', '${ order.id }']);
    assert.ok(new RegExp(repo['mustache-placeholder'].begin).test('{{ invoice_text }}'));
    const block = new RegExp(repo['jinja-block'].begin).exec('{% for item in items %}');
    assert.equal(block?.[2], 'for');
  });

  it('marks role lines only when the line is just the role', () => {
    const role = new RegExp(repo['role-marker'].match, 'm');
    assert.ok(role.test('system:'));
    assert.ok(!role.test('system: you are helpful'));
  });
});
