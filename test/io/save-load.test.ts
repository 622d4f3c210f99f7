import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/io/model-io';
import { ELU, LeakyReLU, ReLU, Softmax } from '../../src/nn/activation-layers';
import { Dense } from '../../src/nn/dense';
import { setRandomSeed } from '../../src/nn/initializers';
import { Sequential } from '../../src/nn/sequential';
import { expectClose } from '../helpers/expect-close';
import { randomArray, testEngine } from '../helpers/engine';

const dir = mkdtempSync(join(tmpdir(), 'webgpu-nn-io-'));
const X = { data: randomArray(20 * 6, 1, -2, 2), shape: [20, 6] };

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => tf.disposeVariables());

async function ours() {
  setRandomSeed(3);
  const m = new Sequential({ engine: await testEngine() });
  m.add(new Dense(8, { inputDim: 6, activation: 'tanh' }));
  m.add(new LeakyReLU({ negativeSlope: 0.1 }));
  m.add(new Dense(7, { activation: 'elu' }));
  m.add(new ReLU({ maxValue: 6 }));
  m.add(new Dense(5));
  m.add(new ELU()); // TF.js's ELU layer supports alpha 1 only
  m.add(new Dense(3, { activation: 'softmax', useBias: false }));
  return m;
}

describe('save and load in the TF.js Layers format', () => {
  it('round-trips bit for bit and trains on from the loaded weights', async () => {
    const m = await ours();
    const path = join(dir, 'roundtrip');
    await m.save(path);
    const loaded = await loadModel(path, { engine: await testEngine() });
    expect(loaded.summary().split('\n').slice(1)).toEqual(m.summary().split('\n').slice(1));
    expectClose((await loaded.predict(X)).data, (await m.predict(X)).data, { atol: 0, rtol: 0 });
    loaded.compile({ optimizer: 'adam', loss: 'sparse_categorical_crossentropy' });
    const h = await loaded.fit(
      X,
      Array.from({ length: 20 }, (_, i) => i % 3),
      { epochs: 5 },
    );
    expect(h.history.loss[4]).toBeLessThan(h.history.loss[0]);
    m.dispose();
    loaded.dispose();
  });

  it('loads a model built and saved by TF.js 4.22 and predicts the same', async () => {
    const t = tf.sequential();
    t.add(tf.layers.dense({ units: 9, inputShape: [6], activation: 'relu' }));
    t.add(tf.layers.dense({ units: 7, activation: 'sigmoid' }));
    t.add(tf.layers.dense({ units: 5, activation: 'selu', useBias: false }));
    t.add(tf.layers.leakyReLU({ alpha: 0.2 }));
    t.add(tf.layers.dense({ units: 4, activation: 'softplus' }));
    t.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
    const path = join(dir, 'from-tfjs');
    await t.save(
      tf.io.withSaveHandler(async (a) => {
        mkdirSync(path, { recursive: true });
        writeFileSync(
          join(path, 'model.json'),
          JSON.stringify({
            modelTopology: a.modelTopology,
            format: a.format,
            generatedBy: a.generatedBy,
            weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
          }),
        );
        writeFileSync(join(path, 'weights.bin'), new Uint8Array(a.weightData as ArrayBuffer));
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const expected = (t.predict(tf.tensor2d(X.data, [20, 6])) as tf.Tensor).dataSync();
    const m = await loadModel(path, { engine: await testEngine() });
    expectClose((await m.predict(X)).data, expected, { atol: 1e-5, rtol: 1e-5 });
    m.dispose();
  });

  it('saves a model that TF.js 4.22 loads and predicts the same with', async () => {
    const m = await ours();
    const path = join(dir, 'to-tfjs');
    await m.save(path);
    const json = JSON.parse(readFileSync(join(path, 'model.json'), 'utf8'));
    const t = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: new Uint8Array(readFileSync(join(path, 'weights.bin'))).buffer,
      }),
    );
    const got = (t.predict(tf.tensor2d(X.data, [20, 6])) as tf.Tensor).dataSync();
    expectClose(got, (await m.predict(X)).data, { atol: 1e-5, rtol: 1e-5 });
    m.dispose();
  });
});

describe('model files are untrusted input', () => {
  let good: { json: Record<string, unknown>; bin: Uint8Array };
  beforeAll(async () => {
    const m = new Sequential({ engine: await testEngine() });
    m.add(new Dense(4, { inputDim: 3, activation: 'relu' }));
    m.add(new Softmax());
    await m.save(join(dir, 'good'));
    m.dispose();
    good = {
      json: JSON.parse(readFileSync(join(dir, 'good', 'model.json'), 'utf8')),
      bin: new Uint8Array(readFileSync(join(dir, 'good', 'weights.bin'))),
    };
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function write(name: string, edit: (j: any) => void, bin = good.bin): string {
    const j = structuredClone(good.json);
    edit(j);
    const p = join(dir, name);
    mkdirSync(p, { recursive: true });
    writeFileSync(join(p, 'model.json'), JSON.stringify(j));
    writeFileSync(join(p, 'weights.bin'), bin);
    return p;
  }

  const load = async (p: string, o = {}) => loadModel(p, { engine: await testEngine(), ...o });

  it('refuses unknown layer classes, activations and dtypes by name', async () => {
    await expect(
      load(write('cls', (j) => (j.modelTopology.config.layers[1].class_name = 'Dropout'))),
    ).rejects.toThrow(/layer class "Dropout" is not supported/);
    await expect(
      load(write('act', (j) => (j.modelTopology.config.layers[0].config.activation = 'gelu_new'))),
    ).rejects.toThrow(/activation "gelu_new" is not supported/);
    await expect(
      load(
        write('hs', (j) => (j.modelTopology.config.layers[0].config.activation = 'hard_sigmoid')),
      ),
    ).rejects.toThrow(/hard_sigmoid.*0.2x \+ 0.5/);
    await expect(
      load(write('dtype', (j) => (j.weightsManifest[0].weights[0].dtype = 'float16'))),
    ).rejects.toThrow(/dtype "float16" is not supported; only float32/);
  });

  it('checks sizes and shapes against the bytes before allocating, and reports truncation', async () => {
    await expect(load(write('short', () => {}, good.bin.subarray(0, 20)))).rejects.toThrow(
      /weights file "weights.bin" is truncated: the manifest declares 64 bytes, it holds 20/,
    );
    await expect(load(write('long', () => {}, new Uint8Array(200)))).rejects.toThrow(
      /holds 200 bytes, more than the 64/,
    );
    await expect(
      load(write('shape', (j) => (j.weightsManifest[0].weights[0].shape = [3, 5]))),
    ).rejects.toThrow(/weight 0 "dense.*\/kernel" has shape \[3,5\], its layer needs \[3,4\]/);
    await expect(
      load(
        write('huge', (j) => {
          j.modelTopology.config.layers[0].config.units = 1_000_000_000;
        }),
      ),
    ).rejects.toThrow(/units: expected an integer in \[1, 1000000\], got 1000000000/);
    await expect(
      load(write('cap', (j) => (j.weightsManifest[0].weights[0].shape = [100000, 100000]))),
    ).rejects.toThrow(/over the limit of/);
    await expect(
      load(
        write('small-cap', () => {}),
        { maxBytes: 16 },
      ),
    ).rejects.toThrow(/over the limit of 16/);
  });

  it('ignores __proto__ keys and refuses paths that leave the folder', async () => {
    const p = join(dir, 'proto');
    mkdirSync(p, { recursive: true });
    const text = JSON.stringify(good.json).replace(
      '"units":4',
      '"__proto__":{"units":4,"polluted":true},"units":4',
    );
    writeFileSync(join(p, 'model.json'), text);
    writeFileSync(join(p, 'weights.bin'), good.bin);
    const m = await load(p);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(m.outputWidth).toBe(4);
    m.dispose();
    await expect(
      load(write('escape', (j) => (j.weightsManifest[0].paths = ['../good/weights.bin']))),
    ).rejects.toThrow(/must be relative to model.json and stay in its folder/);
    await expect(
      load(write('abs', (j) => (j.weightsManifest[0].paths = ['/etc/passwd']))),
    ).rejects.toThrow(/stay in its folder/);
  });
});
