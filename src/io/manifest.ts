// model.json as the TensorFlow.js Layers format writes it: the topology plus a weights
// manifest naming the binary files and, in order, each weight's name, shape and dtype.
import { InputError } from '../engine/errors';

export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface WeightGroup {
  paths: string[];
  weights: WeightEntry[];
  /** Bytes the group's files hold together. */
  bytes: number;
}

export interface ParsedModelJson {
  topology: unknown;
  groups: WeightGroup[];
  /** Total weight bytes declared. */
  bytes: number;
}

const MAX_JSON_CHARS = 64 * 1024 * 1024;
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);

/** A path inside the model's folder: relative, without "..", without a scheme. */
function safePath(p: unknown, what: string): string {
  if (typeof p !== 'string' || p.length === 0 || p.length > 1024)
    throw new InputError(`${what}: bad path ${JSON.stringify(p)}`);
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(p) ||
    p.startsWith('/') ||
    p.startsWith('\\') ||
    p.split(/[\\/]/).includes('..')
  ) {
    throw new InputError(
      `${what}: path "${p}" must be relative to model.json and stay in its folder`,
    );
  }
  return p;
}

/** Parses and checks model.json before any weight byte is read or any GPU memory allocated. */
export function parseModelJson(text: string, maxBytes: number): ParsedModelJson {
  if (text.length > MAX_JSON_CHARS)
    throw new InputError(`model.json: ${text.length} characters is too large`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`model.json: not valid JSON (${(err as Error).message})`);
  }
  if (!isObj(json)) throw new InputError('model.json: expected an object');
  const format = own(json, 'format');
  if (format !== undefined && format !== 'layers-model') {
    throw new InputError(
      `model.json: format "${String(format)}" is not supported; only "layers-model"`,
    );
  }
  const topology = own(json, 'modelTopology');
  if (topology === undefined) throw new InputError('model.json: no modelTopology');
  const manifest = own(json, 'weightsManifest');
  if (!Array.isArray(manifest)) throw new InputError('model.json: weightsManifest must be a list');
  let total = 0;
  const groups = manifest.map((g: unknown, gi: number): WeightGroup => {
    const what = `model.json weightsManifest[${gi}]`;
    if (!isObj(g)) throw new InputError(`${what}: expected {paths, weights}`);
    const paths = own(g, 'paths');
    const weights = own(g, 'weights');
    if (!Array.isArray(paths) || !Array.isArray(weights))
      throw new InputError(`${what}: expected {paths, weights}`);
    let bytes = 0;
    const entries = weights.map((w: unknown, wi: number): WeightEntry => {
      const ww = `${what}.weights[${wi}]`;
      if (!isObj(w)) throw new InputError(`${ww}: expected {name, shape, dtype}`);
      const name = own(w, 'name');
      const shape = own(w, 'shape');
      const dtype = own(w, 'dtype');
      if (typeof name !== 'string' || name.length > 512) throw new InputError(`${ww}: bad name`);
      if (own(w, 'quantization') !== undefined)
        throw new InputError(`${ww} "${name}": quantized weights are not supported`);
      if (dtype !== 'float32')
        throw new InputError(
          `${ww} "${name}": dtype "${String(dtype)}" is not supported; only float32`,
        );
      if (
        !Array.isArray(shape) ||
        shape.length > 8 ||
        !shape.every((d) => Number.isInteger(d) && d >= 0)
      ) {
        throw new InputError(`${ww} "${name}": bad shape ${JSON.stringify(shape)}`);
      }
      const size = (shape as number[]).reduce((a, b) => a * b, 1);
      bytes += size * 4;
      if (total + bytes > maxBytes) {
        throw new InputError(
          `${ww} "${name}": the weights declared so far take ${total + bytes} bytes, over the ` +
            `limit of ${maxBytes} (raise it with the maxBytes option if the model is trusted)`,
        );
      }
      return { name, shape: shape as number[], dtype };
    });
    total += bytes;
    return { paths: paths.map((p: unknown) => safePath(p, what)), weights: entries, bytes };
  });
  return { topology, groups, bytes: total };
}

/** model.json's object for a model whose weights are in one file, `weightsPath`. */
export function modelJsonOf(topology: object, weights: WeightEntry[], weightsPath: string): object {
  return {
    modelTopology: topology,
    format: 'layers-model',
    generatedBy: 'webgpu-nn 0.1.0',
    convertedBy: null,
    weightsManifest: [{ paths: [weightsPath], weights }],
  };
}
