import { send } from '../../bridge/engineClient';
import { viewOf } from '../../store/clusterSlice';
import { useStore } from '../../store/useStore';

/** Selects an object for the inspector (undefined clears) and tells the worker to send its focus. */
export function select(uid: string | undefined): void {
  const { selection } = useStore.getState();
  if (uid === selection) return;
  useStore.setState({ selection: uid, inspectorTab: 'why' });
  send({ type: 'focus', uid: uid ?? null });
}

export function toggleSelect(uid: string | undefined): void {
  select(useStore.getState().selection === uid ? undefined : uid);
}

/** Selects the object an event is about (by uid, else by kind/namespace/name). */
export function selectInvolved(involved: { kind: string; name: string; namespace?: string; uid?: string }): void {
  const { objects } = viewOf(useStore.getState());
  if (involved.uid && objects.has(involved.uid)) {
    select(involved.uid);
    return;
  }
  for (const obj of objects.values()) {
    if (obj.kind === involved.kind && obj.name === involved.name && (obj.namespace ?? '') === (involved.namespace ?? '')) {
      select(obj.uid);
      return;
    }
  }
  // Gone from the view: still select it, the inspector says it no longer exists.
  if (involved.uid) select(involved.uid);
}

export function setHover(uid: string | undefined): void {
  if (useStore.getState().hover !== uid) useStore.setState({ hover: uid });
}
