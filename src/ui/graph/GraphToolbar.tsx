import { useStore } from '../../store/useStore';
import type { GraphFilter } from '../../store/uiSlice';
import { graphText as t } from './text';

const OWNER_KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'HorizontalPodAutoscaler'] as const;

function setFilter(patch: Partial<GraphFilter>): void {
  useStore.setState((s) => ({ graphFilter: { ...s.graphFilter, ...patch } }));
}

export interface GraphToolbarProps {
  readonly namespaces: readonly string[];
  readonly labelValid: boolean;
  readonly searchHits: number;
  readonly onSearchEnter: () => void;
  /** Level of detail: undefined when the cluster is small enough to always show every pod. */
  readonly lod?: { readonly collapsed: boolean; readonly pods: number; readonly toggle: () => void };
}

/** Filters (namespace, kind, labels) hide things in place; search highlights by name. */
export function GraphToolbar({ namespaces, labelValid, searchHits, onSearchEnter, lod }: GraphToolbarProps) {
  const filter = useStore((s) => s.graphFilter);
  return (
    <div className="graph-toolbar nokey" role="toolbar" aria-label={t.graphLabel}>
      <select className="select select--small" aria-label={t.namespaceLabel} data-testid="filter-namespace" value={filter.namespace} onChange={(e) => setFilter({ namespace: e.target.value })}>
        <option value="">{t.allNamespaces}</option>
        {namespaces.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
      <select className="select select--small" aria-label={t.kindLabel} data-testid="filter-kind" value={filter.kind} onChange={(e) => setFilter({ kind: e.target.value })}>
        <option value="all">{t.allKinds}</option>
        <option value="pods">{t.podsOnly}</option>
        {OWNER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </select>
      <input
        className={`input input--small${labelValid ? '' : ' input--invalid'}`}
        aria-label={t.labelFilter}
        aria-invalid={!labelValid}
        title={labelValid ? t.labelFilter : t.labelInvalid}
        data-testid="filter-label"
        placeholder={t.labelPlaceholder}
        value={filter.label}
        spellCheck={false}
        onChange={(e) => setFilter({ label: e.target.value })}
      />
      <input
        className="input input--small"
        type="search"
        aria-label={t.search}
        data-testid="graph-search"
        placeholder={t.searchPlaceholder}
        value={filter.search}
        spellCheck={false}
        onChange={(e) => setFilter({ search: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSearchEnter();
          if (e.key === 'Escape') setFilter({ search: '' });
        }}
      />
      {filter.search.trim() !== '' && <span className="graph-toolbar__hits" data-testid="search-hits">{t.searchHits(searchHits)}</span>}
      {lod && (
        <button type="button" className="button button--small" data-testid="lod-toggle" onClick={lod.toggle} title={lod.collapsed ? t.lodNote(lod.pods) : undefined}>
          {lod.collapsed ? t.detailAll : t.detailAuto}
        </button>
      )}
    </div>
  );
}
