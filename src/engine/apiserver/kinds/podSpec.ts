/**
 * PodSpec defaulting (SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_ContainerPort) and
 * validation (ValidatePodSpec and the container checks), shared by Pods and every pod template.
 */
import type { FieldError } from '../errors';
import { validateLabels } from '../../api/labels';
import { isDNS1123Label, nameIsDNSLabel, nameIsDNSSubdomain, validateTemplateMeta } from './metadata';
import { defaultLifecycle, defaultProbe, portNameErrors, portNumberErrors, validateLifecycle, validateProbe } from './probes';
import { validateResourceRequirements } from './resources';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling';
import { duplicate, forbidden, fromTexts, inclusiveRangeError, invalid, isRecord, notFound, required, unsupported, type Obj } from './util';

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
const MAX_INT32 = 2147483647;

/** The tag of an image reference (parsers.ParseImageName): "" when a digest pins it, "latest" when none. */
export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : 'latest';
}

function defaultContainer(c: Obj, hostNetwork: boolean): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(typeof c.image === 'string' ? c.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  // A Go struct field, so the API always returns `resources: {}`.
  if (c.resources === undefined || c.resources === null) c.resources = {};
  for (const port of Array.isArray(c.ports) ? c.ports : []) {
    if (!isRecord(port)) continue;
    if (!port.protocol) port.protocol = 'TCP';
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultLifecycle(c.lifecycle);
  for (const env of Array.isArray(c.env) ? c.env : []) {
    const fieldRef = isRecord(env) && isRecord(env.valueFrom) && isRecord(env.valueFrom.fieldRef) ? env.valueFrom.fieldRef : undefined;
    if (fieldRef && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
  }
}

/** SetDefaults_PodSpec and the container defaults; idempotent. */
export function defaultPodSpec(spec: Obj): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  const hostNetwork = spec.hostNetwork === true;
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of Array.isArray(list) ? list : []) if (isRecord(c)) defaultContainer(c, hostNetwork);
  }
  for (const volume of Array.isArray(spec.volumes) ? spec.volumes : []) {
    // SetDefaults_Volume: a volume naming no source is an emptyDir.
    if (isRecord(volume) && Object.keys(volume).every((k) => k === 'name')) volume.emptyDir = {};
  }
}

export interface PodSpecValidationOptions {
  /** Pod-only checks (not for templates): image whitespace. */
  readonly isPod: boolean;
}

function validateContainerPorts(ports: unknown, path: string): FieldError[] {
  if (!Array.isArray(ports)) return [];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const port: Obj = isRecord(raw) ? raw : {};
    if (typeof port.name === 'string' && port.name !== '') {
      const msgs = portNameErrors(port.name);
      if (msgs.length > 0) msgs.forEach((msg) => errs.push(invalid(`${p}.name`, port.name, msg)));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    const containerPort = typeof port.containerPort === 'number' ? port.containerPort : 0;
    if (containerPort === 0) errs.push(required(`${p}.containerPort`));
    else portNumberErrors(containerPort).forEach((msg) => errs.push(invalid(`${p}.containerPort`, containerPort, msg)));
    const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
    if (hostPort !== 0) portNumberErrors(hostPort).forEach((msg) => errs.push(invalid(`${p}.hostPort`, hostPort, msg)));
    if (!port.protocol) errs.push(required(`${p}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(String(port.protocol))) errs.push(unsupported(`${p}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

/** ValidateEnv with relaxed names (RelaxedEnvironmentVariableValidation, on by default since 1.32). */
function validateEnv(env: unknown, path: string): FieldError[] {
  if (!Array.isArray(env)) return [];
  const errs: FieldError[] = [];
  env.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const ev: Obj = isRecord(raw) ? raw : {};
    const name = typeof ev.name === 'string' ? ev.name : '';
    if (!name) errs.push(required(`${p}.name`));
    else if (!/^[\x20-\x7e]+$/.test(name) || name.includes('=')) errs.push(invalid(`${p}.name`, name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    if (isRecord(ev.valueFrom)) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => ev.valueFrom && isRecord((ev.valueFrom as Obj)[k]));
      const vp = `${p}.valueFrom`;
      if (sources.length === 0) errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      else if (typeof ev.value === 'string' && ev.value !== '') errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
      else if (sources.length > 1) errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  if (!Array.isArray(mounts)) return [];
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  mounts.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const m: Obj = isRecord(raw) ? raw : {};
    const name = typeof m.name === 'string' ? m.name : '';
    const mountPath = typeof m.mountPath === 'string' ? m.mountPath : '';
    if (!name) errs.push(required(`${p}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${p}.name`, name));
    if (!mountPath) errs.push(required(`${p}.mountPath`));
    if (mountPaths.has(mountPath)) errs.push(invalid(`${p}.mountPath`, mountPath, 'must be unique'));
    mountPaths.add(mountPath);
  });
  return errs;
}

/** ValidateVolumes: names only (Podlab does not model volume sources); returns the valid names. */
function validateVolumes(volumes: unknown, path: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  if (!Array.isArray(volumes)) return { names, errs };
  volumes.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const v: Obj = isRecord(raw) ? raw : {};
    const name = typeof v.name === 'string' ? v.name : '';
    const el: FieldError[] = [];
    const sources = Object.keys(v).filter((k) => k !== 'name');
    sources.slice(1).forEach((source) => el.push(forbidden(`${p}.${source}`, 'may not specify more than 1 volume type')));
    if (sources.length === 0) el.push(required(p, 'must specify a volume type'));
    if (!name) el.push(required(`${p}.name`));
    else isDNS1123Label(name).forEach((msg) => el.push(invalid(`${p}.name`, name, msg)));
    if (names.has(name)) el.push(duplicate(`${p}.name`, name));
    if (el.length === 0) names.add(name);
    errs.push(...el);
  });
  return { names, errs };
}

function validateContainerCommon(c: Obj, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof c.name === 'string' ? c.name : '';
  if (!name) errs.push(required(`${path}.name`));
  else isDNS1123Label(name).forEach((msg) => errs.push(invalid(`${path}.name`, name, msg)));
  if (typeof c.image !== 'string' || c.image.length === 0) errs.push(required(`${path}.image`));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(unsupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  const pull = c.imagePullPolicy;
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(String(pull))) errs.push(unsupported(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

/** checkHostPortConflicts: one protocol/hostIP/hostPort per pod. */
function hostPortConflicts(containers: readonly unknown[], path: string, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((raw, ci) => {
    const ports = isRecord(raw) && Array.isArray(raw.ports) ? raw.ports : [];
    ports.forEach((port, pi) => {
      if (!isRecord(port) || !port.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(containers: unknown, volumes: ReadonlySet<string>, gracePeriod: number | undefined, path: string): FieldError[] {
  if (containers !== undefined && containers !== null && !Array.isArray(containers)) return [invalid(path, containers, 'must be a list of containers')];
  if (!Array.isArray(containers) || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(raw)) return errs.push(invalid(p, raw, 'must be a container (an object with name and image)'));
    errs.push(...validateContainerCommon(raw, volumes, p));
    const name = typeof raw.name === 'string' ? raw.name : '';
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else names.add(name);
    if (raw.lifecycle !== undefined && raw.lifecycle !== null) errs.push(...validateLifecycle(raw.lifecycle, gracePeriod, `${p}.lifecycle`));
    errs.push(...validateProbe(raw.livenessProbe, 'livenessProbe', gracePeriod, `${p}.livenessProbe`));
    errs.push(...validateProbe(raw.readinessProbe, 'readinessProbe', gracePeriod, `${p}.readinessProbe`));
    errs.push(...validateProbe(raw.startupProbe, 'startupProbe', gracePeriod, `${p}.startupProbe`));
    if (raw.restartPolicy !== undefined && raw.restartPolicy !== null) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, path, new Set()));
  return errs;
}

function validateInitContainers(initContainers: unknown, containers: unknown, volumes: ReadonlySet<string>, gracePeriod: number | undefined, path: string): FieldError[] {
  if (!Array.isArray(initContainers)) return [];
  const errs: FieldError[] = [];
  const names = new Set((Array.isArray(containers) ? containers : []).map((c) => (isRecord(c) ? c.name : undefined)).filter((n): n is string => typeof n === 'string'));
  initContainers.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    if (!isRecord(raw)) return errs.push(invalid(p, raw, 'must be a container (an object with name and image)'));
    errs.push(...validateContainerCommon(raw, volumes, p));
    let sidecar = false;
    if (raw.restartPolicy !== undefined && raw.restartPolicy !== null) {
      if (raw.restartPolicy !== 'Always') errs.push(unsupported(`${p}.restartPolicy`, raw.restartPolicy, ['Always']));
      sidecar = raw.restartPolicy === 'Always';
    }
    const name = typeof raw.name === 'string' ? raw.name : '';
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else if (name) names.add(name);
    errs.push(...hostPortConflicts([raw], path, new Set()));
    if (sidecar) {
      if (raw.lifecycle !== undefined && raw.lifecycle !== null) errs.push(...validateLifecycle(raw.lifecycle, gracePeriod, `${p}.lifecycle`));
      errs.push(...validateProbe(raw.livenessProbe, 'livenessProbe', gracePeriod, `${p}.livenessProbe`));
      errs.push(...validateProbe(raw.readinessProbe, 'readinessProbe', gracePeriod, `${p}.readinessProbe`));
      errs.push(...validateProbe(raw.startupProbe, 'startupProbe', gracePeriod, `${p}.startupProbe`));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (raw[key] !== undefined && raw[key] !== null) errs.push(forbidden(`${p}.${key}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function validateOptionalName(value: unknown, path: string, fn: (name: string, prefix: boolean) => string[]): FieldError[] {
  if (typeof value !== 'string' || value === '') return [];
  return fn(value, false).map((msg) => invalid(path, value, msg));
}

/** ValidatePodSpec (the parts Podlab can check), in the apiserver's order. */
export function validatePodSpec(spec: unknown, path: string, opts: PodSpecValidationOptions): FieldError[] {
  if (!isRecord(spec)) return spec === undefined || spec === null ? [required(`${path}.containers`)] : [invalid(path, spec, 'must be a pod spec object')];
  const errs: FieldError[] = [];
  const tgps = spec.terminationGracePeriodSeconds;
  if (tgps === undefined || tgps === null) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const gracePeriod = typeof tgps === 'number' ? tgps : undefined;
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...volumes.errs);
  errs.push(...validateContainers(spec.containers, volumes.names, gracePeriod, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes.names, gracePeriod, `${path}.initContainers`));
  const rp = spec.restartPolicy;
  if (!rp) errs.push(required(`${path}.restartPolicy`));
  else if (!['Always', 'OnFailure', 'Never'].includes(String(rp))) errs.push(unsupported(`${path}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']));
  const dns = spec.dnsPolicy;
  if (!dns) errs.push(required(`${path}.dnsPolicy`));
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(String(dns))) errs.push(unsupported(`${path}.dnsPolicy`, dns, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  errs.push(...fromTexts(validateLabels(spec.nodeSelector, `${path}.nodeSelector`)));
  (Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []).forEach((s, i) => {
    if (isRecord(s) && Object.keys(s).some((k) => k !== 'name')) errs.push(invalid(`${path}.imagePullSecrets[${i}]`, s, 'only name may be set'));
  });
  errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  errs.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, `${path}.topologySpreadConstraints`));
  errs.push(...validateOptionalName(spec.serviceAccountName, `${path}.serviceAccountName`, nameIsDNSSubdomain));
  errs.push(...validateOptionalName(spec.nodeName, `${path}.nodeName`, nameIsDNSSubdomain));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > MAX_INT32)) errs.push(invalid(`${path}.activeDeadlineSeconds`, ads, inclusiveRangeError(1, MAX_INT32)));
  errs.push(...validateOptionalName(spec.hostname, `${path}.hostname`, nameIsDNSLabel));
  errs.push(...validateOptionalName(spec.subdomain, `${path}.subdomain`, nameIsDNSLabel));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  errs.push(...validateOptionalName(spec.priorityClassName, `${path}.priorityClassName`, nameIsDNSSubdomain));
  const pp = spec.preemptionPolicy;
  if (pp !== undefined && pp !== null) {
    if (pp === '') errs.push(required(`${path}.preemptionPolicy`));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(unsupported(`${path}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']));
  }
  if (opts.isPod) {
    (Array.isArray(spec.containers) ? spec.containers : []).forEach((c, i) => {
      if (isRecord(c) && typeof c.image === 'string' && c.image.trim() !== c.image) errs.push(invalid(`${path}.containers[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

/** Pod-specific annotations (ValidatePodSpecificAnnotations): the deletion cost must be an int32. */
export function validatePodAnnotations(annotations: unknown, path: string): FieldError[] {
  if (!isRecord(annotations)) return [];
  const cost = annotations['controller.kubernetes.io/pod-deletion-cost'];
  if (cost === undefined) return [];
  const ok = typeof cost === 'string' && /^[+-]?\d+$/.test(cost) && Number(cost) >= -(2 ** 31) && Number(cost) <= MAX_INT32;
  return ok ? [] : [invalid(`${path}[controller.kubernetes.io/pod-deletion-cost]`, cost, 'must be a 32bit integer')];
}

/** ValidatePodTemplateSpec: labels, annotations, pod-specific annotations, spec. */
export function validatePodTemplateSpec(template: Obj, path: string): FieldError[] {
  const meta = isRecord(template.metadata) ? template.metadata : undefined;
  // The apiserver reports template labels at `spec.template.labels` (ObjectMeta is inlined there).
  const errs = validateTemplateMeta(meta, path);
  errs.push(...validatePodAnnotations(meta?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(template.spec, `${path}.spec`, { isPod: false }));
  if (isRecord(template.spec) && Array.isArray(template.spec.ephemeralContainers) && template.spec.ephemeralContainers.length > 0) {
    errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** Template defaults: the PodSpec defaults, nothing pod-only. */
export function defaultPodTemplate(template: unknown): void {
  if (!isRecord(template)) return;
  if (isRecord(template.spec)) defaultPodSpec(template.spec);
}
