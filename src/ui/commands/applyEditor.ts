import { request } from '../../bridge/engineClient';
import type { AppliedObjectDto, ManifestErrorDto } from '../../protocol/dto';
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

/**
 * Sends the editor's text to the engine as `kubectl apply -f <file>`. The text and the cluster stay
 * as they are whatever happens: an invalid manifest changes nothing (all-or-nothing apply).
 */
export async function applyEditor(): Promise<void> {
  const { editorText, editorFileName, applying } = useStore.getState();
  if (applying) return;
  useStore.setState({ applying: true });
  try {
    const result = await request({ type: 'apply', text: editorText, fileName: editorFileName });
    useStore.setState((s) => {
      const failed = result.errors.length > 0;
      let messages = s.messages;
      if (result.warnings.length > 0) {
        messages = withMessage(messages, { level: 'warning', title: `Warnings for ${editorFileName}`, lines: result.warnings.map(errorLine), clockMs: s.clockMs });
      }
      messages = failed
        ? withMessage(messages, {
            level: 'error',
            title: `${editorFileName} was not applied: nothing changed`,
            lines: result.errors.map(errorLine),
            clockMs: s.clockMs,
          })
        : withMessage(messages, { level: 'success', title: `Applied ${editorFileName}`, lines: result.applied.map(appliedLine), clockMs: s.clockMs });
      return { applying: false, applyErrors: result.errors, applyWarnings: result.warnings, applySeq: s.applySeq + 1, messages };
    });
  } catch (error) {
    useStore.setState((s) => ({
      applying: false,
      applyErrors: [],
      applyWarnings: [],
      applySeq: s.applySeq + 1,
      messages: withMessage(s.messages, { level: 'error', title: `${editorFileName} was not applied`, lines: [(error as Error).message], clockMs: s.clockMs }),
    }));
  }
}
