// Pictures of the model: first-layer weights as 28x28 images, probability bars, the gallery of
// test digits with predictions, and the confusion matrix.

/** Paints a 28x28 image at (x, y), `scale` screen pixels per image pixel, coloured by `toRgb`. */
function paint(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  toRgb: (v: number) => [number, number, number],
  x: number,
  y: number,
  scale: number,
): void {
  const img = ctx.createImageData(28 * scale, 28 * scale);
  for (let py = 0; py < 28 * scale; py++) {
    for (let px = 0; px < 28 * scale; px++) {
      const [r, g, b] = toRgb(values[Math.floor(py / scale) * 28 + Math.floor(px / scale)]);
      const o = (py * 28 * scale + px) * 4;
      img.data.set([r, g, b, 255], o);
    }
  }
  ctx.putImageData(img, x, y);
}

/** 32 units of the first layer: blue for negative weights, red for positive. kernel: [784, 800]. */
export function drawWeights(canvas: HTMLCanvasElement, kernel: Float32Array, units: number): void {
  const cols = 8;
  const gap = 2;
  const scale = Math.floor((canvas.width - gap * (cols - 1)) / cols / 28);
  const pitch = 28 * scale + gap;
  canvas.height = Math.ceil(32 / cols) * pitch - gap;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (let u = 0; u < 32; u++) {
    const w = Float32Array.from({ length: 784 }, (_, i) => kernel[i * units + u]);
    const max = w.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-6);
    paint(
      ctx,
      w,
      (v) => {
        const t = Math.min(1, Math.abs(v) / max);
        return v >= 0 ? [255, 255 * (1 - t), 255 * (1 - t)] : [255 * (1 - t), 255 * (1 - t), 255];
      },
      (u % cols) * pitch,
      Math.floor(u / cols) * pitch,
      scale,
    );
  }
}

export function drawProbabilities(el: HTMLElement, probs: number[], names: string[]): void {
  const top = probs.indexOf(Math.max(...probs));
  el.replaceChildren(
    ...probs.map((p, i) => {
      const row = document.createElement('div');
      row.className = i === top ? 'bar top' : 'bar';
      const label = document.createElement('span');
      label.textContent = names[i];
      const bar = document.createElement('div');
      bar.style.width = `${(p * 100).toFixed(1)}%`;
      const value = document.createElement('span');
      value.textContent = p.toFixed(3);
      row.append(label, bar, value);
      return row;
    }),
  );
}

export function drawGallery(
  el: HTMLElement,
  images: Uint8Array,
  labels: Uint8Array,
  predicted: number[],
  names: string[],
): void {
  el.replaceChildren(
    ...predicted.map((p, i) => {
      const fig = document.createElement('figure');
      fig.className = p === labels[i] ? 'right' : 'wrong';
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 28;
      paint(
        canvas.getContext('2d')!,
        images.subarray(i * 784, (i + 1) * 784),
        (v) => [v, v, v],
        0,
        0,
        1,
      );
      const cap = document.createElement('figcaption');
      cap.textContent = p === labels[i] ? names[p] : `${names[p]} (is ${names[labels[i]]})`;
      fig.append(canvas, cap);
      return fig;
    }),
  );
}

/** counts[t * 10 + p]: how often true class t was predicted as p. */
export function drawConfusion(table: HTMLTableElement, counts: number[], names: string[]): void {
  const max = Math.max(1, ...counts);
  const head = document.createElement('tr');
  head.append(
    document.createElement('th'),
    ...names.map((n) => {
      const th = document.createElement('th');
      th.textContent = n.slice(0, 4);
      return th;
    }),
  );
  const rows = names.map((n, t) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = n.slice(0, 4);
    tr.append(
      th,
      ...names.map((_, p) => {
        const td = document.createElement('td');
        const c = counts[t * 10 + p];
        td.textContent = String(c);
        const alpha = Math.sqrt(c / max);
        td.style.background = t === p ? `rgba(26,158,84,${alpha})` : `rgba(192,38,45,${alpha})`;
        td.style.color = alpha > 0.6 ? '#fff' : '#1d2433';
        return td;
      }),
    );
    return tr;
  });
  table.replaceChildren(head, ...rows);
}

/** The loss surface as a heat map with the optimizer's path over it. */
export function drawSurface(
  canvas: HTMLCanvasElement,
  surface: { size: number; min: number; max: number; loss: number[] },
  path: number[][],
): void {
  const ctx = canvas.getContext('2d')!;
  const { size, min, max, loss } = surface;
  const top = Math.max(...loss);
  const cell = canvas.width / size;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const t = Math.sqrt(loss[i * size + j] / top);
      ctx.fillStyle = `hsl(${240 - 240 * t}, 70%, ${35 + 30 * t}%)`;
      // Row i holds w2 from min (bottom) to max (top).
      ctx.fillRect(j * cell, canvas.height - (i + 1) * cell, cell + 1, cell + 1);
    }
  }
  const toPx = ([w1, w2]: number[]) => [
    ((w1 - min) / (max - min)) * canvas.width,
    canvas.height - ((w2 - min) / (max - min)) * canvas.height,
  ];
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  path.forEach((w, k) =>
    k === 0
      ? ctx.moveTo(...(toPx(w) as [number, number]))
      : ctx.lineTo(...(toPx(w) as [number, number])),
  );
  ctx.stroke();
  ctx.fillStyle = '#fff';
  for (const w of [path[0], path[path.length - 1]]) {
    if (!w) continue;
    const [x, y] = toPx(w);
    ctx.beginPath();
    ctx.arc(x, y, 4, 0, 2 * Math.PI);
    ctx.fill();
  }
}
