/**
 * Commands that need something a simulated cluster in a browser tab does not have (a network
 * path into the cluster, a real filesystem, an interactive terminal, an editor subprocess).
 * Each explains that honestly and suggests what works in Podlab instead.
 */
import type { Command } from '../command';
import { fail } from '../errors';

export function unsupported(name: string, short: string, why: string, commandPath = `kubectl ${name}`, aliases?: readonly string[]): Command {
  return {
    name,
    aliases,
    short,
    explainsOnly: true,
    run: () => fail(`"${commandPath}" is not available in Podlab: ${why}`),
  };
}

export const UNSUPPORTED_COMMANDS: readonly Command[] = [
  unsupported('port-forward', 'Forward one or more local ports to a pod', 'it forwards ports from your machine into the cluster network, and a simulated cluster has no network your browser can reach. Try "kubectl exec <pod> -- curl http://<pod-ip>:<port>/" to call a pod from inside the cluster.'),
  unsupported('proxy', 'Run a proxy to the Kubernetes API server', 'it serves the API server on a local port, and the simulated API server lives inside this browser tab. Use kubectl get, describe and -o yaml|json to read the same objects.'),
  unsupported('cp', 'Copy files and directories to and from containers', 'simulated containers have no real filesystem to copy from or to. "kubectl exec <pod> -- cat <file>" shows the files a container declares.'),
  unsupported('attach', 'Attach to a running container', 'simulated containers have no terminal to attach to. "kubectl logs -f <pod>" streams what the container prints.'),
  unsupported('edit', 'Edit a resource on the server', 'it opens an editor process. Edit the manifest in Podlab\'s editor and run "kubectl apply -f <file>" instead.'),
  unsupported('patch', 'Update fields of a resource', 'Podlab does not implement patches yet. Change the manifest in the editor and "kubectl apply -f <file>", or use kubectl label, annotate, scale or set image.'),
  unsupported('debug', 'Create debugging sessions for troubleshooting workloads and nodes', 'ephemeral debug containers need an interactive terminal. "kubectl describe pod", "kubectl logs" and "kubectl events" show what is going on.'),
  unsupported('wait', 'Experimental: Wait for a specific condition on one or many resources', 'the console runs one command at a time and never blocks. Watch with "kubectl get <type> -w" or "kubectl rollout status" while the simulation runs.'),
  unsupported('diff', 'Diff the live version against a would-be applied version', 'Podlab does not compute server-side diffs. "kubectl apply --dry-run=server -o yaml -f <file>" shows the object the server would store.'),
  unsupported('cluster-info', 'Display cluster information', 'the simulated control plane has no network endpoints to list. "kubectl get nodes" and "kubectl version" describe the cluster.'),
  unsupported('kustomize', 'Build a kustomization target from a directory or URL', 'kustomize needs a directory of files; apply the rendered manifests from the editor instead.'),
  unsupported('auth', 'Inspect authorization', 'Podlab does not simulate RBAC: every request is allowed.'),
  unsupported('certificate', 'Modify certificate resources', 'Podlab does not simulate certificate signing requests.'),
  unsupported('expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', 'Podlab does not simulate Services yet.'),
  unsupported('plugin', 'Provides utilities for interacting with plugins', 'kubectl plugins are programs on your machine, and Podlab\'s kubectl runs inside the browser.'),
];
