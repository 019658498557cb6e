/**
 * JSON Schema (draft-07) of the kinds Podlab serves, for the Monaco editor (monaco-yaml): field
 * descriptions on hover (`markdownDescription` adds the type, defaults and whether Podlab simulates
 * the field), enums for completion, and `additionalProperties: false` so unknown fields are marked
 * before apply, as the apiserver's strict decoding would reject them.
 */
import { KINDS } from '../../api/types';
import { elementType, isListType, isMapType, rootTypeKey, typeDef, type FieldDef, type FieldType } from './catalog';
import { podlabAnnotations } from './annotations';

export type JsonSchema = { [keyword: string]: unknown };

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** kubectl-explain style type name (`[]Container`, `map[string]string`, `Quantity`). */
export function typeLabel(type: FieldType): string {
  if (isListType(type)) return `[]${typeLabel(elementType(type))}`;
  if (isMapType(type)) return `map[string]${typeLabel(elementType(type))}`;
  switch (type) {
    case 'string':
    case 'time':
      return 'string';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'quantity':
      return 'Quantity';
    case 'int-or-string':
      return 'IntOrString';
    case 'any':
      return 'Object';
  }
  return type.split('.')[2] ?? 'Object';
}

function definitionName(typeKey: string): string {
  return `io.k8s.${typeKey}`;
}

function markdownFor(field: FieldDef): string {
  const lines = [`\`${typeLabel(field.type)}\`${field.required ? ' · required' : ''}`, '', field.description];
  if (field.enum) lines.push('', `Allowed values: ${field.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (field.defaultValue !== undefined) lines.push('', `Default: \`${JSON.stringify(field.defaultValue)}\``);
  if (!field.simulated) lines.push('', `**Not simulated in Podlab.** ${field.note ?? ''}`.trim());
  return lines.join('\n');
}

/** Schema of a value of `type`; struct types become `$ref`s collected into `defs`. */
function valueSchema(type: FieldType, defs: Map<string, JsonSchema>): JsonSchema {
  if (isListType(type)) return { type: ['array', 'null'], items: valueSchema(elementType(type), defs) };
  if (isMapType(type)) return { type: ['object', 'null'], additionalProperties: valueSchema(elementType(type), defs) };
  switch (type) {
    case 'string':
    case 'time':
      return { type: ['string', 'null'] };
    case 'integer':
      return { type: ['integer', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'quantity':
      return { type: ['string', 'number', 'null'], pattern: '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$' };
    case 'int-or-string':
      return { type: ['integer', 'string', 'null'] };
    case 'any':
      return {};
  }
  addDefinition(type, defs);
  return { $ref: `#/definitions/${definitionName(type)}` };
}

function fieldSchema(field: FieldDef, defs: Map<string, JsonSchema>, typeKey: string): JsonSchema {
  const base = valueSchema(field.type, defs);
  const docs: JsonSchema = { description: field.description, markdownDescription: markdownFor(field) };
  if (field.enum) docs.enum = [...field.enum, null];
  if (field.defaultValue !== undefined) docs.default = field.defaultValue;
  if (typeKey === 'meta.v1.ObjectMeta' && field.name === 'annotations') {
    const known: Record<string, JsonSchema> = {};
    for (const doc of podlabAnnotations()) {
      known[doc.key] = {
        type: 'string',
        description: doc.description,
        markdownDescription: `**Podlab annotation** (${doc.appliesTo.join(', ')})\n\n${doc.description}${doc.example ? `\n\nExample: \`${doc.example}\`` : ''}`,
      };
    }
    return { ...docs, type: ['object', 'null'], properties: known, additionalProperties: { type: 'string' } };
  }
  // Draft-07 ignores keywords next to $ref, so wrap it to keep the field's own description.
  return '$ref' in base ? { ...docs, allOf: [base] } : { ...base, ...docs };
}

function addDefinition(typeKey: string, defs: Map<string, JsonSchema>): void {
  const name = definitionName(typeKey);
  if (defs.has(name)) return;
  const def = typeDef(typeKey);
  if (!def) return;
  const placeholder: JsonSchema = {};
  defs.set(name, placeholder); // break cycles before descending
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of def.fields.values()) {
    properties[field.name] = fieldSchema(field, defs, typeKey);
    if (field.required) required.push(field.name);
  }
  Object.assign(placeholder, {
    type: ['object', 'null'],
    description: def.description,
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  });
}

function kindInfoOrThrow(kind: string) {
  const info = KINDS.find((k) => k.kind === kind);
  if (!info) throw new Error(`Podlab does not serve kind ${kind}`);
  return info;
}

/** The object schema of one kind in one apiVersion (without the `$schema` wrapper). */
function kindSchema(kind: string, apiVersion: string, defs: Map<string, JsonSchema>): JsonSchema {
  const root = rootTypeKey(kind, apiVersion)!;
  addDefinition(root, defs);
  const def = defs.get(definitionName(root))!;
  const props = def.properties as Record<string, JsonSchema>;
  const info = kindInfoOrThrow(kind);
  return {
    ...def,
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    properties: {
      ...props,
      apiVersion: { ...props.apiVersion, type: 'string', enum: [...info.acceptedApiVersions] },
      kind: { ...props.kind, type: 'string', const: kind },
    },
  };
}

/** JSON Schema for one kind; `apiVersion` picks the wire shape (autoscaling/v1 vs v2 HPAs). */
export function toJsonSchema(kind: string, apiVersion?: string): JsonSchema {
  const info = kindInfoOrThrow(kind);
  const defs = new Map<string, JsonSchema>();
  const schema = kindSchema(kind, apiVersion ?? info.apiVersion, defs);
  return { $schema: DRAFT_07, title: `${kind} (${apiVersion ?? info.apiVersion})`, ...schema, definitions: Object.fromEntries(defs) };
}

/**
 * One schema for any Podlab manifest: `kind` selects the kind's schema (and `apiVersion` the HPA
 * shape) with draft-07 if/then, which monaco-yaml understands.
 */
export function jsonSchemaForAll(): JsonSchema {
  const defs = new Map<string, JsonSchema>();
  const branches: JsonSchema[] = [];
  for (const info of KINDS) {
    const shapes = new Map<string, string[]>();
    for (const version of info.acceptedApiVersions) {
      const root = rootTypeKey(info.kind, version)!;
      shapes.set(root, [...(shapes.get(root) ?? []), version]);
    }
    for (const [root, versions] of shapes) {
      const name = `kind.${info.kind}.${root}`;
      defs.set(name, {}); // reserve the slot so kind schemas precede the types they use
      defs.set(name, kindSchema(info.kind, versions[0], defs));
      const isDefaultShape = versions.includes(info.apiVersion);
      const condition: JsonSchema = isDefaultShape
        ? { properties: { kind: { const: info.kind } }, required: ['kind'] }
        : { properties: { kind: { const: info.kind }, apiVersion: { enum: versions } }, required: ['kind', 'apiVersion'] };
      const branch: JsonSchema = { if: condition, then: { $ref: `#/definitions/${name}` } };
      // The default shape applies unless apiVersion names another shape of the same kind.
      if (isDefaultShape && shapes.size > 1) {
        const others = info.acceptedApiVersions.filter((v) => !versions.includes(v));
        branch.if = { properties: { kind: { const: info.kind }, apiVersion: { not: { enum: others } } }, required: ['kind'] };
      }
      branches.push(branch);
    }
  }
  return {
    $schema: DRAFT_07,
    title: 'Podlab manifest',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.' },
      kind: { type: 'string', enum: KINDS.map((k) => k.kind), description: 'Kind is a string value representing the REST resource this object represents.' },
    },
    allOf: branches,
    definitions: Object.fromEntries(defs),
  };
}
