import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/types';
import type { StoreView } from '../../store/ObjectStore';
import { fieldErrorText } from '../errors';
import { strategyFor } from '../strategy';
import './index';

function defaulted(yaml: string): KubeObject {
  const obj = parse(yaml) as KubeObject;
  obj.metadata.namespace ??= 'default';
  strategyFor(obj.kind)!.defaults(obj);
  return obj;
}
const errorsOf = (yaml: string) => strategyFor('ReplicationController')!.validate(defaulted(yaml), {} as StoreView).map(fieldErrorText);

const rc = (spec: string) => `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
${spec}`;
const template = '  template:\n    metadata:\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia\n        ports:\n        - containerPort: 8080\n';

describe('ReplicationController', () => {
  it('defaults selector, labels and replicas from the template', () => {
    const obj = defaulted(rc(template));
    expect(obj.spec).toMatchObject({ replicas: 1, selector: { app: 'kubia' } });
    expect(obj.metadata.labels).toEqual({ app: 'kubia' });
    expect(errorsOf(rc(template))).toEqual([]);
  });

  it('keeps an explicit selector and labels', () => {
    const obj = defaulted(rc(`  selector:\n    app: kubia\n${template}`).replace('name: kubia\nspec', 'name: kubia\n  labels:\n    team: a\nspec'));
    expect(obj.metadata.labels).toEqual({ team: 'a' });
  });

  it.each([
    [
      'selector that does not match',
      rc(`  selector:\n    app: other\n${template}`),
      ['spec.template.metadata.labels: Invalid value: {"app":"kubia"}: `selector` does not match template `labels`'],
    ],
    ['no template and no selector', rc('  replicas: 2\n'), ['spec.selector: Required value', 'spec.template: Required value']],
    [
      'template restartPolicy',
      rc(template.replace('      containers:', '      restartPolicy: Never\n      containers:')),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(errorsOf(yaml)).toEqual(expected);
  });

  it('allows changing the selector (no immutability for RCs)', () => {
    expect(strategyFor('ReplicationController')!.validateUpdate).toBeUndefined();
  });
});
