import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { GPUKernelError } from '../../src/engine/errors';
import { GpuTimer } from '../../src/engine/gpu-timer';
import { matmul } from '../../src/kernels/matmul';
import { expectClose } from '../helpers/expect-close';
import { testEngine } from '../helpers/engine';

describe('engine', () => {
  it('names the kernel whose WGSL fails to compile, and keeps working afterwards', async () => {
    const engine = await testEngine();
    const out = engine.zeros([4], 'out');
    const broken = {
      name: 'broken_kernel',
      code: '@compute @workgroup_size(1) fn main() { let x: f32 = nope; }',
    };
    engine.run('bad', (r) => r.dispatch({ kernel: broken, bindings: [], workgroups: 1 }));
    await expect(engine.sync()).rejects.toThrow(GPUKernelError);
    // The fault is reported once; the engine goes on.
    const a = engine.tensor([1, 2, 3, 4], [2, 2], 'a');
    engine.run('good', (r) => matmul(r, engine, a, a, out));
    expectClose(await out.read(), [7, 10, 15, 22], { atol: 0, rtol: 0 });
    [a, out].forEach((t) => t.dispose());
  });

  it('reports the compile error with the kernel name and line', async () => {
    const engine = await testEngine();
    const broken = {
      name: 'broken_again',
      code: '@compute @workgroup_size(1) fn main() { let y: u32 = 1.5; }',
    };
    engine.run('bad', (r) => r.dispatch({ kernel: broken, bindings: [], workgroups: 1 }));
    await expect(engine.sync()).rejects.toThrow(/broken_again/);
  });

  it('counts live tensors and bytes, and refuses a disposed tensor and a wrong reshape', async () => {
    const engine = await testEngine();
    const before = engine.memory();
    const t = engine.tensor([1, 2, 3], [3], 'three');
    expect(engine.memory().tensors).toBe(before.tensors + 1);
    expect(engine.memory().bytesInUse).toBe(before.bytesInUse + 16);
    expect(() => t.reshape([2, 2])).toThrow(/\[3\] has 3 elements, \[2,2\] has 4/);
    t.dispose();
    expect(engine.memory().tensors).toBe(before.tensors);
    expect(() => t.read()).toThrow(/tensor "three" \[3\] was disposed/);
    expect(() => engine.tensor([1, 2], [3], 'short')).toThrow(
      /short: 2 values do not fill shape \[3\]/,
    );
    expect(engine.memory().tensors).toBe(before.tensors);
  });

  it('splits a 1-D dispatch over 65,535 workgroups into two dimensions', async () => {
    const engine = await testEngine();
    const n = 65_535 * 256 + 1000;
    const x = engine.tensor(new Float32Array(n).fill(-1), [n], 'x');
    const y = engine.empty([n], 'y');
    const { activation } = await import('../../src/kernels/activation');
    engine.run('big', (r) => activation(r, engine, x, y, { name: 'relu' }));
    const got = await y.read();
    expect(got.every((v) => v === 0)).toBe(true);
    [x, y].forEach((t) => t.dispose());
  });

  it('times GPU work alone with timestamp queries where the adapter has them', async () => {
    const engine = await testEngine();
    const timer = GpuTimer.create(engine);
    if (!timer) {
      expect(engine.device.features.has('timestamp-query')).toBe(false);
      return;
    }
    const a = engine.tensor(new Float32Array(256 * 256).fill(1), [256, 256], 'a');
    const out = engine.empty([256, 256], 'out');
    const ms = await timer.time('timed', (r) => matmul(r, engine, a, a, out));
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(60_000);
    expectClose((await out.read()).subarray(0, 3), [256, 256, 256], { atol: 0, rtol: 0 });
    timer.destroy();
    [a, out].forEach((t) => t.dispose());
  });

  it("runs on a caller's own GPUDevice and leaves it alive when destroyed", async () => {
    const shared = await testEngine();
    const engine = await Engine.create({ device: shared.device });
    const a = engine.tensor([1, 2, 3, 4], [2, 2], 'a');
    const out = engine.empty([2, 2], 'out');
    engine.run('own device', (r) => matmul(r, engine, a, a, out));
    expectClose(await out.read(), [7, 10, 15, 22], { atol: 0, rtol: 0 });
    [a, out].forEach((t) => t.dispose());
    engine.destroy();
    expect(shared.isLost).toBe(false);
    const t = shared.tensor([5], [1], 'still');
    expect([...(await t.read())]).toEqual([5]);
    t.dispose();
  });
});
