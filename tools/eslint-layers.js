import path from 'node:path';

/**
 * ESLint rule: which layer may import which (docs/ARCHITECTURE.md). A relative import is resolved
 * to its folder under src/ so the engine's own `store/` is not confused with the page's `src/store`.
 */
const ALLOWED = {
  engine: { engine: 'all' },
  protocol: { protocol: 'all', engine: 'types', scenarios: 'types' },
  worker: { worker: 'all', protocol: 'all', engine: 'all', scenarios: 'all' },
  scenarios: { scenarios: 'all', engine: 'all' },
  bridge: { bridge: 'all', protocol: 'all', store: 'all', worker: 'entry' },
  store: { store: 'all', protocol: 'types' },
  ui: { ui: 'all', protocol: 'types', store: 'all', bridge: 'all' },
  cli: { cli: 'all', engine: 'all', scenarios: 'all' },
};
const UI_PACKAGES = /^(react|react-dom|zustand|@xyflow\/|monaco-editor|@monaco-editor\/|monaco-yaml)(\/|$)/;

function layerOf(file) {
  const match = /[\\/]src[\\/](engine|protocol|worker|bridge|store|ui|cli|scenarios)[\\/]/.exec(file);
  return match ? match[1] : undefined;
}

export const layersPlugin = {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const file = context.filename ?? context.getFilename();
        const from = layerOf(file);
        if (!from) return {};
        const check = (node, source, typeOnly) => {
          if (typeof source !== 'string') return;
          if (!source.startsWith('.')) {
            if ((from === 'engine' || from === 'protocol') && UI_PACKAGES.test(source)) {
              context.report({ node, message: `src/${from} may not import the UI library "${source}".` });
            }
            return;
          }
          const target = layerOf(path.resolve(path.dirname(file), source) + '/');
          if (!target || target === from) return;
          const rule = ALLOWED[from]?.[target];
          if (rule === 'all' || (rule === 'types' && typeOnly)) return;
          if (rule === 'entry' && /engine\.worker/.test(source)) return;
          context.report({ node, message: `src/${from} may not import from src/${target}${rule === 'types' ? ' except with `import type`' : ''} (see docs/ARCHITECTURE.md).` });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type' || node.specifiers.every((s) => s.importKind === 'type')),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
          ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
          NewExpression: (node) => {
            // new URL('../worker/engine.worker.ts', import.meta.url) is how the bridge starts the worker.
            if (node.callee.name === 'URL' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value, false);
          },
        };
      },
    },
  },
};
