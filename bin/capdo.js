#!/usr/bin/env node
// `npx capdo …` runs the TypeScript CLI directly through tsx: no build step after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
