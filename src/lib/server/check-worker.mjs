// Entry of the maintainer-check worker thread. The built server bundles src/ into build/, but a
// worker needs a file of its own: it runs the TypeScript source through tsx (a runtime dependency,
// as for the `capdo` command), so the worker checks with exactly the code the CLI uses.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
