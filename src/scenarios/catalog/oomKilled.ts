import type { Scenario } from '../types';

/** The notes' limits-pod: stress allocates 500M in a container limited to 300Mi → OOMKilled, then CrashLoopBackOff. */
export const oomKilled: Scenario = {
  id: 'oom-killed',
  title: { en: 'Memory limit: OOMKilled and CrashLoopBackOff', ko: '메모리 제한: OOMKilled와 CrashLoopBackOff' },
  summary: {
    en: 'A stress container tries to use 500M of memory under a 300Mi limit. The kernel kills it (OOMKilled, exit code 137), the kubelet restarts it, and the restarts back off — as in the notes’ `kubectl get pods` outputs.',
    ko: 'stress 컨테이너가 300Mi 제한 아래에서 500M 메모리를 쓰려고 합니다. 커널이 컨테이너를 종료하고(OOMKilled, 종료 코드 137), kubelet이 재시작하며, 재시작 간격이 늘어납니다. 노트의 `kubectl get pods` 출력 그대로입니다.',
  },
  source: { en: 'Notes: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (limits)', ko: '노트: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (limits)' },
  files: [
    {
      name: 'limits-pod.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: limits-pod
spec:
  containers:
  - name: main
    image: polinux/stress
    resources:
      limits:
        cpu: 90m
        memory: 300Mi
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "500M", "--vm-hang", "1"]
`,
      note: { en: 'The notes’ manifest, unchanged.', ko: '노트의 매니페스트 그대로.' },
    },
  ],
  steps: [
    {
      id: 'oom',
      text: {
        en: `Create the pod and list it a few times. As in the notes: **ContainerCreating** (pulling \`polinux/stress\`), **Running** for a moment, then **OOMKilled**.

\`stress --vm 1 --vm-bytes 500M\` allocates 500 MB, but \`limits.memory: 300Mi\` caps the container’s memory cgroup at 300 MiB. When the process goes over, the kernel’s OOM killer ends it with SIGKILL: exit code **137**.`,
        ko: `파드를 만들고 목록을 몇 번 확인하세요. 노트처럼 **ContainerCreating**(\`polinux/stress\` 이미지를 받는 중) → 잠깐 **Running** → **OOMKilled**가 됩니다.

\`stress --vm 1 --vm-bytes 500M\`은 500MB를 할당하려 하지만 \`limits.memory: 300Mi\`가 컨테이너의 메모리를 300MiB로 묶습니다. 한도를 넘으면 커널의 OOM killer가 SIGKILL로 프로세스를 끝냅니다. 종료 코드는 **137**입니다.`,
      },
      commands: ['kubectl apply -f limits-pod.yaml', 'kubectl get pods --output wide'],
      check: { type: 'containerTerminated', pod: 'limits-pod', reason: 'OOMKilled', exitCode: 137 },
      waitSeconds: 15,
    },
    {
      id: 'describe',
      text: {
        en: `Describe the pod. **Last State: Terminated, Reason: OOMKilled, Exit Code: 137** tells you what happened to the previous container.

Also look at **Limits** and **Requests**: only limits were written, so requests default to the same values (cpu 90m, memory 300Mi) and the pod’s QoS class is **Guaranteed**. \`limits\` is the ceiling a container may use; \`requests\` is what the scheduler reserves for it.`,
        ko: `파드를 describe 해 보세요. **Last State: Terminated, Reason: OOMKilled, Exit Code: 137**이 이전 컨테이너에 무슨 일이 있었는지 알려 줍니다.

**Limits**와 **Requests**도 보세요. limits만 적었으므로 requests도 같은 값(cpu 90m, memory 300Mi)으로 채워지고, 파드의 QoS 클래스는 **Guaranteed**입니다. \`limits\`는 컨테이너가 쓸 수 있는 상한이고, \`requests\`는 스케줄러가 예약해 두는 양입니다.`,
      },
      commands: ['kubectl describe pod limits-pod'],
    },
    {
      id: 'crashloop',
      text: {
        en: `Kubernetes heals by restarting: the default \`restartPolicy\` is \`Always\`. Every new container is killed within a second, so after the first immediate restart the kubelet waits 10 s, 20 s, 40 s … (counted from each kill) before the next. Right after a kill STATUS shows **OOMKilled** until the kubelet’s next sync (about 10 s later); from then until the restart it shows **CrashLoopBackOff**. The notes saw \`CrashLoopBackOff 2\` at 43 s.`,
        ko: `쿠버네티스는 재시작으로 복구를 시도합니다. 기본 \`restartPolicy\`가 \`Always\`이기 때문입니다. 새 컨테이너도 1초 안에 같은 이유로 종료되므로, 첫 재시작은 바로 하고 그 뒤로는 (종료 시점부터) 10초, 20초, 40초 … 기다립니다. 종료 직후에는 kubelet이 다음에 동기화할 때까지(약 10초) STATUS가 **OOMKilled**로 보이고, 그때부터 재시작할 때까지는 **CrashLoopBackOff**입니다. 노트에서는 43초에 \`CrashLoopBackOff 2\`였습니다.`,
      },
      commands: ['kubectl get pods --output wide'],
      check: { type: 'podStatus', name: 'limits-pod', status: 'CrashLoopBackOff', minRestarts: 2 },
      waitSeconds: 45,
    },
    {
      id: 'restarts-grow',
      text: {
        en: `Fast-forward to about 7 minutes. RESTARTS keeps growing — the notes show \`CrashLoopBackOff 6\` at \`7m15s\` — but more and more slowly, because the back-off doubles up to 5 minutes.

Raising the limit (or lowering \`--vm-bytes\`) is the fix; restarting cannot help a container that always needs more memory than it may use.`,
        ko: `7분쯤까지 빨리 감기하세요. RESTARTS는 계속 늘어나지만(노트는 \`7m15s\`에 \`CrashLoopBackOff 6\`) 백오프가 5분까지 두 배씩 늘어나므로 점점 느려집니다.

해결책은 limit을 올리거나 \`--vm-bytes\`를 줄이는 것입니다. 항상 허용량보다 많은 메모리가 필요한 컨테이너는 재시작으로 고칠 수 없습니다.`,
      },
      commands: ['kubectl get pods --output wide'],
      check: { type: 'podStatus', name: 'limits-pod', status: 'CrashLoopBackOff', minRestarts: 6 },
      hint: { en: 'The sixth restart comes after roughly 5–6 minutes.', ko: '여섯 번째 재시작은 약 5~6분 뒤에 옵니다.' },
      waitSeconds: 400,
    },
  ],
};
