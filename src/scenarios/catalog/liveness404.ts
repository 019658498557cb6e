import type { Scenario } from '../types';

/**
 * The notes' liveness-pod: nginx has no /health page, so every probe gets 404; after three
 * failures the kubelet restarts the container, and the restarts back off into CrashLoopBackOff.
 */
export const liveness404: Scenario = {
  id: 'liveness-404',
  title: { en: 'Liveness probe: 404 → restarts → CrashLoopBackOff', ko: '라이브니스 프로브: 404 → 재시작 → CrashLoopBackOff' },
  summary: {
    en: 'nginx answers 404 on /health, so the liveness probe fails. Watch the kubelet restart the container after three failures, and the restarts slow down into CrashLoopBackOff — about ten minutes in, the notes’ `0/1 CrashLoopBackOff 7 (… ago)`.',
    ko: 'nginx는 /health에 404를 돌려주므로 라이브니스 프로브가 실패합니다. 세 번 실패하면 kubelet이 컨테이너를 재시작하고, 재시작 간격이 점점 늘어나 CrashLoopBackOff가 되는 과정을 봅니다. 10여 분이 지나면 노트처럼 `0/1 CrashLoopBackOff 7 (… ago)`가 됩니다.',
  },
  source: { en: 'Notes: “파드를 안정적으로 유지하기” (liveness probes)', ko: '노트: “파드를 안정적으로 유지하기” (라이브니스 프로브)' },
  files: [
    {
      name: 'liveness-pod.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: liveness-pod
spec:
  containers:
  - name: my-app
    image: nginx
    livenessProbe:
      httpGet:
        path: /health
        port: 80
      initialDelaySeconds: 5
      periodSeconds: 10
`,
      note: {
        en: 'The notes’ manifest. The blog flattened its indentation (`name` sat beside `metadata`, `image` under `- name`), which YAML reads differently; it is restored here.',
        ko: '노트의 매니페스트입니다. 블로그에서 들여쓰기가 무너져(`name`이 `metadata`와 같은 줄 높이, `image`가 `- name` 아래) YAML이 다르게 읽히므로 들여쓰기만 복원했습니다.',
      },
    },
  ],
  steps: [
    {
      id: 'apply',
      text: {
        en: `Create the pod. It starts normally: nginx runs and READY shows \`1/1\`.

The liveness probe has not run yet: \`initialDelaySeconds: 5\` makes the kubelet wait 5 seconds after the container starts.`,
        ko: `파드를 만드세요. 처음에는 정상적으로 시작해 nginx가 실행되고 READY가 \`1/1\`입니다.

라이브니스 프로브는 아직 실행되지 않았습니다. \`initialDelaySeconds: 5\` 때문에 kubelet은 컨테이너가 시작되고 5초를 기다립니다.`,
      },
      commands: ['kubectl apply -f liveness-pod.yaml', 'kubectl get pods'],
      check: { type: 'podStatus', name: 'liveness-pod', status: 'Running' },
      waitSeconds: 15,
    },
    {
      id: 'probe-fails',
      text: {
        en: `Describe the pod. The **Liveness** line reads \`http-get http://:80/health delay=5s timeout=1s period=10s #success=1 #failure=3\`: a GET every 10 s, and 3 failures in a row count as dead.

nginx has no \`/health\` page, so the events fill with **Unhealthy** — \`Liveness probe failed: HTTP probe failed with statuscode: 404\`. Only answers from 200 up to 399 count as healthy.`,
        ko: `파드를 describe 해 보세요. **Liveness** 줄에 \`http-get http://:80/health delay=5s timeout=1s period=10s #success=1 #failure=3\`이 보입니다. 10초마다 GET을 보내고, 연속 3번 실패하면 죽은 것으로 봅니다.

nginx에는 \`/health\` 페이지가 없으므로 이벤트에 **Unhealthy** — \`Liveness probe failed: HTTP probe failed with statuscode: 404\`가 쌓입니다. 200 이상 400 미만 응답만 정상으로 간주합니다.`,
      },
      commands: ['kubectl describe pod liveness-pod'],
      check: { type: 'eventSeen', reason: 'Unhealthy', involvedName: 'liveness-pod', messageIncludes: 'HTTP probe failed with statuscode: 404' },
      waitSeconds: 20,
    },
    {
      id: 'first-restart',
      text: {
        en: `Keep watching. After the **third** failure the kubelet kills the container — event **Killing**: \`Container my-app failed liveness probe, will be restarted\` — and starts a new one right away. RESTARTS becomes 1.

The container was up (“실제로 컨테이너는 올라갔지만”), but the check from outside says the application is not healthy, so the kubelet restarts it. That is the point of a liveness probe: the kubelet notices a broken app even when the process has not exited.`,
        ko: `계속 지켜보세요. **세 번째** 실패 뒤 kubelet이 컨테이너를 종료하고(이벤트 **Killing**: \`Container my-app failed liveness probe, will be restarted\`) 바로 새 컨테이너를 시작합니다. RESTARTS가 1이 됩니다.

노트 말대로 컨테이너는 올라갔지만, 외부에서 확인한 애플리케이션 상태가 비정상이므로 kubelet이 재시작합니다. 프로세스가 죽지 않아도 고장 난 애플리케이션을 찾아내는 것이 라이브니스 프로브의 역할입니다.`,
      },
      commands: ['kubectl get pods', 'kubectl describe pod liveness-pod'],
      check: {
        type: 'all',
        checks: [
          { type: 'eventSeen', reason: 'Killing', involvedName: 'liveness-pod', messageIncludes: 'failed liveness probe, will be restarted' },
          { type: 'podStatus', name: 'liveness-pod', status: 'Running', minRestarts: 1 },
        ],
      },
      hint: { en: 'First probe at ~5 s, then every 10 s: the third failure comes about 25–35 s after the container starts.', ko: '첫 프로브는 약 5초, 이후 10초마다 실행되므로 세 번째 실패는 컨테이너 시작 후 약 25~35초에 옵니다.' },
      waitSeconds: 40,
    },
    {
      id: 'crashloop',
      text: {
        en: `Every new container fails the same way and is killed about 30 s after it starts. The kubelet does not restart crashing containers at full speed forever: it keeps a **back-off** delay per container that doubles with every restart — 10 s, 20 s, 40 s … up to 5 minutes — counted from the moment the previous container ended.

Here each container lives ~30 s, longer than the first delays, so restarts 1 to 4 happen right away (RESTARTS climbs 1, 2, 3, 4 while STATUS stays \`Running\`). At the next kill the delay is 40 s, longer than the container lived: now the kubelet **holds** the container. STATUS shows **CrashLoopBackOff** and READY \`0/1\`. That is about 2½ minutes in.

The matching **BackOff** event (\`Back-off restarting failed container my-app in pod liveness-pod_default(…)\`) shows up in \`describe\` only later: the kubelet has already reported 25 events about this pod, and the event spam filter then lets through one every 5 minutes, folding the rest into its count. That is why the notes’ \`describe\` stops at \`Unhealthy (x9)\` and \`Killing (x3)\` but shows \`BackOff (x26 over 9m41s)\`.

CrashLoopBackOff is not a phase — \`status.phase\` is still \`Running\`; it is what kubectl prints while the restart is on hold.`,
        ko: `새 컨테이너도 매번 같은 이유로 실패해 시작 후 약 30초에 종료됩니다. kubelet은 죽는 컨테이너를 무한정 바로 재시작하지 않습니다. 컨테이너마다 **백오프** 지연을 두고 재시작할 때마다 두 배로 늘립니다(10초, 20초, 40초 … 최대 5분). 지연은 이전 컨테이너가 끝난 시점부터 잽니다.

여기서는 컨테이너가 약 30초씩 살아 있어 처음 지연들보다 길기 때문에, 1~4번째 재시작은 바로 일어납니다(STATUS는 \`Running\`인 채로 RESTARTS가 1, 2, 3, 4로 증가). 다음 종료 때 지연은 40초로 컨테이너가 살아 있던 시간보다 깁니다. 이제 kubelet이 재시작을 **미룹니다**. STATUS는 **CrashLoopBackOff**, READY는 \`0/1\`이 됩니다. 시작 후 약 2분 30초쯤입니다.

이에 해당하는 **BackOff** 이벤트(\`Back-off restarting failed container my-app in pod liveness-pod_default(…)\`)는 \`describe\`에 나중에야 보입니다. kubelet이 이 파드에 대해 이미 이벤트 25개를 보냈고, 이벤트 스팸 필터가 그 뒤로는 5분에 하나만 통과시키며 나머지는 횟수로 합치기 때문입니다. 노트의 \`describe\`에서 \`Unhealthy (x9)\`, \`Killing (x3)\`에서 멈췄는데 \`BackOff (x26 over 9m41s)\`만 계속 늘어난 것도 이 때문입니다.

CrashLoopBackOff는 phase가 아닙니다. \`status.phase\`는 여전히 \`Running\`이고, 재시작을 미루고 있는 동안 kubectl이 보여 주는 표시입니다.`,
      },
      commands: ['kubectl get pods -w'],
      check: { type: 'podStatus', name: 'liveness-pod', status: 'CrashLoopBackOff', minRestarts: 1 },
      hint: {
        en: 'Four quick restarts come first (one every ~30 s); CrashLoopBackOff shows after the fifth kill, about 2½ minutes after the pod was created.',
        ko: '먼저 약 30초마다 네 번 바로 재시작합니다. CrashLoopBackOff는 다섯 번째 종료 뒤, 파드 생성 후 약 2분 30초에 보입니다.',
      },
      waitSeconds: 150,
    },
    {
      id: 'backoff-grows',
      text: {
        en: `Fast-forward about 10 minutes and list the pods again. The delays are now 80 s, 160 s and finally the 5-minute cap, so RESTARTS grows slowly; as in the notes you reach \`0/1 CrashLoopBackOff 7 (… ago)\` — the time in brackets is how long ago the last container ended. (Right after each kill, STATUS shows \`Completed\` for a few seconds, until the kubelet’s next sync notices it must wait.)

In \`describe\`, the events are folded: \`Unhealthy … (xN over 11m)\` counts repeats instead of printing each one. **Last State: Terminated** shows how the previous container ended. nginx stops cleanly on the kubelet’s SIGTERM (exit code 0, reason Completed); a process that ignores SIGTERM is SIGKILLed after the grace period and shows **137** = 128 + 9 — the “killed from outside” code the notes mention.

Lessons from the notes: keep probes light (they run often) and do not build retry loops into them — the kubelet already retries (\`failureThreshold\`).`,
        ko: `10분쯤 빨리 감기한 뒤 파드 목록을 다시 보세요. 이제 지연이 80초, 160초, 그리고 최대 5분이 되어 RESTARTS가 천천히 늘어납니다. 노트처럼 \`0/1 CrashLoopBackOff 7 (… ago)\`가 됩니다. 괄호 안은 마지막 컨테이너가 끝난 지 얼마나 지났는지입니다. (종료 직후 몇 초 동안은 kubelet이 다음 동기화에서 기다려야 한다는 것을 알아챌 때까지 STATUS가 \`Completed\`로 보입니다.)

\`describe\`의 이벤트는 합쳐서 보여 줍니다. \`Unhealthy … (xN over 11m)\`처럼 반복 횟수를 셉니다. **Last State: Terminated**에서 이전 컨테이너가 어떻게 끝났는지 볼 수 있습니다. nginx는 kubelet의 SIGTERM을 받으면 깔끔하게 종료합니다(종료 코드 0, Reason Completed). SIGTERM을 무시하는 프로세스는 유예 시간이 지나면 SIGKILL을 받아 **137**(= 128 + 9)로 끝납니다. 노트가 말한 “외부에서 종료됐음”을 나타내는 코드입니다.

노트의 교훈: 프로브는 자주 실행되니 가볍게 유지하고, 프로브 안에 재시도 루프를 만들지 마세요. kubelet이 이미 재시도합니다(\`failureThreshold\`).`,
      },
      commands: ['kubectl get pods', 'kubectl describe pod liveness-pod'],
      check: { type: 'podStatus', name: 'liveness-pod', status: 'CrashLoopBackOff', minRestarts: 7, ready: '0/1' },
      hint: {
        en: 'The seventh restart is followed by a kill about 8–10 minutes after the pod was created; then the pod waits 5 minutes in CrashLoopBackOff with 7 restarts.',
        ko: '일곱 번째 재시작한 컨테이너는 파드 생성 후 약 8~10분에 종료되고, 그 뒤 재시작 7회인 채로 5분 동안 CrashLoopBackOff에 머뭅니다.',
      },
      waitSeconds: 480,
    },
  ],
};
