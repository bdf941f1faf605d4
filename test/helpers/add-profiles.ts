// Child process for the concurrency test: adds `count` api_key profiles through the services,
// each one a separate locked read-modify-write of the store and of the config.

import { resolveWorkspace } from '../../src/services/config/workspace.js';
import { saveCredentialProfile } from '../../src/services/profiles/save-credential.js';

const [worker, count] = process.argv.slice(2);
const workspace = await resolveWorkspace({ env: process.env });
for (let i = 0; i < Number(count); i++) {
  await saveCredentialProfile({
    workspace,
    profileId: `custom:w${worker}-${i}`,
    provider: 'custom',
    kind: 'api_key',
    secret: `secret-${worker}-${i}`,
  });
}
