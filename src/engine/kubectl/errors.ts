/**
 * How kubectl reports failures (cmdutil.CheckErr): API errors as `Error from server (Reason): …`,
 * everything else prefixed with `error: `, flag errors followed by the help hint. Commands throw
 * these; the dispatcher prints them to stderr with exit code 1.
 */
import { type ApiError } from '../apiserver/errors';

export class KubectlError extends Error {
  constructor(
    /** The complete stderr text, newline-terminated. */
    readonly stderr: string,
    readonly exitCode = 1,
  ) {
    super(stderr.trimEnd());
    this.name = 'KubectlError';
  }
}

/** cmdutil.CheckErr for a plain error: prefixes `error: ` unless the text already has it. */
export function errorText(message: string): string {
  const text = message.startsWith('error: ') ? message : `error: ${message}`;
  return text.endsWith('\n') ? text : text + '\n';
}

export function fail(message: string): never {
  throw new KubectlError(errorText(message));
}

/** The StatusError text kubectl prints for an apiserver error. */
export function serverErrorText(error: ApiError): string {
  return `Error from server (${error.reason}): ${error.message}\n`;
}

export function failFromServer(error: ApiError): never {
  throw new KubectlError(serverErrorText(error));
}

/** pflag/cobra parse errors: the message, then the help pointer for the command path. */
export function flagError(commandPath: string, message: string): never {
  throw new KubectlError(`error: ${message}\nSee '${commandPath} --help' for usage.\n`);
}

/** cmdutil.UsageErrorf. */
export function usageError(commandPath: string, message: string): never {
  throw new KubectlError(`error: ${message}\nSee '${commandPath} -h' for help and examples\n`);
}
