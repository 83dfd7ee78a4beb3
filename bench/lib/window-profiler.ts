/**
 * A CPU profile of one measured window inside a bench child (the same V8 sampling profiler
 * and .cpuprofile format as `node --cpu-prof`, without the start-up in it). The runner asks
 * the child to start before the window and to stop after it; the file is written then.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';

let session: Session | undefined;

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
}

/**
 * The first samples hang under the inspector call that started the profiler while the
 * process waits for its first request; they are idle time, so they are counted as such.
 */
function idleWhileStarting(profile: CpuProfile): void {
  const idle = profile.nodes.find((n) => n.callFrame.functionName === '(idle)');
  if (!idle) return;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const starting = new Set<number>();
  for (const node of profile.nodes) {
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.functionName === 'startWindowProfile') {
        starting.add(node.id);
        break;
      }
    }
  }
  profile.samples = profile.samples.map((id) => (starting.has(id) ? idle.id : id));
}

function post<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
  return new Promise((resolve, reject) => session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

export async function startWindowProfile(intervalUs = 500): Promise<void> {
  session ??= new Session();
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalUs });
  await post('Profiler.start');
}

/** Stops the profile and writes it to `file`. */
export async function stopWindowProfile(file: string): Promise<void> {
  if (!session) throw new Error('no profile was started');
  const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
  idleWhileStarting(profile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(profile));
  await post('Profiler.disable');
  session.disconnect();
}

/** IPC handlers for answerParent: profile-start, profile-stop { file }. */
export const profileHandlers = {
  'profile-start': async () => {
    await startWindowProfile();
    return {};
  },
  'profile-stop': async (message: Record<string, unknown>) => {
    await stopWindowProfile(String(message.file));
    return {};
  },
};
