#!/usr/bin/env node
// Dev tool (not part of the engine bundle): regenerates catalog.generated.ts, the Kubernetes type
// catalog the strict decoder, JSON Schema and explain read, from the API docs shipped with the
// `kubernetes-types` package. Run `node src/engine/apiserver/schema/generate-catalog.mjs` after
// upgrading that package; catalog.test.ts fails while the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../..');
const typesDir = join(root, 'node_modules/kubernetes-types');

/** The modules Podlab serves, keyed the way the catalog names types (`core.v1.Pod`). */
const MODULES = {
  'core.v1': 'core/v1.d.ts',
  'apps.v1': 'apps/v1.d.ts',
  'meta.v1': 'meta/v1.d.ts',
  'autoscaling.v1': 'autoscaling/v1.d.ts',
  'autoscaling.v2': 'autoscaling/v2.d.ts',
};
const ROOTS = [
  'core.v1.Pod', 'core.v1.Node', 'core.v1.Namespace', 'core.v1.ReplicationController',
  'apps.v1.ReplicaSet', 'apps.v1.DaemonSet', 'apps.v1.Deployment',
  'autoscaling.v1.HorizontalPodAutoscaler', 'autoscaling.v2.HorizontalPodAutoscaler',
];
/** Types that are scalars on the wire. */
const SCALARS = { Quantity: 'quantity', Time: 'time', MicroTime: 'time', RawExtension: 'any', FieldsV1: 'any' };
/** Longest description kept: explain and hover show the opening of the real text, not all of it. */
const MAX_DESCRIPTION_CHARS = 260;

function parseModule(key) {
  const path = join(typesDir, MODULES[key]);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const imports = new Map();
  const interfaces = new Map();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = statement.moduleSpecifier.text.replace('../', '').replace('/', '.');
      for (const el of statement.importClause?.namedBindings?.elements ?? []) imports.set(el.name.text, from);
    } else if (ts.isInterfaceDeclaration(statement)) {
      interfaces.set(statement.name.text, statement);
    }
  }
  return { key, imports, interfaces };
}

const modules = Object.fromEntries(Object.keys(MODULES).map((k) => [k, parseModule(k)]));

function docOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => (typeof d.comment === 'string' ? d.comment : (d.comment ?? []).map((c) => c.text).join(''))).join('\n');
  return shorten(text);
}

/** The opening sentences of a description, without "More info" links. */
function shorten(text) {
  const flat = text
    .replace(/\s*More info: \S+/g, '')
    .replace(/\s*(?:For more information )?[Ss]ee https?:\/\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A sentence ends at ". " before a capital letter, but not after "e.g." / "i.e." / "etc.".
  const sentences = [];
  let start = 0;
  const re = /[.!?](?=\s+["'(]?[A-Z])/g;
  let match;
  while ((match = re.exec(flat))) {
    const before = flat.slice(Math.max(0, match.index - 4), match.index + 1);
    if (/(e\.g\.|i\.e\.|etc\.)$/.test(before)) continue;
    sentences.push(flat.slice(start, match.index + 1).trim());
    start = match.index + 1;
  }
  if (start < flat.length) sentences.push(flat.slice(start).trim());
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + 1 + sentence.length > MAX_DESCRIPTION_CHARS) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out.length > MAX_DESCRIPTION_CHARS + 200 ? out.slice(0, MAX_DESCRIPTION_CHARS).replace(/\s+\S*$/, '') + '…' : out;
}

const catalog = new Map();
const queue = [...ROOTS];

function resolveName(mod, name) {
  if (SCALARS[name]) return SCALARS[name];
  if (mod.interfaces.has(name)) return `${mod.key}.${name}`;
  const from = mod.imports.get(name);
  if (from === 'api.resource') return 'quantity';
  if (from === 'runtime') return 'any';
  if (from && modules[from]) return resolveName(modules[from], name);
  throw new Error(`cannot resolve ${name} in ${mod.key}`);
}

function typeOf(mod, node) {
  if (!node) return 'any';
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return 'string';
    case ts.SyntaxKind.NumberKeyword: return 'integer';
    case ts.SyntaxKind.BooleanKeyword: return 'boolean';
    case ts.SyntaxKind.LiteralType: return 'string';
    case ts.SyntaxKind.UnionType: {
      const parts = node.types.map((t) => t.getText()).sort().join('|');
      if (parts === 'number|string') return 'int-or-string';
      throw new Error(`union ${parts}`);
    }
    case ts.SyntaxKind.TypeLiteral: {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      return `map[${typeOf(mod, index.type)}]`;
    }
    case ts.SyntaxKind.ArrayType: return `[]${typeOf(mod, node.elementType)}`;
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === 'Array') return `[]${typeOf(mod, node.typeArguments[0])}`;
      const resolved = resolveName(mod, name);
      if (resolved.includes('.')) queue.push(resolved);
      return resolved;
    }
    default: throw new Error(`type ${ts.SyntaxKind[node.kind]} ${node.getText()}`);
  }
}

while (queue.length > 0) {
  const key = queue.shift();
  if (catalog.has(key)) continue;
  const modKey = key.split('.').slice(0, 2).join('.');
  const name = key.split('.')[2];
  const mod = modules[modKey];
  const decl = mod.interfaces.get(name);
  const fields = [];
  for (const member of decl.members) {
    if (!ts.isPropertySignature(member)) continue;
    fields.push([member.name.getText(), typeOf(mod, member.type), member.questionToken ? 0 : 1, docOf(member)]);
  }
  fields.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  catalog.set(key, { d: docOf(decl), f: fields });
}

const keys = [...catalog.keys()].sort();
let out = '// Generated by generate-catalog.mjs from the kubernetes-types API docs. Do not edit by hand.\n';
out += '// Each type: d = description (opening sentences), f = [field, type, required (1/0), description].\n';
out += 'export const CATALOG_SOURCE = ' + JSON.stringify(JSON.parse(readFileSync(join(typesDir, 'package.json'), 'utf8')).version) + ';\n\n';
out += 'export const GENERATED_TYPES: Readonly<Record<string, { readonly d: string; readonly f: readonly (readonly [string, string, 0 | 1, string])[] }>> = {\n';
for (const key of keys) {
  const entry = catalog.get(key);
  out += `  ${JSON.stringify(key)}: {\n    d: ${JSON.stringify(entry.d)},\n    f: [\n`;
  for (const f of entry.f) out += `      [${JSON.stringify(f[0])}, ${JSON.stringify(f[1])}, ${f[2]}, ${JSON.stringify(f[3])}],\n`;
  out += '    ],\n  },\n';
}
out += '};\n';

const target = join(here, 'catalog.generated.ts');
if (process.argv.includes('--check')) {
  process.stdout.write(out);
} else {
  writeFileSync(target, out);
  console.log(`wrote ${keys.length} types to ${target}`);
}
