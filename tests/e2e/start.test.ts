/** `npm start` (the README's first command) serves the app on localhost and prints its URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, ROOT } from './support.ts';

let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

describe('npm start', () => {
  it('prints a localhost URL that serves Parley', async () => {
    const port = await freePort();
    child = spawn('npm', ['start', '--', '--port', String(port), '--strictPort'], { cwd: ROOT, detached: true, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let out = '';
    const address = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL printed within 30 s:\n${out}`)), 30_000);
      const read = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /(http:\/\/localhost:\d+\/)/.exec(out);
        if (match) {
          clearTimeout(timer);
          done(match[1]!);
        }
      };
      child!.stdout!.on('data', read);
      child!.stderr!.on('data', read);
      child!.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${out}`)));
    });
    expect(address).toBe(`http://localhost:${port}/`);
    const html = await (await fetch(address.replace('localhost', '127.0.0.1'))).text().catch(async () => (await fetch(address)).text());
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('/src/ui/main.tsx');
  });
});
