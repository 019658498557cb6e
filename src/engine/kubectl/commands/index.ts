/** Every kubectl command Podlab implements, in `kubectl --help` order. */
import type { Command } from '../command';
import { annotateCommand } from './annotate';
import { apiResourcesCommand } from './apiResources';
import { apiVersionsCommand } from './apiVersions';
import { applyCommand } from './apply';
import { autoscaleCommand } from './autoscale';
import { configCommand } from './config';
import { cordon, uncordon } from './cordon';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { drainCommand } from './drain';
import { eventsCommand } from './events';
import { execCommand } from './exec';
import { explainCommand } from './explain';
import { getCommand } from './get';
import { labelCommand } from './label';
import { logsCommand } from './logs';
import { replaceCommand } from './replace';
import { rolloutCommand } from './rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { taintCommand } from './taint';
import { topCommand } from './top';
import { UNSUPPORTED_COMMANDS } from './unsupported';
import { versionCommand } from './version';

export const COMMANDS: readonly Command[] = [
  createCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  autoscaleCommand,
  cordon,
  uncordon,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  execCommand,
  topCommand,
  applyCommand,
  replaceCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
  eventsCommand,
  ...UNSUPPORTED_COMMANDS,
];
