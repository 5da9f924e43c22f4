#!/usr/bin/env node
// The `luoshi` command. Runs the compiled CLI from dist/ when `npm run build` has made it;
// otherwise (development, no build yet) runs the TypeScript source through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/luoshi.js', import.meta.url);

async function loadCli() {
  if (existsSync(compiled)) return import(compiled.href);
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'luoshi: dist/cli/luoshi.js is missing and tsx is not installed: run `npm run build` first.\n',
    );
    process.exit(1);
  }
  register();
  return import(new URL('../src/cli/luoshi.ts', import.meta.url).href);
}

const cli = await loadCli();
await cli.run(process.argv);
