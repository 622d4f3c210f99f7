// model.save(target) and loadModel(source) in the TensorFlow.js Layers format.
import type { Engine } from '../engine/engine';
import { InputError } from '../engine/errors';
import { Sequential } from '../nn/sequential';
import { modelJsonOf, parseModelJson, type WeightEntry } from './manifest';
import { readerFor, writerFor } from './storage';
import { layersFromTopology, topologyOf } from './topology';

export interface LoadOptions {
  engine?: Engine;
  /** Refuse models whose weights take more bytes than this (default 1 GiB). */
  maxBytes?: number;
  /** Refuse layers wider than this (default 1,000,000 units). */
  maxWidth?: number;
}

/** Writes `model` as model.json plus one weights file. The optimizer state is not saved. */
export async function saveModel(
  model: Sequential,
  target: string,
): Promise<{ modelJsonBytes: number; weightBytes: number }> {
  const writer = writerFor(target);
  const topology = topologyOf(model.name, model.layers, model.inputWidth);
  const weights = await model.getWeights();
  const names = model.layers.flatMap((l) => l.weightSpecs(0).map((w) => `${l.name}/${w.name}`));
  const entries: WeightEntry[] = weights.map((w, i) => ({
    name: names[i],
    shape: w.shape,
    dtype: 'float32',
  }));
  const data = new Uint8Array(weights.reduce((s, w) => s + w.data.byteLength, 0));
  let offset = 0;
  for (const w of weights) {
    data.set(new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.byteLength), offset);
    offset += w.data.byteLength;
  }
  const json = JSON.stringify(modelJsonOf(topology, entries, writer.weightsPath));
  await writer.write(json, data);
  return { modelJsonBytes: json.length, weightBytes: data.byteLength };
}

/**
 * Reads a model in the TF.js Layers format: from a folder or model.json path (Node), a URL,
 * "indexeddb://name", or the File objects of model.json and its weights (browser).
 * @example const model = await loadModel('https://example.com/mnist/model.json');
 */
export async function loadModel(
  source: string | File[],
  options: LoadOptions = {},
): Promise<Sequential> {
  const { maxBytes = 2 ** 30, maxWidth = 1_000_000 } = options;
  const reader = readerFor(source);
  const parsed = parseModelJson(await reader.json(), maxBytes);
  const { name, layers } = layersFromTopology(parsed.topology, { maxWidth });
  const model = new Sequential({ name, layers, engine: options.engine });
  const shapes = model.weightShapes();
  const declared = parsed.groups.flatMap((g) => g.weights);
  if (declared.length !== shapes.length) {
    throw new InputError(
      `model.json: the manifest lists ${declared.length} weights, the layers have ${shapes.length}`,
    );
  }
  declared.forEach((w, i) => {
    if (w.shape.join() !== shapes[i].join()) {
      throw new InputError(
        `model.json: weight ${i} "${w.name}" has shape [${w.shape}], its layer needs [${shapes[i]}]`,
      );
    }
  });
  const values: Float32Array[] = [];
  for (const g of parsed.groups) {
    const parts: Uint8Array[] = [];
    // A group's files are one byte stream split across paths; only the total is declared.
    let left = g.bytes;
    for (const [i, p] of g.paths.entries()) {
      const last = i === g.paths.length - 1;
      const part = await reader.file(p, last ? left : Math.min(left, 4 * 1024 * 1024));
      parts.push(part);
      left -= part.length;
    }
    const bytes = new Uint8Array(g.bytes);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    offset = 0;
    for (const w of g.weights) {
      const size = w.shape.reduce((a, b) => a * b, 1);
      values.push(new Float32Array(bytes.buffer.slice(offset, offset + size * 4)));
      offset += size * 4;
    }
  }
  await model.setWeights(values.map((data, i) => ({ shape: shapes[i], data })));
  return model;
}
