/**
 * A CPU profile of one measured window inside a bench child (the same V8 sampling profiler
 * and .cpuprofile format as `node --cpu-prof`, without the start-up in it). The runner asks
 * the child to start before the window and to stop after it; the file is written then.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';

let session: Session | undefined;

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
  const { profile } = await post<{ profile: unknown }>('Profiler.stop');
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
