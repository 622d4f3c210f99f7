// `npm run example:lesson [-- --json]`: prints the lesson's values as computed on the GPU.
import { parseArgs } from 'node:util';
import { Engine } from '../src/engine/engine';
import { runLesson } from './lesson';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const engine = await Engine.create();
const r = await runLesson(engine);
engine.destroy();

if (values.json) {
  const { linear, sigmoid, relu, tanh, mae, mse, gdWeights1000, gdWeights5000, summary } = r;
  console.log(
    JSON.stringify({
      linear,
      sigmoid,
      relu,
      tanh,
      mae,
      mse,
      gdWeights1000,
      gdWeights5000,
      summary,
    }),
  );
} else {
  const f = (v: number) => v.toPrecision(7);
  console.log(`adapter: ${engine.adapterName}`);
  console.log(`2-2-1 network, input [7.2, -5.8], weights w1..w6 = 0.42 0.15 -0.56 0.83 0.93 0.02`);
  console.log(`  hidden (linear):  ${r.hidden.map(f).join(', ')}`);
  console.log(`  linear output:    ${f(r.linear)}`);
  console.log(`  sigmoid output:   ${f(r.sigmoid)}`);
  console.log(`  relu output:      ${f(r.relu)}`);
  console.log(`  tanh output:      ${f(r.tanh)}`);
  console.log(`  relu vs 0.34:     MAE ${f(r.mae)}, MSE ${f(r.mse)}`);
  console.log('Adam(0.001) on mse, x [[1,0],[0,1]], y [1,-1], from weights [1, 1]:');
  console.log(`  after 1000 steps: [${r.gdWeights1000.map(f).join(', ')}]`);
  console.log(`  after 5000 steps: [${r.gdWeights5000.map(f).join(', ')}]`);
  console.log(r.summary);
}
