/**
 * Summarises V8 CPU profiles (from `node --cpu-prof`): self time by package (or our workspace, or
 * node internals / GC), per profile file. Used to find where the catalog page's time goes:
 *   node bench/catalog/profile-summary.ts <dir-with-.cpuprofile-files> [top=12] [skip seconds=0]
 * `skip` leaves out the first seconds of each profile (the start-up, when profiling a load run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function bucket(frame: Node['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:internal/')) return 'node:internal/' + url.slice(14).split('/')[0].replace(/\.js$/, '');
  if (url.startsWith('node:')) return url;
  const ours = /\/(subgraphs\/\w+|packages\/\w+|gateway|launcher|bench)\//.exec(url);
  return ours ? `[ours] ${ours[1]}` : url;
}

const dir = process.argv[2];
const top = Number(process.argv[3] ?? 12);
const skip = Number(process.argv[4] ?? 0) * 1e6;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()) {
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  let clock = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    clock += dt;
    if (clock < skip) return;
    const name = bucket(byId.get(id)!.callFrame);
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  const busy = total - (self.get('(idle)') ?? 0);
  console.log(`\n${file}: ${(busy / 1e6).toFixed(1)} s busy of ${(total / 1e6).toFixed(1)} s`);
  for (const [name, us] of [...self]
    .filter(([n]) => n !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)) {
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${name}`);
  }
}
