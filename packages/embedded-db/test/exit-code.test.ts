import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('loading the embedded database module', () => {
  it('leaves the exit code of the process alone (a failed test run must not exit 0)', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        '--input-type=module',
        '-e',
        "await import('@dealergraph/embedded-db'); process.exitCode = 3;",
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });
});
