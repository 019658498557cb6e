import { describe, expect, it } from 'vitest';
import { explain, explainField, resolveResource, wrapText } from './explain';

describe('kubectl explain', () => {
  it('prints a field with its enum, in the plaintext template layout', () => {
    const result = explain('pods.spec.containers.imagePullPolicy');
    expect(result).toEqual({
      ok: true,
      text: [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: imagePullPolicy <string>',
        'ENUM:',
        '    Always',
        '    IfNotPresent',
        '    Never',
        '',
        'DESCRIPTION:',
        '    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if',
        '    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated.',
        '    ',
        '',
        '',
      ].join('\n'),
    });
  });

  it('prints a resource with its group and field list', () => {
    const result = explainField('deploy', 'spec.strategy');
    expect(result.ok).toBe(true);
    const text = result.ok ? result.text : '';
    expect(text.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n\n\nDESCRIPTION:\n')).toBe(true);
    expect(text).toContain('    DeploymentStrategy describes how to replace existing pods with new ones.\n    \nFIELDS:\n');
    expect(text).toContain('  type\t<string>\n  enum: Recreate, RollingUpdate\n');
    expect(text).toContain('  rollingUpdate\t<RollingUpdateDeployment>\n');
  });

  it('marks required fields and shows list, map and quantity types', () => {
    const spec = explain('pod.spec');
    expect(spec.ok && spec.text).toContain('  containers\t<[]Container> -required-\n');
    expect(spec.ok && spec.text).toContain('  nodeSelector\t<map[string]string>\n');
    const resources = explain('pod.spec.containers.resources');
    expect(resources.ok && resources.text).toContain('  limits\t<map[string]Quantity>\n');
    const probe = explain('pod.spec.containers.livenessProbe.httpGet');
    expect(probe.ok && probe.text).toContain('  port\t<IntOrString> -required-\n');
  });

  it('prints the field tree with --recursive', () => {
    const result = explain('rs.spec.selector', { recursive: true });
    expect(result.ok && result.text).toContain('FIELDS:\n  matchExpressions\t<[]LabelSelectorRequirement>\n    key\t<string> -required-\n    operator\t<string> -required-\n    values\t<[]string>\n  matchLabels\t<map[string]string>\n');
  });

  it('explains the HPA version asked for', () => {
    const v1 = explain('hpa.spec', { apiVersion: 'autoscaling/v1' });
    expect(v1.ok && v1.text).toContain('VERSION:    v1\n');
    expect(v1.ok && v1.text).toContain('  targetCPUUtilizationPercentage\t<integer>\n');
    const v2 = explain('horizontalpodautoscalers.spec');
    expect(v2.ok && v2.text).toContain('  metrics\t<[]MetricSpec>\n');
  });

  it('adds Podlab notes only when asked', () => {
    const plain = explain('pod.spec.volumes');
    const noted = explain('pod.spec.volumes', { podlabNotes: true });
    expect(plain.ok && plain.text).not.toContain('Podlab');
    expect(noted.ok && noted.text).toContain('Podlab: not simulated.');
  });

  it('answers unknown resources and fields as kubectl does', () => {
    expect(explain('services')).toEqual({ ok: false, error: 'error: the server doesn\'t have a resource type "services"' });
    expect(explain('pod.spec.containerz')).toEqual({ ok: false, error: 'error: field "containerz" does not exist' });
    expect(explain('pod.spec.containers.name.more')).toEqual({ ok: false, error: 'error: field "more" does not exist' });
  });

  it('resolves resource spellings', () => {
    expect(resolveResource('po')?.kind).toBe('Pod');
    expect(resolveResource('Deployment')?.kind).toBe('Deployment');
    expect(resolveResource('deployments.apps')?.kind).toBe('Deployment');
    expect(resolveResource('deployments.batch')).toBeUndefined();
    expect(explain('deployments.apps.spec.replicas').ok).toBe(true);
  });
});

describe('wrapText', () => {
  it('wraps at the last space within the width and keeps long words whole', () => {
    expect(wrapText('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapText('https://example.com/a/very/long/url tail', 10)).toBe('https://example.com/a/very/long/url\ntail');
    expect(wrapText('one\ntwo three', 5)).toBe('one\ntwo\nthree');
  });
});
