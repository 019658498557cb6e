import type { Scenario } from '../types';
import { FRONTEND_YAML } from './manifests';

/** Kubernetes docs (in the notes): deleting only the ReplicaSet with --cascade=orphan, re-adoption, and foreground deletion. */
export const cascadeOrphan: Scenario = {
  id: 'cascade-orphan',
  title: { en: 'Deleting only the ReplicaSet: --cascade=orphan', ko: '레플리카셋만 삭제하기: --cascade=orphan' },
  summary: {
    en: 'Delete a ReplicaSet but keep its pods running, let a new ReplicaSet with the same selector adopt them, and finally delete in the foreground: the owner waits until its pods are gone.',
    ko: '파드는 그대로 두고 레플리카셋만 삭제한 뒤, 같은 셀렉터의 새 레플리카셋이 파드를 다시 획득하게 합니다. 마지막으로 foreground 삭제에서 소유자가 파드가 모두 사라질 때까지 기다리는 것을 봅니다.',
  },
  source: { en: 'Kubernetes docs “ReplicaSet” (Korean), as copied in the notes', ko: '쿠버네티스 문서 “레플리카셋” (노트에 복사된 한국어판)' },
  files: [FRONTEND_YAML],
  steps: [
    {
      id: 'frontend',
      text: {
        en: `Create the frontend ReplicaSet and wait until its three pods are ready.`,
        ko: `frontend 레플리카셋을 만들고 파드 3개가 준비될 때까지 기다리세요.`,
      },
      commands: ['kubectl apply -f frontend.yaml', 'kubectl get rs', 'kubectl get pods'],
      check: { type: 'replicas', kind: 'ReplicaSet', name: 'frontend', ready: 3 },
      waitSeconds: 30,
    },
    {
      id: 'orphan',
      text: {
        en: `Delete the ReplicaSet with \`--cascade=orphan\`. The ReplicaSet is gone, but the three pods keep running: the garbage collector removed their \`ownerReferences\` instead of deleting them. Look at one pod’s YAML — no owner any more.

(The RC notes write \`--cascade=false\`: that older spelling still works with a deprecation warning and means the same as \`orphan\`.)`,
        ko: `\`--cascade=orphan\`으로 레플리카셋을 삭제하세요. 레플리카셋은 사라지지만 파드 3개는 계속 실행됩니다. 가비지 수집기가 파드를 지우는 대신 \`ownerReferences\`만 지웠기 때문입니다. 파드 하나의 YAML을 보면 소유자가 없습니다.

(레플리케이션컨트롤러 노트의 \`--cascade=false\`는 예전 표기입니다. 지금도 경고와 함께 동작하며 \`orphan\`과 같은 뜻입니다.)`,
      },
      commands: ['kubectl delete rs frontend --cascade=orphan', 'kubectl get rs', 'kubectl get pods', 'kubectl get pod {pod:tier=frontend} -o yaml'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'ReplicaSet', name: 'frontend' },
          { type: 'podCount', selector: 'tier=frontend', count: 3 },
          { type: 'ownerOf', selector: 'tier=frontend', orphan: true },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'readopt',
      text: {
        en: `Apply \`frontend.yaml\` again. The new ReplicaSet (same name, new uid) has the same selector, so it adopts the three orphans and creates **no** new pod — the pod names and AGE stay the same.

If the new template were different, the adopted pods would still not be changed to match it: a ReplicaSet does not update pods. Rolling out a new template is a Deployment’s job.`,
        ko: `\`frontend.yaml\`을 다시 적용하세요. 새 레플리카셋(이름은 같고 uid는 새것)의 셀렉터가 같으므로 고아가 된 파드 3개를 획득하고, 새 파드는 **하나도** 만들지 않습니다. 파드 이름과 AGE가 그대로입니다.

새 템플릿이 달랐더라도 획득한 파드를 거기에 맞추지는 않습니다. 레플리카셋은 파드를 업데이트하지 않으며, 새 템플릿을 롤아웃하는 것은 디플로이먼트의 일입니다.`,
      },
      commands: ['kubectl apply -f frontend.yaml', 'kubectl get pods', 'kubectl describe rs frontend'],
      check: {
        type: 'all',
        checks: [
          { type: 'ownerOf', selector: 'tier=frontend', ownerKind: 'ReplicaSet', ownerName: 'frontend' },
          { type: 'podCount', selector: 'tier=frontend', count: 3, ready: true },
          { type: 'replicas', kind: 'ReplicaSet', name: 'frontend', ready: 3 },
        ],
      },
      waitSeconds: 5,
    },
    {
      id: 'foreground',
      text: {
        en: `Finally delete with \`--cascade=foreground\`. This time the ReplicaSet stays visible (with a \`deletionTimestamp\` and the \`foregroundDeletion\` finalizer) while its pods terminate, and disappears only after them. The default, \`background\`, deletes the owner at once and the pods right after.`,
        ko: `마지막으로 \`--cascade=foreground\`로 삭제하세요. 이번에는 파드가 종료되는 동안 레플리카셋이 \`deletionTimestamp\`와 \`foregroundDeletion\` 파이널라이저를 단 채 남아 있다가, 파드가 모두 사라진 뒤에 사라집니다. 기본값인 \`background\`는 소유자를 바로 지우고 파드는 그 뒤에 지웁니다.`,
      },
      commands: ['kubectl delete rs frontend --cascade=foreground', 'kubectl get rs', 'kubectl get pods'],
      check: {
        type: 'all',
        checks: [
          { type: 'objectGone', kind: 'ReplicaSet', name: 'frontend' },
          { type: 'podCount', selector: 'tier=frontend', count: 0, includeTerminating: true },
        ],
      },
      waitSeconds: 40,
    },
  ],
};
