// Test page: the lesson's worked examples computed in the browser (see examples/lesson.ts).
import { Engine } from '../../src/engine/engine';
import { runLesson } from '../../examples/lesson';

async function lesson() {
  const engine = await Engine.create();
  try {
    const {
      gdPath: _path,
      surface: _surface,
      ...values
    } = await runLesson(engine, { surfaceSize: 5 });
    return { adapter: engine.adapterName, ...values };
  } finally {
    engine.destroy();
  }
}

Object.assign(window, { lesson });
document.getElementById('status')!.textContent = 'ready';
