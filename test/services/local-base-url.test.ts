import { describe, expect, it } from 'vitest';
import { isLocalBaseUrl } from '../../src/services/status/model-usage.js';

// OpenClaw 2026.9.6's isLocalProviderBaseUrl (with the model-auth host aliases): the endpoints
// it calls with no key. Loopback and RFC 1918 only — not link-local, not carrier-grade NAT.

describe('isLocalBaseUrl', () => {
  it.each([
    'http://localhost:8080/v1',
    'http://0.0.0.0:8000',
    'http://gpu-box.local:8000/v1',
    'http://host.docker.internal:11434',
    'http://127.0.0.5:9/v1',
    'http://[::1]:8080/v1',
    'http://[::ffff:127.0.0.1]:8080/v1',
    'http://10.1.2.3/v1',
    'http://10.1:8080/v1',
    'http://172.16.0.1/v1',
    'http://172.31.255.255/v1',
    'https://192.168.1.20:8443/v1',
  ])('%s is local', (url) => expect(isLocalBaseUrl(url)).toBe(true));

  it.each([
    'http://172.32.0.1/v1',
    'http://169.254.1.1/v1',
    'http://100.64.0.1/v1',
    'https://8.8.8.8/v1',
    'https://llm.example.com/v1',
    'http://[::ffff:10.0.0.1]/v1',
    'http://[fc00::1]/v1',
    'not a url',
  ])('%s is not', (url) => expect(isLocalBaseUrl(url)).toBe(false));
});
