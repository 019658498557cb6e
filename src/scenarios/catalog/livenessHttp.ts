import type { Scenario } from '../types';

/**
 * The notes' liveness-http: the k8s.gcr.io/liveness test server answers /healthz with 200 for its
 * first 10 seconds and 500 afterwards.
 */
export const livenessHttp: Scenario = {
  id: 'liveness-http',
  title: { en: 'Liveness probe: healthy for 10 s, then 500', ko: '라이브니스 프로브: 10초 동안 정상, 그 뒤 500' },
  summary: {
    en: 'The liveness test image answers /healthz with 200 for 10 seconds and with 500 after that. Follow the probe from success to failure, the restarts, and CrashLoopBackOff — and see why it takes much longer than “10 seconds”.',
    ko: 'liveness 테스트 이미지는 /healthz에 10초 동안 200, 그 뒤에는 500을 돌려줍니다. 프로브가 성공에서 실패로 바뀌고, 재시작되고, CrashLoopBackOff가 되는 과정을 따라가며 왜 “10초”보다 오래 걸리는지 봅니다.',
  },
  source: { en: 'Notes: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (파드 감시)', ko: '노트: “쿠버네티스 - 파드, 리플리카셋, 스케일러빌리티!” (파드 감시)' },
  files: [
    {
      name: 'liveness-http.yaml',
      text: `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http

spec:
  containers:
  - name: liveness
    image: k8s.gcr.io/liveness
    args:
    - /server
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: X-Custom-Header
          value: Awesome
      initialDelaySeconds: 10
      periodSeconds: 5
`,
      note: {
        en: 'The notes’ manifest, unchanged. (`k8s.gcr.io` is frozen; today the image lives at `registry.k8s.io/liveness`.)',
        ko: '노트의 매니페스트 그대로입니다. (`k8s.gcr.io`는 동결되어 지금은 `registry.k8s.io/liveness`에 있습니다.)',
      },
    },
  ],
  steps: [
    {
      id: 'apply',
      text: {
        en: `Create the pod and list it with \`--output wide\` to see its node and IP.

The probe waits \`initialDelaySeconds: 10\` after the container starts, then sends \`GET /healthz\` with the header \`X-Custom-Header: Awesome\` to port 8080 every \`periodSeconds: 5\`.`,
        ko: `파드를 만들고 \`--output wide\`로 노드와 IP를 확인하세요.

프로브는 컨테이너가 시작되고 \`initialDelaySeconds: 10\`초를 기다린 뒤, \`periodSeconds: 5\`초마다 8080 포트로 \`X-Custom-Header: Awesome\` 헤더를 붙인 \`GET /healthz\`를 보냅니다.`,
      },
      commands: ['kubectl apply -f liveness-http.yaml', 'kubectl get pods --output wide'],
      check: { type: 'podStatus', name: 'liveness-http', status: 'Running' },
      waitSeconds: 15,
    },
    {
      id: 'probe-fails',
      text: {
        en: `The server returns 200 only while it is younger than 10 seconds. The first probe comes at about 10 s, so the next ones get **500**: \`Liveness probe failed: HTTP probe failed with statuscode: 500\` appears in the events.

A status from 200 up to 399 counts as success; anything else (or no answer within \`timeoutSeconds: 1\`) is a failure.`,
        ko: `서버는 시작 후 10초 동안만 200을 돌려줍니다. 첫 프로브가 약 10초에 오므로 그다음부터는 **500**을 받고, 이벤트에 \`Liveness probe failed: HTTP probe failed with statuscode: 500\`이 찍힙니다.

200 이상 400 미만이면 성공이고, 그 외의 값이나 \`timeoutSeconds: 1\` 안에 응답이 없으면 실패입니다.`,
      },
      commands: ['kubectl describe pod liveness-http'],
      check: { type: 'eventSeen', reason: 'Unhealthy', involvedName: 'liveness-http', messageIncludes: 'HTTP probe failed with statuscode: 500' },
      waitSeconds: 20,
    },
    {
      id: 'restart',
      text: {
        en: `One failure is not enough: \`failureThreshold\` defaults to 3. After the third 500 in a row the kubelet kills the container (**Killing**) and starts a fresh one, which again answers 200 for 10 seconds. RESTARTS becomes 1.`,
        ko: `한 번 실패로는 재시작하지 않습니다. \`failureThreshold\` 기본값이 3이기 때문입니다. 500이 연속 세 번 나오면 kubelet이 컨테이너를 종료하고(**Killing**) 새로 시작합니다. 새 컨테이너는 다시 10초 동안 200을 돌려줍니다. RESTARTS가 1이 됩니다.`,
      },
      commands: ['kubectl get pods --output wide'],
      check: {
        type: 'all',
        checks: [
          { type: 'eventSeen', reason: 'Killing', involvedName: 'liveness-http', messageIncludes: 'failed liveness probe' },
          { type: 'podStatus', name: 'liveness-http', status: 'Running', minRestarts: 1 },
        ],
      },
      waitSeconds: 30,
    },
    {
      id: 'crashloop',
      text: {
        en: `The notes say that after 10 seconds you see CrashLoopBackOff. It takes longer. Each container is killed about 20–25 s after it starts (10 s delay + three 5-second probes). The kubelet’s back-off delay doubles with every restart — 10 s, 20 s, 40 s … — counted from the end of the previous container; as long as a container lived longer than the current delay, the restart is immediate. So restarts 1 to 4 come right away (~25 s apart), and only at the fifth kill, when the delay (40 s) is longer than the container lived, does the kubelet hold it: **CrashLoopBackOff**, about 2 minutes in.`,
        ko: `노트에는 10초 후에 CrashLoopBackOff가 보인다고 되어 있지만 실제로는 더 오래 걸립니다. 컨테이너는 시작 후 약 20~25초(지연 10초 + 5초 간격 프로브 3번)에 종료됩니다. kubelet의 백오프 지연은 재시작할 때마다 두 배(10초, 20초, 40초 …)가 되고, 이전 컨테이너가 끝난 시점부터 잽니다. 컨테이너가 현재 지연보다 오래 살아 있었다면 바로 재시작합니다. 그래서 1~4번째 재시작은 (약 25초 간격으로) 바로 일어나고, 지연(40초)이 컨테이너가 살아 있던 시간보다 길어지는 다섯 번째 종료 때에야 kubelet이 재시작을 미룹니다. **CrashLoopBackOff**는 약 2분쯤에 보입니다.`,
      },
      commands: ['kubectl get pods --output wide', 'kubectl describe pod liveness-http'],
      check: { type: 'podStatus', name: 'liveness-http', status: 'CrashLoopBackOff', minRestarts: 1 },
      hint: { en: 'Four immediate restarts (~25 s apart) come first.', ko: '먼저 약 25초 간격으로 네 번 바로 재시작합니다.' },
      waitSeconds: 120,
    },
  ],
};
