// The lesson's MNIST network: 784 -> Dense(800, relu) -> Dense(400, relu) -> Dense(10, softmax),
// Adam, categorical crossentropy, accuracy. Shared by `npm run train` and the demo page.
import type { Engine } from '../src/engine/engine';
import { Dense } from '../src/nn/dense';
import { Adam } from '../src/nn/optimizers';
import { Sequential } from '../src/nn/sequential';

export function mnistModel(engine: Engine, { learningRate = 0.001 } = {}): Sequential {
  const model = new Sequential({ engine });
  model.add(new Dense(800, { inputDim: 784, activation: 'relu' }));
  model.add(new Dense(400, { activation: 'relu' }));
  model.add(new Dense(10, { activation: 'softmax' }));
  model.compile({
    optimizer: new Adam(learningRate),
    loss: 'categorical_crossentropy',
    metrics: ['accuracy'],
  });
  return model;
}
