/**
 * The shape of a kubectl (sub)command: name, flags, help text and what it does. Commands live
 * one per file in ./commands and are listed in ./commands/index.ts.
 */
import type { KubectlContext } from './context';
import type { FlagDef, Flags } from './flags';

export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** One-line description, as in `kubectl --help`. */
  readonly short: string;
  /** Usage line shown by --help. */
  readonly use?: string;
  readonly flags?: readonly FlagDef[];
  readonly subcommands?: readonly Command[];
  /** The command only explains that Podlab cannot do this; its flags are not parsed. */
  readonly explainsOnly?: boolean;
  /** Runs the command; throws KubectlError for failures. `path` is e.g. "kubectl rollout status". */
  run?(ctx: KubectlContext, flags: Flags, path: string): void;
}

/** Flags every kubectl command accepts (kubectl options). */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string', description: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', description: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', description: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', description: 'The name of the kubeconfig user to use' },
  { name: 'kubeconfig', type: 'string', description: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'server', short: 's', type: 'string', description: 'The address and port of the Kubernetes API server' },
  { name: 'token', type: 'string', description: 'Bearer token for authentication to the API server' },
  { name: 'request-timeout', type: 'string', description: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', short: 'v', type: 'int', description: 'number for the log level verbosity' },
  { name: 'insecure-skip-tls-verify', type: 'bool', description: 'If true, the server\'s certificate will not be checked for validity.' },
  { name: 'match-server-version', type: 'bool', description: 'Require server version to match client version' },
  { name: 'warnings-as-errors', type: 'bool', description: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'help', short: 'h', type: 'bool', description: 'help for this command' },
];

/** Output flag family shared by commands that print objects (-o). */
export const OUTPUT_FLAG: FlagDef = { name: 'output', short: 'o', type: 'string', description: 'Output format.' };
export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', type: 'string', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' };
export const FILENAME_FLAG: FlagDef = { name: 'filename', short: 'f', type: 'stringSlice', description: 'Filename, directory, or URL to files.' };
export const SELECTOR_FLAG: FlagDef = { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' };
export const ALL_NAMESPACES_FLAG: FlagDef = { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If present, list the requested object(s) across all namespaces.' };
export const RECURSIVE_FLAG: FlagDef = { name: 'recursive', short: 'R', type: 'bool', description: 'Process the directory used in -f, --filename recursively.' };
