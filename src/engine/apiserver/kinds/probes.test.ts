import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../errors';
import { defaultProbe, portNameErrors, validateLifecycle, validatePortNumOrName, validateProbe } from './probes';

describe('probes', () => {
  it('defaults like SetDefaults_Probe and SetDefaults_HTTPGetAction', () => {
    const probe: Record<string, unknown> = { httpGet: { port: 8080 }, periodSeconds: 5 };
    defaultProbe(probe);
    expect(probe).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
  });

  it('validates grpc ports as numbers and rejects an unknown scheme', () => {
    expect(validateProbe({ grpc: { port: 0 }, successThreshold: 1 }, 'livenessProbe', 30, 'p').map(fieldErrorText)).toEqual(['p.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive']);
    expect(validateProbe({ httpGet: { port: 80, path: '/', scheme: 'FTP' }, successThreshold: 1 }, 'readinessProbe', 30, 'p').map(fieldErrorText)).toEqual(['p.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"']);
  });

  it('checks named ports like IsValidPortName', () => {
    expect(portNameErrors('http')).toEqual([]);
    expect(portNameErrors('web--Port')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must not contain consecutive hyphens']);
    expect(portNameErrors('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(validatePortNumOrName('a-very-long-port-name', 'p').map(fieldErrorText)).toEqual(['p: Invalid value: "a-very-long-port-name": must be no more than 15 bytes']);
  });

  it('validates lifecycle hooks, including sleep against the grace period', () => {
    expect(validateLifecycle({ preStop: {} }, 30, 'l').map(fieldErrorText)).toEqual(['l.preStop: Required value: must specify a handler type']);
    expect(validateLifecycle({ preStop: { sleep: { seconds: 60 } } }, 30, 'l').map(fieldErrorText)).toEqual(['l.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)']);
  });
});
