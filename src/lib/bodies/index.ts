// State bodies over time (bodies/vn.yaml): pure; the server and CLI read the file through
// src/lib/server/bodies-file.ts. See docs/maintainer-guide.md §12.
export * from './types';
export { loadBodies, provincesAfter } from './load';
export { bodiesOf, localizedOn, nameOn, nameKey } from './resolve';
