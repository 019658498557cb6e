/**
 * Monaco, bundled locally (no CDN): must be imported before any <Editor/> mounts. Loaded lazily
 * together with ManifestEditor, so the graph paints before Monaco's ~1 MB is parsed.
 * monaco-editor is pinned to 0.54.0: newer versions break monaco-yaml (toolchain.md G1/G2).
 */
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

const SCHEMA_URI = 'inmemory://podlab/schemas/kubernetes.json';

const yamlOptions = (schema: unknown) => ({
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  schemas: schema && typeof schema === 'object' ? [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: schema as JSONSchema }] : [],
});

let monacoYaml: MonacoYaml | undefined;

/**
 * YAML syntax checks, folding and, with the engine's JSON schema for Kubernetes manifests (from the
 * worker's `schema` command: the UI may not import engine code), completion, hover docs and field
 * validation. Configure once with the schema when possible: every later `update` restarts the
 * YAML worker.
 */
export function configureYaml(schema: unknown): void {
  if (!monacoYaml) monacoYaml = configureMonacoYaml(monaco, yamlOptions(schema));
  else if (schema) void monacoYaml.update(yamlOptions(schema));
}

export { monaco };
