/**
 * The colour family of a pod, from kubectl's STATUS column (what learners read in `get pods`).
 */
export type PodTone = 'running' | 'unready' | 'pending' | 'creating' | 'succeeded' | 'failed' | 'terminating' | 'unknown';

const FAILED = /^(CrashLoopBackOff|Error|ErrImagePull|ImagePullBackOff|InvalidImageName|OOMKilled|CreateContainerConfigError|CreateContainerError|RunContainerError|ContainerCannotRun|Failed|Evicted|NodeLost|OutOfcpu|OutOfmemory|OutOfpods|UnexpectedAdmissionError|NodeAffinity|Signal:.*|ExitCode:.*|Init:(?!\d).*)$/;
const CREATING = /^(ContainerCreating|PodInitializing|Init:\d+\/\d+)$/;

export function podTone(status: string, readyContainers: number, totalContainers: number): PodTone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Running') return readyContainers === totalContainers && totalContainers > 0 ? 'running' : 'unready';
  if (status === 'NotReady') return 'unready';
  if (status === 'Completed' || status === 'Succeeded') return 'succeeded';
  if (status === 'Pending' || status === 'SchedulingGated') return 'pending';
  if (CREATING.test(status)) return 'creating';
  if (FAILED.test(status)) return 'failed';
  return 'unknown';
}

export const TONE_LABEL: Record<PodTone, string> = {
  running: 'running and ready',
  unready: 'running, not ready',
  pending: 'waiting to be scheduled',
  creating: 'starting',
  succeeded: 'completed',
  failed: 'failing',
  terminating: 'terminating',
  unknown: 'unknown',
};
