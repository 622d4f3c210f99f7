import { beforeAll, describe, expect, it } from 'vitest';
import { runLesson, type LessonResult } from '../../examples/lesson';
import { expectClose } from '../helpers/expect-close';
import { testEngine } from '../helpers/engine';

const KERAS_SUMMARY = `Model: "sequential"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 dense (Dense)               (None, 2)                 4

 dense_1 (Dense)             (None, 1)                 2
=================================================================
Total params: 6
Trainable params: 6
Non-trainable params: 0
_________________________________________________________________`;

describe('the lesson, reproduced on the GPU', () => {
  let r: LessonResult;
  beforeAll(async () => {
    r = await runLesson(await testEngine());
  });

  it('computes the hidden layer and the linear output', () => {
    expectClose(r.hidden, [2.154, -8.846], { atol: 1e-5, rtol: 0 });
    expectClose([r.linear], [1.8263], { atol: 1e-5, rtol: 0 });
  });

  it('computes the sigmoid, relu and tanh outputs', () => {
    expectClose([r.sigmoid, r.relu, r.tanh], [0.6970569, 2.00322, 0.7090626], {
      atol: 1e-5,
      rtol: 0,
    });
  });

  it('computes MAE and MSE of the relu network against 0.34 through evaluate', () => {
    expectClose([r.mae, r.mse], [1.66322, 2.7663008], { atol: 1e-5, rtol: 0 });
  });

  it('descends with Adam to the lesson weights after 1,000 and 5,000 steps', () => {
    expectClose(r.gdWeights1000, [1.0, 0.11923], { atol: 1e-4, rtol: 0 });
    expectClose(r.gdWeights5000, [1.0, -0.99955], { atol: 1e-3, rtol: 0 });
    expect(r.gdPath).toHaveLength(5000);
    // The loss falls along the path: the recorded first and last steps.
    expect(r.gdPath[0].loss).toBeGreaterThan(r.gdPath[4999].loss * 100);
  });

  it('computes the loss surface: its minimum is at weights (1, -1)', () => {
    const { size, min, max, loss } = r.surface;
    expect(loss).toHaveLength(size * size);
    const best = loss.indexOf(Math.min(...loss));
    const step = (max - min) / (size - 1);
    expectClose([min + (best % size) * step, min + Math.floor(best / size) * step], [1, -1], {
      atol: step,
      rtol: 0,
    });
    // At (w1, w2) = (-1.5, -1.5): mean of (-2.5)² and (-0.5)².
    expectClose([loss[0]], [(6.25 + 0.25) / 2], { atol: 1e-5, rtol: 1e-6 });
  });

  it("prints Keras's summary table", () => {
    expect(r.summary).toBe(KERAS_SUMMARY);
  });
});
