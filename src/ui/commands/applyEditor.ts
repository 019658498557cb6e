import { request } from '../../bridge/engineClient';
import type { AppliedObjectDto, ManifestErrorDto } from '../../protocol/dto';
import type { DiffResultDto } from '../../protocol/learning';
import { activeFileOf, filesRecord } from '../../store/learningSlice';
import { withMessage } from '../../store/uiSlice';
import { useStore } from '../../store/useStore';

const GROUPS: Record<string, string> = {
  ReplicaSet: 'apps',
  Deployment: 'apps',
  DaemonSet: 'apps',
  StatefulSet: 'apps',
  HorizontalPodAutoscaler: 'autoscaling',
  Job: 'batch',
  CronJob: 'batch',
};

/** `replicaset.apps/web created`, as kubectl apply prints it. */
export function appliedLine(a: AppliedObjectDto): string {
  const group = GROUPS[a.kind];
  return `${a.kind.toLowerCase()}${group ? '.' + group : ''}/${a.name} ${a.outcome}`;
}

/** `line 12: spec.selector: Invalid value…` (positions are 1-based, as in the editor). */
export function errorLine(e: ManifestErrorDto): string {
  return e.position ? `line ${e.position.line}: ${e.message}` : e.message;
}

/** The past is read-only: nothing changes the cluster until the learner goes back to live. */
function viewingPast(): boolean {
  const { past, scrubMs } = useStore.getState();
  return past !== undefined || scrubMs !== undefined;
}

/**
 * Sends the active tab to the engine as `kubectl apply -f <tab>`. The text and the cluster stay
 * as they are whatever happens: an invalid manifest changes nothing (all-or-nothing apply).
 */
export async function applyEditor(): Promise<void> {
  const state = useStore.getState();
  if (state.applying || viewingPast()) return;
  const file = activeFileOf(state);
  useStore.setState({ applying: true });
  try {
    const result = await request({ type: 'apply', text: file.text, fileName: file.name });
    useStore.setState((s) => {
      const failed = result.errors.length > 0;
      let messages = s.messages;
      if (result.warnings.length > 0) {
        messages = withMessage(messages, { level: 'warning', title: `Warnings for ${file.name}`, key: 'messages.warningsFor', params: { file: file.name }, lines: result.warnings.map(errorLine), clockMs: s.clockMs });
      }
      messages = failed
        ? withMessage(messages, { level: 'error', title: `${file.name} was not applied: nothing changed`, key: 'messages.notApplied', params: { file: file.name }, lines: result.errors.map(errorLine), clockMs: s.clockMs })
        : withMessage(messages, { level: 'success', title: `Applied ${file.name}`, key: 'messages.applied', params: { file: file.name }, lines: result.applied.map(appliedLine), clockMs: s.clockMs });
      return { applying: false, applyFile: file.name, applyErrors: result.errors, applyWarnings: result.warnings, applySeq: s.applySeq + 1, messages };
    });
  } catch (error) {
    useStore.setState((s) => ({
      applying: false,
      applyFile: file.name,
      applyErrors: [],
      applyWarnings: [],
      applySeq: s.applySeq + 1,
      messages: withMessage(s.messages, { level: 'error', title: `${file.name} was not applied`, key: 'messages.notAppliedShort', params: { file: file.name }, lines: [(error as Error).message], clockMs: s.clockMs }),
    }));
  }
}

/** `kubectl delete -f <tab>`: deletes the objects the active tab describes. */
export async function deleteEditorObjects(): Promise<void> {
  const state = useStore.getState();
  if (state.applying || viewingPast()) return;
  const file = activeFileOf(state);
  useStore.setState({ applying: true });
  try {
    const result = await request({ type: 'kubectl', line: `kubectl delete -f ${file.name} --wait=false`, files: filesRecord(state.files) });
    const lines = [result.stdout, result.stderr].join('\n').split('\n').filter((l) => l.trim() !== '');
    useStore.setState((s) => ({
      applying: false,
      messages: withMessage(s.messages, {
        level: result.exitCode === 0 ? 'success' : 'error',
        title: result.exitCode === 0 ? `Deleted the objects in ${file.name}` : `Could not delete everything in ${file.name}`,
        key: result.exitCode === 0 ? 'messages.deleted' : 'messages.deleteFailed',
        params: { file: file.name },
        lines,
        clockMs: s.clockMs,
      }),
    }));
  } catch (error) {
    useStore.setState((s) => ({
      applying: false,
      messages: withMessage(s.messages, { level: 'error', title: `Could not delete everything in ${file.name}`, key: 'messages.deleteFailed', params: { file: file.name }, lines: [(error as Error).message], clockMs: s.clockMs }),
    }));
  }
}

/** What applying the active tab would change, object by object (the cluster is not touched). */
export async function diffEditor(): Promise<{ fileName: string; result: DiffResultDto }> {
  const file = activeFileOf(useStore.getState());
  const { result } = await request({ type: 'diff', text: file.text, fileName: file.name });
  return { fileName: file.name, result };
}
