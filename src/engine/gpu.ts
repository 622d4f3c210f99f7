// Finds a WebGPU implementation: `navigator.gpu` in browsers, the `webgpu` package (Dawn) in Node.
import { WebGPUUnavailableError } from './errors';

// Dawn's GPU object must stay referenced while any of its devices lives: if it is garbage
// collected, the process crashes. Kept here for the life of the process.
let nodeGpu: GPU | undefined;

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

async function loadNodeGpu(flags: string[]): Promise<GPU> {
  if (nodeGpu) return nodeGpu;
  // A variable specifier keeps bundlers from pulling the native package into browser builds.
  const pkg = 'webgpu';
  let mod: { create(flags: string[]): GPU; globals: Record<string, unknown> };
  try {
    mod = await import(/* @vite-ignore */ pkg);
  } catch (err) {
    throw new WebGPUUnavailableError(
      'WebGPU in Node needs the optional peer dependency "webgpu" (Dawn): run `npm install webgpu`. ' +
        `Loading it failed: ${(err as Error).message}`,
    );
  }
  // Dawn's GPUBufferUsage, GPUMapMode, ... constants live on its globals object.
  for (const [key, value] of Object.entries(mod.globals)) {
    if (!(key in globalThis)) (globalThis as Record<string, unknown>)[key] = value;
  }
  nodeGpu = mod.create(flags);
  return nodeGpu;
}

/** The platform's GPU object, or a WebGPUUnavailableError saying what to enable. */
export async function findGpu(dawnFlags: string[] = []): Promise<GPU> {
  if (typeof navigator !== 'undefined' && navigator.gpu) return navigator.gpu;
  if (isNode) return loadNodeGpu(dawnFlags);
  throw new WebGPUUnavailableError(
    'WebGPU is not available in this browser (navigator.gpu is undefined). Use a browser with ' +
      'WebGPU enabled (Chrome/Edge 113+, Safari 26+, Firefox 141+), served over https or from ' +
      'localhost; in Chromium without a GPU, start it with --enable-unsafe-webgpu.',
  );
}
