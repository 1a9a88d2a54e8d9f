// TEMPORARY (delete before finishing).
import type { TestProject } from 'vitest/node';
export default function setup(project: TestProject) {
  project.provide('testDatabaseServer' as never, { adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres', template: 'none' } as never);
}
