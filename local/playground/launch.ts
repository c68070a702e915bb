import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Deployment } from '../emulator';
import { Playground, PlaygroundOptions, startServer } from './server';

export interface Launched {
  playground: Playground;
  server: http.Server;
  url: string;
}

/** Builds the shell's browser code and starts the playground on 127.0.0.1 (port 0 picks a free one). */
export async function launchPlayground(
  root: string,
  options: { port?: number; reset?: boolean; stateFile?: string; deployment?: Deployment } = {},
): Promise<Launched> {
  const ui = join(root, 'local', 'playground', 'ui');
  const bundled = await build({
    entryPoints: [join(ui, 'app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'error',
  });
  const o: PlaygroundOptions = {
    root,
    port: options.port ?? 0,
    reset: options.reset ?? false,
    stateFile: options.stateFile ?? join(root, '.playground', 'state.json'),
    appJs: bundled.outputFiles[0].text,
    appCss: readFileSync(join(ui, 'app.css'), 'utf8'),
    appHtml: readFileSync(join(ui, 'index.html'), 'utf8'),
    deployment: options.deployment ?? 'bound',
  };
  const playground = new Playground(o);
  const server = startServer(playground, o);
  await new Promise<void>((resolve) => server.listen(o.port, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  return { playground, server, url: `http://127.0.0.1:${port}/` };
}
