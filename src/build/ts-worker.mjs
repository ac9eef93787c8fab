// Entry of the worker thread that runs Eleventy (see run-eleventy.ts): a worker does not
// inherit tsx's loader, so register it, then load the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./eleventy-worker-body.ts');
