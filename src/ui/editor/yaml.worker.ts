// monaco-yaml's language service, bundled by Vite as its own worker (imported with `?worker`).
import 'monaco-yaml/yaml.worker.js';
